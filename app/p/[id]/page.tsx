import type { Metadata } from "next";
import { ZPermalinkId } from "~/server/domains/permalinks/schemas";
import { notFound } from "next/navigation";
import { prefetchReadable } from "~/app/_access/readable";
import { HydrateClient, trpc } from "~/server/trpc/rsc";
import { PermalinkClient } from "./page-client";

export const metadata: Metadata = { title: "Shared phase diagram" };

export default async function PermalinkPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  // Access to every point is decided by the service, now, for whoever opens the link. A missing
  // snapshot and one whose points the viewer may read none of get the same 404.
  if (!ZPermalinkId.safeParse(id).success) notFound();
  const [link] = await prefetchReadable(trpc.permalink.get.queryOptions({ id }));
  if ((link as { isAccessDenied?: boolean } | undefined)?.isAccessDenied) notFound();
  return (
    <HydrateClient>
      <PermalinkClient id={id} />
    </HydrateClient>
  );
}
