"use client";

import { useMemo, useRef, useState, type ReactNode } from "react";
import type { TDiagramDto, TDiagramPoint, TPhaseKey } from "~/server/domains/diagrams/schemas";
import { DiagramChart } from "./diagram-chart";
import { exportPng, exportSvg, type FigureProvenance } from "./export-figure";
import { useRouter } from "next/navigation";
import { curveHref, PointDetails } from "./point-details";

export function summaryLine(diagram: TDiagramDto): string {
  const samples = diagram.mode === "points" ? Object.keys(diagram.provenance.samples).length : null;
  const labs = diagram.mode === "points" ? new Set(diagram.points.map((p) => p.labId)).size : null;
  const parts = [`${diagram.total.toLocaleString("en")} fitted curve${diagram.total === 1 ? "" : "s"}`];
  if (samples !== null && labs !== null) parts.push(`${samples} sample${samples === 1 ? "" : "s"} from ${labs} lab${labs === 1 ? "" : "s"}`);
  if (diagram.engineVersions.length > 0) parts.push(`engine ${diagram.engineVersions.join(", ")}`);
  return parts.join(" · ");
}

/**
 * A diagram with what goes around it: summary, notes, the chart, figure export, the selected
 * point's provenance and the list of boundaries. Used by the live page and by permalinks.
 */
export function DiagramView({
  diagram,
  onTogglePhase,
  dataLinks,
  filename,
  title,
  isUpdating,
  snapshot,
}: {
  diagram: TDiagramDto;
  onTogglePhase?: (key: TPhaseKey) => void;
  /** links to the data behind the figure (CSV, JSON, citations) */
  dataLinks?: ReactNode;
  filename: string;
  title?: string;
  isUpdating?: boolean;
  /** a permalink's address and date, for the caption of exported figures (else the page's address and today) */
  snapshot?: { path: string; date: string };
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const router = useRouter();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const provenance = (): FigureProvenance => ({
    url: snapshot ? new URL(snapshot.path, window.location.href).href : window.location.href,
    date: snapshot?.date ?? new Date().toISOString(),
    engineVersions: diagram.engineVersions,
  });
  const selected: TDiagramPoint | null = useMemo(() => diagram.points.find((p) => p.fitId === selectedId) ?? null, [diagram.points, selectedId]);

  return (
    <div className="stack">
      <section className="card" style={{ opacity: isUpdating ? 0.75 : 1, transition: "opacity 120ms" }}>
        <div className="spread" style={{ alignItems: "flex-start", marginBottom: 6 }}>
          <div>
            <div data-testid="diagram-summary" className="muted">
              {summaryLine(diagram)}
            </div>
            {diagram.removedBySwitch > 0 ? (
              <div className="small" data-testid="switch-note" style={{ color: "var(--warn)" }}>
                Well-filtered data only: {diagram.removedBySwitch} curve{diagram.removedBySwitch === 1 ? "" : "s"} from setups with moderate, poor or unknown filtering are left out.
              </div>
            ) : null}
          </div>
          <div className="row">
            {isUpdating ? <span className="subtle small">updating…</span> : null}
            <button type="button" className="btn btn-small" onClick={() => svgRef.current && void exportPng(svgRef.current, `${filename}.png`, provenance())}>
              PNG
            </button>
            <button type="button" className="btn btn-small" onClick={() => svgRef.current && exportSvg(svgRef.current, `${filename}.svg`, provenance())}>
              SVG
            </button>
            {dataLinks}
          </div>
        </div>
        {diagram.mode === "aggregated" ? (
          <div className="alert alert-info small" data-testid="aggregated-note" style={{ marginBottom: 8 }}>
            {diagram.notes.find((n) => n.includes("more than can be drawn")) ?? "Aggregated view."}
          </div>
        ) : null}
        <DiagramChart
          diagram={diagram}
          svgRef={svgRef}
          title={title}
          selectedFitId={selectedId}
          onSelectPoint={(p) => setSelectedId(p?.fitId ?? null)}
          onOpenPoint={(p) => router.push(curveHref(p.curveId))}
          onTogglePhase={onTogglePhase}
        />
        {diagram.notes.filter((n) => !n.includes("more than can be drawn")).length > 0 ? (
          <ul className="subtle small" style={{ margin: "8px 0 0", paddingLeft: 18 }}>
            {diagram.notes
              .filter((n) => !n.includes("more than can be drawn"))
              .map((n) => (
                <li key={n}>{n}</li>
              ))}
          </ul>
        ) : null}
      </section>
      <div className="grid grid-2">
        <section className="card" style={{ minWidth: 0 }}>
          <h2>Selected curve</h2>
          <PointDetails point={selected} diagram={diagram} onClose={() => setSelectedId(null)} />
        </section>
        <section className="card" style={{ minWidth: 0 }}>
          <h2>Phase boundaries</h2>
          {diagram.boundaries.length === 0 ? (
            <div className="subtle small">
              {diagram.mode === "aggregated" ? "Boundaries are located when the points are drawn one by one." : "No label changes along the series of this view."}
            </div>
          ) : (
            <div style={{ maxHeight: 320, maxWidth: "100%", overflowY: "auto", overflowX: "auto" }}>
              <table className="table" data-testid="boundaries-table">
                <thead>
                  <tr>
                    <th>Series</th>
                    <th>Change</th>
                    <th className="num">at</th>
                    <th className="num">between</th>
                  </tr>
                </thead>
                <tbody>
                  {diagram.boundaries.map((b, i) => {
                    const series = diagram.series.find((s) => s.key === b.seriesKey);
                    const ordinal = diagram.xAxis.ticks;
                    const name = (v: number) => (ordinal ? (ordinal.find((t) => t.value === v)?.label ?? String(v)) : `${+v.toPrecision(3)}`);
                    return (
                      <tr key={i}>
                        <td className="small">{series?.label ?? b.seriesKey}</td>
                        <td style={{ whiteSpace: "nowrap" }}>
                          <span className={`badge phase phase-${b.from}`}>{b.from}</span> → <span className={`badge phase phase-${b.to}`}>{b.to}</span>
                        </td>
                        <td className="num" style={{ whiteSpace: "nowrap" }}>{ordinal ? "—" : `${+b.x.toPrecision(3)} ${diagram.xAxis.unit}`}</td>
                        <td className="num small" style={{ whiteSpace: "nowrap" }}>
                          {name(b.xLow)} – {name(b.xHigh)}
                          {b.undecidedBetween > 0 ? ` (${b.undecidedBetween} undecided)` : ""}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
