"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DiagramView } from "~/components/diagram/diagram-view";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";
import { GRADE_LABEL } from "~/components/ui/grade-badge";
import { AXES } from "~/server/domains/diagrams/axes";
import type { TDiagramQuery } from "~/server/domains/diagrams/schemas";
import { decodePermalink, ZPermalinkId } from "~/server/domains/permalinks/schemas";
import { plural } from "~/components/ui/plural";

function describeQuery(q: TDiagramQuery): string[] {
  const out = [`${AXES[q.y].label}${q.yScale === "log" ? " (log)" : ""} against ${AXES[q.x].label}${q.xScale === "log" ? " (log)" : ""}`];
  if (q.labIds.length > 0) out.push(`${q.labIds.length} lab(s) selected`);
  if (q.materials.length > 0) out.push(`materials: ${q.materials.join(", ")}`);
  if (q.sampleIds.length > 0) out.push(`${q.sampleIds.length} sample(s) selected`);
  if (q.minConfidence > 0) out.push(`fit confidence ≥ ${Math.round(q.minConfidence * 100)} %`);
  if (q.engine !== "current") out.push(`engine ${q.engine}`);
  if (q.uploadedFrom || q.uploadedTo) out.push(`uploaded ${q.uploadedFrom ?? "…"} to ${q.uploadedTo ?? "…"}`);
  if (q.grades.length > 0) out.push(`filtering grade: ${q.grades.map((g) => GRADE_LABEL[g]).join(", ")}`);
  if (q.wellFilteredOnly) out.push("well-filtered data only");
  if (q.hidePhases.length > 0) out.push(`hidden: ${q.hidePhases.join(", ")}`);
  return out;
}

export function PermalinkClient({ id }: { id: string }) {
  const trpc = useTRPC();
  const isValidId = ZPermalinkId.safeParse(id).success;
  const linkQuery = useQuery({ ...trpc.permalink.get.queryOptions({ id }), enabled: isValidId, retry: false, select: decodePermalink });
  if (!isValidId || linkQuery.error) {
    return (
      <div className="page-narrow">
        <h1>Permalink not found</h1>
        <div className="alert alert-error">{isValidId ? errorInfo(linkQuery.error).message : `“${id}” is not a permalink.`}</div>
        <p className="subtle" style={{ marginTop: 12 }}>
          <Link href="/diagram">Open the phase diagram</Link>
        </p>
      </div>
    );
  }
  const link = linkQuery.data;
  if (!link) return <div className="page subtle">Loading the snapshot…</div>;
  const exportHref = (format: string) => `/api/exports/permalinks/${link.id}?format=${format}`;

  return (
    <div className="page" style={{ maxWidth: 1360 }}>
      <div className="page-head">
        <div>
          <p className="subtle small">Shared phase diagram · immutable snapshot</p>
          <h1 data-testid="permalink-title">{link.title ?? "Shared phase diagram"}</h1>
          <p className="muted small" data-testid="permalink-meta">
            Frozen {link.createdAt.slice(0, 10)}
            {link.createdBy ? ` by ${link.createdBy}` : ""} · {plural(link.pointCount, "point")} · engine {link.engineVersions.join(", ") || "—"} · content hash{" "}
            <span className="mono" title={link.contentHash}>
              {link.contentHash.slice(0, 16)}…
            </span>{" "}
            {link.isHashVerified ? <span className="badge grade-GOOD">verified</span> : <span className="badge grade-POOR">does not match</span>}
            {link.isAllPublic ? <span className="badge" style={{ marginLeft: 6 }}>public data</span> : null}
          </p>
        </div>
        <div className="row">
          <Link className="btn btn-primary" href={link.todayPath} data-testid="today-link">
            View this query on today’s data
          </Link>
        </div>
      </div>

      {link.accessMessage ? (
        <div className={`alert ${link.isAccessDenied ? "alert-error" : "alert-warn"}`} data-testid="access-message" style={{ marginBottom: 16 }}>
          {link.accessMessage}{" "}
          {link.isAccessDenied ? (
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/p/${link.id}`)}`} data-testid="sign-in-link">
              Sign in
            </Link>
          ) : null}
        </div>
      ) : null}

      {link.diagram ? (
        <>
          <div className="card" style={{ marginBottom: 16 }}>
            <div className="spread" style={{ alignItems: "flex-start" }}>
              <div>
                <strong>The frozen view</strong>
                <ul className="small muted" style={{ margin: "4px 0 0", paddingLeft: 18 }}>
                  {describeQuery(link.query).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
              <div className="subtle small" style={{ maxWidth: 460 }}>
                These are the points, labels and fits as they were when the link was made; later uploads and re-fits do not change them. Each point keeps the
                ids of its curve and fit.
              </div>
            </div>
          </div>
          <DiagramView
            diagram={link.diagram}
            filename={`sit-atlas-${link.id}`}
            snapshot={{ path: `/p/${link.id}`, date: link.createdAt }}
            title={link.title ?? undefined}
            dataLinks={
              <>
                <a className="btn btn-small" href={exportHref("csv")} download>
                  CSV
                </a>
                <a className="btn btn-small" href={exportHref("json")} download>
                  JSON
                </a>
                <a className="btn btn-small" href={exportHref("bibtex")} download data-testid="cite-bibtex">
                  BibTeX
                </a>
                <a className="btn btn-small" href={exportHref("csl")} download>
                  CSL-JSON
                </a>
                <a className="btn btn-small" href={exportHref("datacite")} download title="DataCite metadata (JSON) to register a DOI for this snapshot">
                  DataCite JSON
                </a>
                <a className="btn btn-small" href={exportHref("datacite-xml")} download title="DataCite metadata (kernel-4 XML) to register a DOI for this snapshot">
                  DataCite XML
                </a>
              </>
            }
          />
        </>
      ) : null}
    </div>
  );
}
