"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ApiTokens } from "~/components/labs/api-tokens";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo, Field } from "~/components/ui/field";
import { CRYOSTAT_LABEL, describeFilterStage } from "~/components/setups/labels";
import { GradeBadge } from "~/components/ui/grade-badge";
import { LabCitation } from "~/components/labs/lab-citation";

const ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;

export function LabClient({ labId }: { labId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: lab } = useSuspenseQuery(trpc.lab.get.queryOptions({ labId }));
  const { data: setups } = useSuspenseQuery(trpc.setup.list.queryOptions({ labId }));
  const [inviteLink, setInviteLink] = useState<string | null>(null);
  /** an invitation to a confirmed address, or a link an admin binds to the ORCID/OIDC account that claims it */
  const [bindTo, setBindTo] = useState<"email" | "account">("email");
  const refresh = () => queryClient.invalidateQueries(trpc.lab.get.queryFilter({ labId }));
  const onCreated = async (created: { token: string }) => {
    setInviteLink(`${window.location.origin}/invite/${created.token}`);
    await refresh();
  };
  const invite = useMutation(trpc.lab.invite.mutationOptions({ onSuccess: onCreated }));
  const inviteAccount = useMutation(trpc.lab.inviteAccount.mutationOptions({ onSuccess: onCreated }));
  const updateRole = useMutation(trpc.lab.updateMemberRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.lab.removeMember.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.lab.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  const confirmClaim = useMutation(trpc.lab.confirmInvitationClaim.mutationOptions({ onSuccess: refresh }));
  const isAdmin = lab.myRole === "OWNER" || lab.myRole === "ADMIN";
  const inviteError = errorInfo(bindTo === "email" ? invite.error : inviteAccount.error);
  const memberError = errorInfo(updateRole.error ?? remove.error);
  const invitationError = errorInfo(confirmClaim.error ?? revoke.error);

  function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setInviteLink(null);
    const role = String(form.get("role")) as (typeof ROLES)[number];
    if (bindTo === "account") inviteAccount.mutate({ labId, role });
    else invite.mutate({ labId, email: String(form.get("email")), role });
  }

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="subtle small">Lab</p>
          <h1>{lab.name}</h1>
          <p className="subtle">
            {lab.institution ?? "No institution given"} · you are <strong>{lab.myRole.toLowerCase()}</strong>
          </p>
          <p className="subtle small" data-testid="lab-storage">
            Storage: {(lab.storage.usedBytes / 1048576).toFixed(1)} MiB of {(lab.storage.quotaBytes / 1073741824).toFixed(1)} GiB used
          </p>
        </div>
        <div className="row">
          <Link className="btn" href={`/samples?labId=${lab.id}`}>
            Samples ({lab.sampleCount})
          </Link>
          {lab.myRole === "ADMIN" || lab.myRole === "OWNER" ? (
            <Link className="btn" href={`/labs/${lab.id}/audit`}>
              Audit
            </Link>
          ) : null}
          <Link className="btn btn-primary" href={`/samples/new?labId=${lab.id}`}>
            New sample
          </Link>
        </div>
      </div>
      <div className="grid grid-sidebar">
        <div className="stack">
          <section className="card">
            <h2>Members</h2>
            {memberError.message ? <div className="alert alert-error">{memberError.message}</div> : null}
            <table className="table" data-testid="members">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>E-mail</th>
                  <th>Role</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {lab.members.map((m) => (
                  <tr key={m.userId}>
                    <td>{m.name ?? "—"}</td>
                    <td className="muted">{m.email}</td>
                    <td>
                      {isAdmin ? (
                        <select
                          aria-label={`Role of ${m.email}`}
                          value={m.role}
                          onChange={(e) => updateRole.mutate({ labId, userId: m.userId, role: e.target.value as (typeof ROLES)[number] })}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {r.toLowerCase()}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className="badge">{m.role.toLowerCase()}</span>
                      )}
                    </td>
                    <td className="num">
                      {isAdmin ? (
                        <button className="btn btn-small btn-danger" onClick={() => remove.mutate({ labId, userId: m.userId })}>
                          Remove
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <LabCitation labId={lab.id} citation={lab.citation} canEdit={isAdmin} />
          <section className="card">
            <div className="spread">
              <h2>Measurement setups</h2>
              {lab.myRole !== "VIEWER" ? (
                <Link className="btn btn-small" href={`/labs/${lab.id}/setups/new`}>
                  New setup
                </Link>
              ) : null}
            </div>
            {setups.length === 0 ? (
              <div className="empty">No setups yet. A setup records the cryostat, thermometry, excitation and radiation filtering.</div>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>Setup</th>
                    <th>Cryostat</th>
                    <th>Filtering</th>
                    <th>Filter stages</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {setups.map((s) => (
                    <tr key={s.id}>
                      <td>{s.name}</td>
                      <td className="muted">{CRYOSTAT_LABEL[s.cryostat]}</td>
                      <td>
                        <GradeBadge grade={s.filteringGrade} title={s.filteringExplanation} />
                      </td>
                      <td className="muted small">
                        {s.filterStages.length === 0
                          ? "none recorded"
                          : s.filterStages.map(describeFilterStage).join(" → ")}
                      </td>
                      <td className="num">
                        {lab.myRole !== "VIEWER" ? (
                          <Link className="btn btn-small" href={`/labs/${lab.id}/setups/${s.id}`}>
                            Edit
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <ApiTokens labId={labId} canWrite={lab.myRole !== "VIEWER"} />
        </div>
        <div className="stack">
          {isAdmin ? (
            <form className="card stack" onSubmit={onInvite} noValidate>
              <h2>Invite someone</h2>
              <div className="stack small" role="radiogroup" aria-label="Who may accept">
                <label style={{ display: "flex", gap: 6, alignItems: "baseline" }}>
                  <input type="radio" name="bind-to" checked={bindTo === "email"} onChange={() => setBindTo("email")} />
                  <span>the person with this e-mail address (once confirmed)</span>
                </label>
                <label style={{ display: "flex", gap: 6, alignItems: "baseline" }}>
                  <input type="radio" name="bind-to" checked={bindTo === "account"} onChange={() => setBindTo("account")} data-testid="invite-bind-account" />
                  <span>someone who signs in with ORCID or another identity provider: you confirm their account after they claim the link</span>
                </label>
              </div>
              {bindTo === "email" ? (
                <Field label="E-mail" htmlFor="invite-email" error={inviteError.fields.email}>
                  <input id="invite-email" name="email" type="email" />
                </Field>
              ) : null}
              <Field label="Role" htmlFor="invite-role">
                <select id="invite-role" name="role" defaultValue="MEMBER">
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r.toLowerCase()}
                    </option>
                  ))}
                </select>
              </Field>
              {inviteError.message && !inviteError.fields.email ? <div className="alert alert-error">{inviteError.message}</div> : null}
              <button className="btn btn-primary" type="submit" disabled={invite.isPending || inviteAccount.isPending}>
                {bindTo === "email" ? "Create invitation" : "Create account link"}
              </button>
              {inviteLink ? (
                <div className="alert alert-ok small">
                  Send this link to the person invited (shown once){bindTo === "account" ? "; when they have claimed it, confirm their account below" : ""}:
                  <br />
                  <code data-testid="invite-link" style={{ wordBreak: "break-all" }}>
                    {inviteLink}
                  </code>
                </div>
              ) : null}
            </form>
          ) : null}
          {lab.invitations.length > 0 ? (
            <section className="card" data-testid="invitations">
              <h3>Pending invitations</h3>
              {invitationError.message ? <div className="alert alert-error">{invitationError.message}</div> : null}
              <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {lab.invitations.map((inv) => (
                  <li key={inv.id} className="stack" data-testid={`invitation-${inv.id}`}>
                    <div className="spread">
                      <span>
                        {inv.kind === "EMAIL" ? inv.email : inv.claim ? `Claimed by ${inv.claim.name ?? "an unnamed account"}` : "Account link, not claimed yet"}{" "}
                        <span className="badge">{inv.role.toLowerCase()}</span>
                      </span>
                      {isAdmin ? (
                        <span className="row">
                          {inv.claim ? (
                            <button
                              className="btn btn-small btn-primary"
                              onClick={() => confirmClaim.mutate({ invitationId: inv.id, claimantId: inv.claim!.userId })}
                              disabled={confirmClaim.isPending}
                            >
                              Confirm
                            </button>
                          ) : null}
                          <button className="btn btn-small" onClick={() => revoke.mutate({ invitationId: inv.id })}>
                            {inv.claim ? "Decline" : "Revoke"}
                          </button>
                        </span>
                      ) : null}
                    </div>
                    {inv.claim ? (
                      <span className="subtle small" data-testid="claim-identity">
                        {inv.claim.identities.map((id) => (
                          <span key={`${id.provider}:${id.accountId}`}>
                            {id.label}{" "}
                            {id.provider === "orcid" ? (
                              <a href={`https://orcid.org/${id.accountId}`} target="_blank" rel="noreferrer noopener">
                                {id.accountId}
                              </a>
                            ) : (
                              <code>{id.accountId}</code>
                            )}{" "}
                          </span>
                        ))}
                        · claimed {inv.claim.claimedAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Confirm only if this is the person you sent the link to; declining revokes the link.
                      </span>
                    ) : (
                      <span className="subtle small">expires {inv.expiresAt.toISOString().slice(0, 10)}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
