import { requireSignedIn } from "~/server/auth/require";
import { HydrateClient, prefetch, trpc } from "~/server/trpc/rsc";
import { NewSampleClient } from "./page-client";

export default async function NewSamplePage(props: { searchParams: Promise<{ labId?: string; previousStageId?: string }> }) {
  const { labId, previousStageId } = await props.searchParams;
  await requireSignedIn("/samples/new");
  prefetch(trpc.lab.listMine.queryOptions());
  prefetch(trpc.lab.directory.queryOptions());
  if (previousStageId) prefetch(trpc.sample.get.queryOptions({ sampleId: previousStageId }));
  return (
    <HydrateClient>
      <NewSampleClient labId={labId ?? null} previousStageId={previousStageId ?? null} />
    </HydrateClient>
  );
}
