import { requireSignedIn } from "~/server/auth/require";
import { notFound } from "next/navigation";
import { prefetchReadable } from "~/app/_access/readable";
import { HydrateClient, trpc } from "~/server/trpc/rsc";
import { EditSetupClient } from "./page-client";

export default async function EditSetupPage(props: { params: Promise<{ labId: string; setupId: string }> }) {
  const { labId, setupId } = await props.params;
  await requireSignedIn(`/labs/${labId}/setups/${setupId}`);
  const [setups] = await prefetchReadable(trpc.setup.list.queryOptions({ labId }));
  if (Array.isArray(setups) && !setups.some((s: { id?: unknown }) => s.id === setupId)) notFound();
  return (
    <HydrateClient>
      <EditSetupClient labId={labId} setupId={setupId} />
    </HydrateClient>
  );
}
