"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";

/** How the lab asks to be cited: shown to everyone in the lab, edited by admins and owners. */
export function LabCitation({ labId, citation, canEdit }: { labId: string; citation: string | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.lab.updateCitation.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.lab.get.queryFilter({ labId }));
      },
    }),
  );
  const error = errorInfo(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    update.mutate({ labId, citation: String(new FormData(event.currentTarget).get("citation") ?? "") });
  }

  return (
    <section className="card" data-testid="lab-citation">
      <h2>How to cite this lab&apos;s data</h2>
      <p className="subtle small">
        Printed with every citation (BibTeX, CSL, DataCite) of a snapshot that shows this lab&apos;s curves. A DOI or arXiv id in it becomes a related identifier of the DataCite record.
      </p>
      {canEdit ? (
        <form onSubmit={onSubmit} className="stack">
          <textarea name="citation" aria-label="How to cite this lab's data" rows={3} maxLength={1000} defaultValue={citation ?? ""} placeholder="e.g. A. Author et al., Phys. Rev. B 110, 014501 (2024), doi:10.1103/…" />
          <div className="row">
            <button className="btn btn-small" type="submit" disabled={update.isPending}>
              Save
            </button>
            {saved ? <span className="subtle small">Saved.</span> : null}
          </div>
          {error.message ? <div className="alert alert-error">{error.message}</div> : null}
        </form>
      ) : (
        <p>{citation ?? <span className="subtle">Not recorded.</span>}</p>
      )}
    </section>
  );
}
