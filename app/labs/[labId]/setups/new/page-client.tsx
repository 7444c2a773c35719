"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { SetupForm } from "~/components/setups/setup-form";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";

export function NewSetupClient({ labId }: { labId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.setup.create.mutationOptions({ onSuccess: () => router.push(`/labs/${labId}`) }));
  const { message, fields } = errorInfo(create.error);
  return (
    <div className="page" style={{ maxWidth: 980 }}>
      <div className="page-head">
        <h1>New measurement setup</h1>
      </div>
      <SetupForm pending={create.isPending} fieldErrors={fields} message={message} submitLabel="Create setup" onSubmit={(values) => create.mutate({ ...values, labId })} />
    </div>
  );
}
