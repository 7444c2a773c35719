import { requireSignedIn } from "~/server/auth/require";
import { HydrateClient, prefetch, trpc } from "~/server/trpc/rsc";
import { LabClient } from "./page-client";

export default async function LabPage(props: { params: Promise<{ labId: string }> }) {
  const { labId } = await props.params;
  await requireSignedIn(`/labs/${labId}`);
  await Promise.all([prefetch(trpc.lab.get.queryOptions({ labId })), prefetch(trpc.setup.list.queryOptions({ labId }))]);
  return (
    <HydrateClient>
      <LabClient labId={labId} />
    </HydrateClient>
  );
}
