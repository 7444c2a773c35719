"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo, Field } from "~/components/ui/field";

export function LabsClient() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: labs } = useSuspenseQuery(trpc.lab.listMine.queryOptions());
  const create = useMutation(
    trpc.lab.create.mutationOptions({
      onSuccess: async (lab) => {
        await queryClient.invalidateQueries(trpc.lab.pathFilter());
        router.push(`/labs/${lab.id}`);
      },
    }),
  );
  const { message, fields } = errorInfo(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name")), institution: String(form.get("institution") ?? "") || undefined });
  }

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Your labs</h1>
          <p className="subtle">A lab owns samples, setups and uploads. Private data is visible to its members only.</p>
        </div>
      </div>
      <div className="grid grid-sidebar">
        <div className="card">
          {labs.length === 0 ? (
            <div className="empty">You are not in a lab yet. Create one, or ask a lab admin for an invitation.</div>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>Lab</th>
                  <th>Institution</th>
                  <th>Your role</th>
                  <th className="num">Members</th>
                  <th className="num">Samples</th>
                </tr>
              </thead>
              <tbody>
                {labs.map((lab) => (
                  <tr key={lab.id}>
                    <td>
                      <Link href={`/labs/${lab.id}`}>{lab.name}</Link>
                    </td>
                    <td className="muted">{lab.institution ?? "—"}</td>
                    <td>
                      <span className="badge">{lab.role.toLowerCase()}</span>
                    </td>
                    <td className="num">{lab.memberCount}</td>
                    <td className="num">{lab.sampleCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <form className="card stack" onSubmit={onSubmit} noValidate>
          <h2>Create a lab</h2>
          <Field label="Name" htmlFor="lab-name" error={fields.name}>
            <input id="lab-name" name="name" type="text" placeholder="e.g. Thin Film Transport Group" aria-invalid={!!fields.name} />
          </Field>
          <Field label="Institution" htmlFor="lab-institution" error={fields.institution}>
            <input id="lab-institution" name="institution" type="text" />
          </Field>
          {message ? <div className="alert alert-error">{message}</div> : null}
          <button className="btn btn-primary" type="submit" disabled={create.isPending}>
            Create lab
          </button>
        </form>
      </div>
    </div>
  );
}
