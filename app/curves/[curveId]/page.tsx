import { prefetchReadable } from "~/app/_access/readable";
import { HydrateClient, trpc } from "~/server/trpc/rsc";
import { CurveClient } from "./page-client";

export default async function CurvePage(props: { params: Promise<{ curveId: string }> }) {
  const { curveId } = await props.params;
  // Readable curves only (the service checks); public ones without signing in; else 404.
  await prefetchReadable(trpc.fit.getCurve.queryOptions({ curveId }));
  return (
    <HydrateClient>
      <CurveClient curveId={curveId} />
    </HydrateClient>
  );
}
