import { prefetchReadable } from "~/app/_access/readable";
import { HydrateClient, trpc } from "~/server/trpc/rsc";
import { SampleClient } from "./page-client";

export default async function SamplePage(props: { params: Promise<{ sampleId: string }> }) {
  const { sampleId } = await props.params;
  // Access is decided by the service: readable samples only, public ones without signing in; else 404.
  await prefetchReadable(trpc.sample.get.queryOptions({ sampleId }), trpc.curve.listPlots.queryOptions({ sampleId, maxPointsPerCurve: 400 }), trpc.isotherm.getForSample.queryOptions({ sampleId }));
  return (
    <HydrateClient>
      <SampleClient sampleId={sampleId} />
    </HydrateClient>
  );
}
