import type { Metadata } from "next";
import { ZPermalinkId } from "~/server/domains/permalinks/schemas";
import { getQueryClient, HydrateClient, trpc } from "~/server/trpc/rsc";
import { PermalinkClient } from "./page-client";

export const metadata: Metadata = { title: "Shared phase diagram" };

export default async function PermalinkPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  // Access to every point is decided by the service, now, for whoever opens the link.
  if (ZPermalinkId.safeParse(id).success) await getQueryClient().prefetchQuery(trpc.permalink.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <PermalinkClient id={id} />
    </HydrateClient>
  );
}
