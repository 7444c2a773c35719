"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";

const KINDS = [
  ["", "Everything"],
  ["signIn", "Sign-ins of members"],
  ["export", "Exports by members"],
  ["download", "Raw-file downloads"],
  ["visibility", "Visibility changes"],
  ["role", "Roles and invitations"],
  ["token", "API tokens"],
] as const;
type Kind = Exclude<(typeof KINDS)[number][0], "">;

export function AuditClient({ labId }: { labId: string }) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind | "">("");
  const [userId, setUserId] = useState("");
  const lab = useQuery(trpc.lab.get.queryOptions({ labId }));
  const events = useQuery(trpc.lab.audit.queryOptions({ labId, limit: 100, ...(kind ? { kind } : {}), ...(userId ? { userId } : {}) }));
  const error = errorInfo(events.error).message;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="subtle small">
            <Link href={`/labs/${labId}`}>{lab.data?.name ?? "Lab"}</Link> · audit
          </p>
          <h1>Audit trail</h1>
        </div>
      </div>
      <section className="card stack">
        <div className="row">
          <label>
            Show{" "}
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind | "")} data-testid="audit-kind">
              {KINDS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Member{" "}
            <select value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">anyone</option>
              {lab.data?.members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name ?? m.email}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error ? <div className="alert alert-error">{error}</div> : null}
        <table className="table" data-testid="audit-events">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>What</th>
              <th>On</th>
            </tr>
          </thead>
          <tbody>
            {events.data?.map((e) => (
              <tr key={e.id}>
                <td className="mono small">{e.at.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td>{e.actor.name ?? e.actor.email ?? (e.actor.userId ? "a member of another lab" : "a visitor")}{e.actor.tokenId ? " (API token)" : ""}</td>
                <td className="mono small">{e.action}</td>
                <td className="mono small">
                  {e.entityType} {e.entityId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.data?.length === 0 ? <p className="subtle">No events.</p> : null}
      </section>
    </div>
  );
}
