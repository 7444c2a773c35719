import type { Metadata } from "next";
import { DIAGRAM_PRESETS } from "~/server/domains/diagrams/presets";
import { ZDiagramQuery } from "~/server/domains/diagrams/schemas";
import { getQueryClient, HydrateClient, trpc } from "~/server/trpc/rsc";
import { FiguresClient } from "./page-client";

export const metadata: Metadata = { title: "Standard figures" };

export default async function FiguresPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    ...DIAGRAM_PRESETS.map((p) => queryClient.prefetchQuery(trpc.diagram.get.queryOptions(ZDiagramQuery.parse(p.query)))),
    queryClient.prefetchQuery(trpc.isotherm.listCritical.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <FiguresClient />
    </HydrateClient>
  );
}
