import { requireSignedIn } from "~/server/auth/require";
import { HydrateClient, prefetch, trpc } from "~/server/trpc/rsc";
import { NewSampleClient } from "./page-client";

export default async function NewSamplePage(props: { searchParams: Promise<{ labId?: string; previousStageId?: string }> }) {
  const { labId, previousStageId } = await props.searchParams;
  await requireSignedIn("/samples/new");
  await Promise.all([prefetch(trpc.lab.listMine.queryOptions()), prefetch(trpc.lab.directory.queryOptions()), previousStageId ? prefetch(trpc.sample.get.queryOptions({ sampleId: previousStageId })) : undefined]);
  return (
    <HydrateClient>
      <NewSampleClient labId={labId ?? null} previousStageId={previousStageId ?? null} />
    </HydrateClient>
  );
}
