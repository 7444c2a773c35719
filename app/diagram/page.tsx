import type { Metadata } from "next";
import { auth } from "~/server/auth";
import { parseDiagramSearchParams } from "~/server/domains/diagrams/url";
import { getQueryClient, HydrateClient, trpc } from "~/server/trpc/rsc";
import { DiagramClient } from "./page-client";

export const metadata: Metadata = { title: "Phase diagram" };

export default async function DiagramPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The address is the state: any parameter that is not valid falls back to its default.
  const query = parseDiagramSearchParams(await props.searchParams);
  // Awaited, so that the first HTML already holds the diagram (the client hydrates the same data).
  const queryClient = getQueryClient();
  const [session] = await Promise.all([auth(), queryClient.prefetchQuery(trpc.diagram.get.queryOptions(query)), queryClient.prefetchQuery(trpc.diagram.getFilterOptions.queryOptions())]);
  return (
    <HydrateClient>
      <DiagramClient isSignedIn={!!session} />
    </HydrateClient>
  );
}
