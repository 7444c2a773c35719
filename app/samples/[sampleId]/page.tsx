import { HydrateClient, prefetch, trpc } from "~/server/trpc/rsc";
import { SampleClient } from "./page-client";

export default async function SamplePage(props: { params: Promise<{ sampleId: string }> }) {
  const { sampleId } = await props.params;
  // Access is decided by the service: readable samples only, public ones without signing in.
  await Promise.all([prefetch(trpc.sample.get.queryOptions({ sampleId })), prefetch(trpc.curve.listPlots.queryOptions({ sampleId, maxPointsPerCurve: 400 }))]);
  return (
    <HydrateClient>
      <SampleClient sampleId={sampleId} />
    </HydrateClient>
  );
}
