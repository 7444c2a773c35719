import type { Metadata } from "next";
import { parseSampleListParams } from "~/server/domains/samples/schemas";
import { HydrateClient, prefetch, trpc } from "~/server/trpc/rsc";
import { SamplesClient } from "./page-client";

export const metadata: Metadata = { title: "Samples" };

export default async function SamplesPage(props: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await props.searchParams;
  const input = parseSampleListParams((key) => params[key]);
  await prefetch(trpc.sample.list.queryOptions(input));
  return (
    <HydrateClient>
      <SamplesClient />
    </HydrateClient>
  );
}
