"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";

export function InviteClient({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invitation = useQuery(trpc.lab.getInvitation.queryOptions({ token }));
  const accept = useMutation(trpc.lab.acceptInvitation.mutationOptions({ onSuccess: ({ labId }) => router.push(`/labs/${labId}`) }));
  const resend = useMutation(trpc.user.resendVerification.mutationOptions());
  const error = errorInfo(invitation.error ?? accept.error ?? resend.error).message;
  const needsConfirmation = /Confirm your e-mail address/.test(accept.error?.message ?? "");
  return (
    <div className="page-narrow">
      <div className="card stack">
        <h1>Join a lab</h1>
        {invitation.data ? (
          <>
            <p>
              You are invited to <strong>{invitation.data.labName}</strong> as <strong>{invitation.data.role.toLowerCase()}</strong> (invitation for {invitation.data.email}).
            </p>
            {invitation.data.isUsable ? (
              <button className="btn btn-primary" onClick={() => accept.mutate({ token })} disabled={accept.isPending}>
                Accept and join
              </button>
            ) : (
              <div className="alert alert-warn">This invitation can no longer be used (accepted, revoked or expired).</div>
            )}
          </>
        ) : invitation.isLoading ? (
          <p className="subtle">Loading…</p>
        ) : null}
        {error ? <div className="alert alert-error">{error}</div> : null}
        {needsConfirmation ? (
          <button className="btn" onClick={() => resend.mutate()} disabled={resend.isPending || resend.isSuccess} data-testid="resend-verification">
            {resend.isSuccess ? "Confirmation link sent" : "Send the confirmation link again"}
          </button>
        ) : null}
      </div>
    </div>
  );
}
