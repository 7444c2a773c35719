import { requireSignedIn } from "~/server/auth/require";
import { HydrateClient, prefetch, trpc } from "~/server/trpc/rsc";
import { EditSetupClient } from "./page-client";

export default async function EditSetupPage(props: { params: Promise<{ labId: string; setupId: string }> }) {
  const { labId, setupId } = await props.params;
  await requireSignedIn(`/labs/${labId}/setups/${setupId}`);
  await prefetch(trpc.setup.list.queryOptions({ labId }));
  return (
    <HydrateClient>
      <EditSetupClient labId={labId} setupId={setupId} />
    </HydrateClient>
  );
}
