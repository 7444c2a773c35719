import type { Metadata } from "next";
import { parseCompareView, scatterQuery } from "~/server/domains/compare/url";
import { getQueryClient, HydrateClient, trpc } from "~/server/trpc/rsc";
import { CompareClient } from "./page-client";

export const metadata: Metadata = { title: "Compare materials" };

export default async function ComparePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = parseCompareView(await props.searchParams);
  const queryClient = getQueryClient();
  const work: Promise<unknown>[] = [queryClient.prefetchQuery(trpc.diagram.getFilterOptions.queryOptions())];
  if (view.sampleIds.length > 0) {
    work.push(queryClient.prefetchQuery(trpc.compare.getCurves.queryOptions({ sampleIds: view.sampleIds, normalization: view.normalization, temperature: view.temperature, maxPointsPerCurve: 240 })));
    work.push(queryClient.prefetchQuery(trpc.diagram.get.queryOptions(scatterQuery(view))));
  }
  await Promise.all(work);
  return (
    <HydrateClient>
      <CompareClient />
    </HydrateClient>
  );
}
