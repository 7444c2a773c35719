import { requireSignedIn } from "~/server/auth/require";
import { HydrateClient, prefetch, trpc } from "~/server/trpc/rsc";
import { EditSampleClient } from "./page-client";

export default async function EditSamplePage(props: { params: Promise<{ sampleId: string }> }) {
  const { sampleId } = await props.params;
  await requireSignedIn(`/samples/${sampleId}/edit`);
  await Promise.all([prefetch(trpc.sample.get.queryOptions({ sampleId })), prefetch(trpc.lab.directory.queryOptions())]);
  return (
    <HydrateClient>
      <EditSampleClient sampleId={sampleId} />
    </HydrateClient>
  );
}
