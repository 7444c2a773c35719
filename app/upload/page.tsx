import type { Metadata } from "next";
import { requireSignedIn } from "~/server/auth/require";
import { uploadLimits } from "~/server/domains/uploads/service";
import { HydrateClient, prefetch, serverCaller, trpc } from "~/server/trpc/rsc";
import { UploadClient } from "./page-client";

export const metadata: Metadata = { title: "Upload" };

export default async function UploadPage(props: { searchParams: Promise<{ sampleId?: string; labId?: string }> }) {
  const { sampleId, labId } = await props.searchParams;
  await requireSignedIn(sampleId ? `/upload?sampleId=${encodeURIComponent(sampleId)}` : "/upload");
  await prefetch(trpc.lab.listMine.queryOptions());
  // /upload?sampleId=… preselects that sample and its lab, when the user may add data to it.
  const caller = await serverCaller();
  const sample = sampleId ? await caller.sample.get({ sampleId }).catch(() => null) : null;
  const preselected = sample?.canEdit ? { sampleId: sample.id, labId: sample.labId } : null;
  return (
    <HydrateClient>
      <UploadClient initialSampleId={preselected?.sampleId ?? null} initialLabId={preselected?.labId ?? labId ?? null} limits={uploadLimits()} />
    </HydrateClient>
  );
}
