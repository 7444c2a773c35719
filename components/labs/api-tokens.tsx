"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo, Field } from "~/components/ui/field";

/** The lab's API tokens for scripts: create (shown once), list, revoke. */
export function ApiTokens({ labId, canWrite }: { labId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.token.list.queryOptions({ labId }));
  const [created, setCreated] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.token.list.queryFilter({ labId }));
  const create = useMutation(
    trpc.token.create.mutationOptions({
      onSuccess: async (result) => {
        setCreated(result.token);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.token.revoke.mutationOptions({ onSuccess: refresh }));
  const { message, fields } = errorInfo(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCreated(null);
    create.mutate({ labId, name: String(form.get("name") ?? ""), scopes: form.get("write") === "on" ? ["read", "write"] : ["read"] });
  }

  const origin = typeof window === "undefined" ? "" : window.location.origin;

  return (
    <section className="card stack">
      <h2>API tokens</h2>
      <p className="subtle small">
        Scripts upload and read data with a token scoped to this lab. The API is described at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      <form className="row" onSubmit={onSubmit} noValidate style={{ alignItems: "flex-end" }}>
        <div style={{ flex: 1, minWidth: 200 }}>
          <Field label="Token name" htmlFor="token-name" error={fields.name}>
            <input id="token-name" name="name" type="text" placeholder="e.g. fridge-2 logger" />
          </Field>
        </div>
        {canWrite ? (
          <label className="row">
            <input type="checkbox" name="write" defaultChecked /> may upload
          </label>
        ) : null}
        <button className="btn" type="submit" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {message && !fields.name ? <div className="alert alert-error">{message}</div> : null}
      {created ? (
        <div className="alert alert-ok small stack">
          <div>Copy this token now; it will not be shown again.</div>
          <code data-testid="new-token" style={{ wordBreak: "break-all" }}>
            {created}
          </code>
          <pre className="mono" style={{ whiteSpace: "pre-wrap", margin: 0 }}>{`curl -H "Authorization: Bearer ${created}" ${origin}/api/v1/me`}</pre>
        </div>
      ) : null}
      {tokens.data && tokens.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Token</th>
              <th>Scopes</th>
              <th>Created by</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td className="mono">{t.prefix}…</td>
                <td>{t.scopes.join(", ")}</td>
                <td className="muted">{t.createdBy}</td>
                <td className="muted">{t.lastUsedAt ? t.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : "never"}</td>
                <td className="num">
                  {t.revokedAt ? (
                    <span className="badge">revoked</span>
                  ) : (
                    <button className="btn btn-small btn-danger" onClick={() => revoke.mutate({ tokenId: t.id })}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
