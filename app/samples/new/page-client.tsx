"use client";

import { useMutation, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SampleForm } from "~/components/samples/sample-form";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo, Field } from "~/components/ui/field";

function nextStageLabel(stage: string): string {
  const match = /^(.*?)(\d+)$/.exec(stage);
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${stage}+1`;
}

export function NewSampleClient({ labId, previousStageId }: { labId: string | null; previousStageId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: myLabs } = useSuspenseQuery(trpc.lab.listMine.queryOptions());
  const { data: directory } = useSuspenseQuery(trpc.lab.directory.queryOptions());
  const previous = useQuery({ ...trpc.sample.get.queryOptions({ sampleId: previousStageId ?? "" }), enabled: !!previousStageId });
  const writable = myLabs.filter((l) => l.role !== "VIEWER");
  const [chosenLab, setChosenLab] = useState(labId ?? writable[0]?.id ?? "");
  const create = useMutation(trpc.sample.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/samples/${id}`) }));
  const { message, fields } = errorInfo(create.error);

  if (writable.length === 0) {
    return <div className="page-narrow alert alert-warn">You need the member role in a lab to add samples. Create a lab first.</div>;
  }
  const prev = previous.data;
  const initial = prev
    ? { ...prev, name: prev.name.replace(/\s*\(S\d+\)$/, "") + ` (${nextStageLabel(prev.annealStage)})`, annealStage: nextStageLabel(prev.annealStage), annealTreatment: "", sharedWithLabIds: prev.sharedWith.map((l) => l.id) }
    : undefined;

  return (
    <div className="page" style={{ maxWidth: 1100 }}>
      <div className="page-head">
        <div>
          <h1>{prev ? `Next anneal stage of ${prev.name}` : "New sample"}</h1>
          {prev ? <p className="subtle">The new stage stays linked to the same film, after {prev.annealStage}.</p> : null}
        </div>
      </div>
      {!prev ? (
        <div className="card" style={{ marginBottom: 16, maxWidth: 420 }}>
          <Field label="Lab" htmlFor="lab">
            <select id="lab" value={chosenLab} onChange={(e) => setChosenLab(e.target.value)}>
              {writable.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}
      {previousStageId && !prev ? (
        <p className="subtle">Loading the previous stage…</p>
      ) : (
        <SampleForm
          key={prev?.id ?? "new"}
          initial={initial}
          labs={directory.filter((l) => l.id !== chosenLab)}
          pending={create.isPending}
          fieldErrors={fields}
          message={message}
          submitLabel="Create sample"
          onSubmit={(values) => create.mutate({ ...values, labId: prev?.labId ?? chosenLab, previousStageId: prev?.id })}
        />
      )}
    </div>
  );
}
