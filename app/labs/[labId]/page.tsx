import { requireSignedIn } from "~/server/auth/require";
import { prefetchReadable } from "~/app/_access/readable";
import { HydrateClient, trpc } from "~/server/trpc/rsc";
import { LabClient } from "./page-client";

export default async function LabPage(props: { params: Promise<{ labId: string }> }) {
  const { labId } = await props.params;
  await requireSignedIn(`/labs/${labId}`);
  // Members only (the service checks); anyone else gets the same 404 as for a missing lab.
  await prefetchReadable(trpc.lab.get.queryOptions({ labId }), trpc.setup.list.queryOptions({ labId }));
  return (
    <HydrateClient>
      <LabClient labId={labId} />
    </HydrateClient>
  );
}
