"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";

type Identity = { provider: string; label: string; accountId: string };

function IdentityList({ name, identities }: { name: string | null; identities: Identity[] }) {
  return (
    <ul className="small" data-testid="my-identity">
      <li>
        name: <strong>{name ?? "none given"}</strong>
      </li>
      {identities.map((id) => (
        <li key={`${id.provider}:${id.accountId}`}>
          {id.provider === "orcid" ? "ORCID iD" : `${id.label} account`}: <code>{id.accountId}</code>
        </li>
      ))}
    </ul>
  );
}

export function InviteClient({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const invitation = useQuery(trpc.lab.getInvitation.queryOptions({ token }));
  const accept = useMutation(trpc.lab.acceptInvitation.mutationOptions({ onSuccess: ({ labId }) => router.push(`/labs/${labId}`) }));
  const claim = useMutation(
    trpc.lab.claimInvitation.mutationOptions({
      onSuccess: async ({ labId }) => {
        if (labId) router.push(`/labs/${labId}`);
        else await queryClient.invalidateQueries(trpc.lab.getInvitation.queryFilter({ token }));
      },
    }),
  );
  const resend = useMutation(trpc.user.resendVerification.mutationOptions());
  const error = errorInfo(invitation.error ?? accept.error ?? claim.error ?? resend.error).message;
  const needsConfirmation = /Confirm your e-mail address/.test(accept.error?.message ?? "");
  const data = invitation.data;
  return (
    <div className="page-narrow">
      <div className="card stack">
        <h1>Join a lab</h1>
        {data?.kind === "EMAIL" ? (
          <>
            <p>
              You are invited to <strong>{data.labName}</strong> as <strong>{data.role.toLowerCase()}</strong> (invitation for {data.email}).
            </p>
            {data.isUsable ? (
              <button className="btn btn-primary" onClick={() => accept.mutate({ token })} disabled={accept.isPending}>
                Accept and join
              </button>
            ) : (
              <div className="alert alert-warn">This invitation can no longer be used (accepted, revoked or expired).</div>
            )}
          </>
        ) : data?.kind === "ACCOUNT" ? (
          <>
            <p>
              You are invited to <strong>{data.labName}</strong> as <strong>{data.role.toLowerCase()}</strong>. This link is for one account that signs in
              with ORCID or another identity provider: you claim it, then an admin of the lab confirms that the account is yours, and you join.
            </p>
            {data.claim === "open" ? (
              data.me && data.me.identities.length > 0 ? (
                <>
                  <p>You will claim it as (the lab&apos;s admins see this, nothing else about you):</p>
                  <IdentityList name={data.me.name} identities={data.me.identities} />
                  <button className="btn btn-primary" onClick={() => claim.mutate({ token })} disabled={claim.isPending} data-testid="claim-invitation">
                    Claim this invitation
                  </button>
                </>
              ) : (
                <div className="alert alert-warn">
                  Sign in with ORCID or your institution&apos;s sign-in to claim this link (this account has no identity provider), or ask the lab for an
                  invitation to your e-mail address.
                </div>
              )
            ) : data.claim === "mine" ? (
              <div className="alert alert-ok" data-testid="claim-pending">
                <p>
                  You claimed this invitation{data.claimedAt ? ` on ${data.claimedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""} as:
                </p>
                {data.me ? <IdentityList name={data.me.name} identities={data.me.identities} /> : null}
                <p>An admin of {data.labName} will confirm it; you become a member then. No other account can claim this link now.</p>
              </div>
            ) : data.claim === "confirmed" && data.labId ? (
              <div className="alert alert-ok">
                You are a member of {data.labName}. <Link href={`/labs/${data.labId}`}>Open the lab</Link>
              </div>
            ) : data.claim === "other" ? (
              <div className="alert alert-warn">This link was already claimed by another account. Ask the lab for a new one.</div>
            ) : (
              <div className="alert alert-warn">This invitation can no longer be used (confirmed, revoked or expired).</div>
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
