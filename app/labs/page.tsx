import type { Metadata } from "next";
import { requireSignedIn } from "~/server/auth/require";
import { HydrateClient, prefetch, trpc } from "~/server/trpc/rsc";
import { LabsClient } from "./page-client";

export const metadata: Metadata = { title: "Labs" };

export default async function LabsPage() {
  await requireSignedIn("/labs");
  await prefetch(trpc.lab.listMine.queryOptions());
  return (
    <HydrateClient>
      <LabsClient />
    </HydrateClient>
  );
}
