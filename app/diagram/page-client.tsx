"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { DiagramControls } from "~/components/diagram/diagram-controls";
import { DiagramView } from "~/components/diagram/diagram-view";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";
import type { TDiagramQuery, TPhaseKey } from "~/server/domains/diagrams/schemas";
import { diagramHref, parseDiagramSearchParams, serializeDiagramQuery } from "~/server/domains/diagrams/url";
import { decodeDiagram } from "~/server/domains/diagrams/wire";
import { plural } from "~/components/ui/plural";

export function DiagramClient({ isSignedIn }: { isSignedIn: boolean }) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const query = useMemo(() => parseDiagramSearchParams(new URLSearchParams(search)), [search]);
  const diagramQuery = useQuery({ ...trpc.diagram.get.queryOptions(query), placeholderData: keepPreviousData, select: decodeDiagram });
  const optionsQuery = useQuery(trpc.diagram.getFilterOptions.queryOptions());
  const share = useMutation(trpc.permalink.create.mutationOptions());

  // Every change is a new address: back and forward step through the views, and copying the
  // address copies the view. The address is pushed onto the browser's history directly (Next's
  // router follows it in useSearchParams): a router navigation would first fetch the page from the
  // server again, before the diagram's own request could even start.
  // The new view's request starts before the page renders for the new address (the first render
  // after the page loaded takes ~0.2 s of script in a browser): both then run at once.
  const queryClient = useQueryClient();
  const update = (patch: Partial<TDiagramQuery>) => {
    share.reset();
    const href = diagramHref({ ...query, ...patch }, pathname);
    const next = parseDiagramSearchParams(new URL(href, window.location.origin).searchParams);
    void queryClient.prefetchQuery(trpc.diagram.get.queryOptions(next));
    window.history.pushState(null, "", href);
  };
  const togglePhase = (key: TPhaseKey) => update({ hidePhases: query.hidePhases.includes(key) ? query.hidePhases.filter((k) => k !== key) : [...query.hidePhases, key] });
  const diagram = diagramQuery.data;
  const params = serializeDiagramQuery(query).toString();
  const exportHref = (format: string) => `/api/exports/diagram?${params ? `${params}&` : ""}format=${format}`;

  return (
    <div className="page" style={{ maxWidth: 1500 }}>
      <div className="page-head">
        <div>
          <h1>Phase diagram</h1>
          <p className="subtle" style={{ maxWidth: 820 }}>
            Every fitted curve you may read, from every lab, placed by its tuning parameters or fitted quantities and labelled S, M1, M2, I1 or I2. Dashed
            bands mark where the label changes along a series. The address always holds the view.
          </p>
        </div>
        <div className="row">
          <Link className="btn" href="/figures">
            Standard figures
          </Link>
          <Link className="btn" href="/compare">
            Compare materials
          </Link>
          <Link className="btn" href="/diagram" scroll={false}>
            Reset
          </Link>
          {isSignedIn ? (
            <button type="button" className="btn btn-primary" data-testid="share" disabled={share.isPending || !diagram} onClick={() => share.mutate({ query })}>
              {share.isPending ? "Freezing…" : "Share"}
            </button>
          ) : (
            <Link className="btn btn-primary" href={`/sign-in?callbackUrl=${encodeURIComponent(diagramHref(query))}`}>
              Sign in to share
            </Link>
          )}
        </div>
      </div>
      {share.data ? (
        <div className="alert alert-ok" style={{ marginBottom: 12 }} data-testid="share-result">
          Frozen {plural(share.data.pointCount, "point")} as an immutable snapshot:{" "}
          <Link href={share.data.path} data-testid="permalink">
            {typeof window === "undefined" ? share.data.path : `${window.location.origin}${share.data.path}`}
          </Link>{" "}
          <button type="button" className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(`${window.location.origin}${share.data!.path}`)}>
            Copy
          </button>
          <span className="subtle small"> · content hash {share.data.contentHash.slice(0, 16)}…</span>
        </div>
      ) : null}
      {share.error ? (
        <div className="alert alert-error" style={{ marginBottom: 12 }}>
          {errorInfo(share.error).message}
        </div>
      ) : null}
      <div className="grid grid-controls">
        <aside className="card">
          <DiagramControls query={query} options={optionsQuery.data} onChange={update} />
        </aside>
        <div>
          {diagramQuery.error ? <div className="alert alert-error">{errorInfo(diagramQuery.error).message}</div> : null}
          {diagram ? (
            <DiagramView
              diagram={diagram}
              onTogglePhase={togglePhase}
              filename={`sit-atlas-${query.y}-vs-${query.x}`}
              isUpdating={diagramQuery.isPlaceholderData}
              dataLinks={
                <>
                  <a className="btn btn-small" href={exportHref("csv")} download>
                    CSV
                  </a>
                  <a className="btn btn-small" href={exportHref("json")} download>
                    JSON
                  </a>
                </>
              }
            />
          ) : (
            <div className="card empty">Loading the diagram…</div>
          )}
        </div>
      </div>
    </div>
  );
}
