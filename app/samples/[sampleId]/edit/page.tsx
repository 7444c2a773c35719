import { requireSignedIn } from "~/server/auth/require";
import { prefetchReadable } from "~/app/_access/readable";
import { HydrateClient, trpc } from "~/server/trpc/rsc";
import { EditSampleClient } from "./page-client";

export default async function EditSamplePage(props: { params: Promise<{ sampleId: string }> }) {
  const { sampleId } = await props.params;
  await requireSignedIn(`/samples/${sampleId}/edit`);
  await prefetchReadable(trpc.sample.get.queryOptions({ sampleId }), trpc.lab.directory.queryOptions());
  return (
    <HydrateClient>
      <EditSampleClient sampleId={sampleId} />
    </HydrateClient>
  );
}
