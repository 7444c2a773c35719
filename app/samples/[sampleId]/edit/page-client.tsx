"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { SampleForm } from "~/components/samples/sample-form";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";

export function EditSampleClient({ sampleId }: { sampleId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: sample } = useSuspenseQuery(trpc.sample.get.queryOptions({ sampleId }));
  const { data: directory } = useSuspenseQuery(trpc.lab.directory.queryOptions());
  const update = useMutation(
    trpc.sample.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.sample.pathFilter());
        router.push(`/samples/${sampleId}`);
      },
    }),
  );
  const { message, fields } = errorInfo(update.error);
  if (!sample.canEdit) return <div className="page-narrow alert alert-warn">Only members of {sample.lab.name} can edit this sample.</div>;
  return (
    <div className="page" style={{ maxWidth: 1100 }}>
      <div className="page-head">
        <h1>Edit {sample.name}</h1>
      </div>
      <SampleForm
        initial={{ ...sample, sharedWithLabIds: sample.sharedWith.map((l) => l.id) }}
        labs={directory.filter((l) => l.id !== sample.labId)}
        pending={update.isPending}
        fieldErrors={fields}
        message={message}
        submitLabel="Save sample"
        onSubmit={(values) => update.mutate({ ...values, sampleId })}
      />
    </div>
  );
}
