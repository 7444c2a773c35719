"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { SetupForm } from "~/components/setups/setup-form";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";

export function EditSetupClient({ labId, setupId }: { labId: string; setupId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: setups } = useSuspenseQuery(trpc.setup.list.queryOptions({ labId }));
  const setup = setups.find((s) => s.id === setupId);
  const update = useMutation(
    trpc.setup.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.setup.pathFilter());
        router.push(`/labs/${labId}`);
      },
    }),
  );
  const { message, fields } = errorInfo(update.error);
  if (!setup) return <div className="page empty">This setup does not exist in this lab.</div>;
  return (
    <div className="page" style={{ maxWidth: 980 }}>
      <div className="page-head">
        <h1>Edit {setup.name}</h1>
      </div>
      <SetupForm initial={setup} pending={update.isPending} fieldErrors={fields} message={message} submitLabel="Save setup" onSubmit={(values) => update.mutate({ ...values, setupId })} />
    </div>
  );
}
