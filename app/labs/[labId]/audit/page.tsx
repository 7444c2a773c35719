import { requireSignedIn } from "~/server/auth/require";
import { prefetchReadable } from "~/app/_access/readable";
import { HydrateClient, trpc } from "~/server/trpc/rsc";
import { AuditClient } from "./page-client";

export const metadata = { title: "Audit" };

/** The lab's audit trail, for its admins (anyone else gets the lab's 404). */
export default async function LabAuditPage(props: { params: Promise<{ labId: string }> }) {
  const { labId } = await props.params;
  await requireSignedIn(`/labs/${labId}/audit`);
  await prefetchReadable(trpc.lab.get.queryOptions({ labId }), trpc.lab.audit.queryOptions({ labId, limit: 100 }));
  return (
    <HydrateClient>
      <AuditClient labId={labId} />
    </HydrateClient>
  );
}
