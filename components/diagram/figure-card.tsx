"use client";

import Link from "next/link";
import { useRef } from "react";
import type { TDiagramDto } from "~/server/domains/diagrams/schemas";
import { diagramHref } from "~/server/domains/diagrams/url";
import { DiagramChart } from "./diagram-chart";
import { exportPng, exportSvg, type FigureProvenance } from "./export-figure";
import { plural } from "~/components/ui/plural";

/** A standard figure: the chart with its title and caption, figure export and a link to explore it. */
export function FigureCard({ id, title, description, diagram }: { id: string; title: string; description: string; diagram: TDiagramDto | undefined }) {
  const svgRef = useRef<SVGSVGElement>(null);
  // the figure's own address (the live view it shows), today and the engines of its fits
  const provenance = (d: TDiagramDto): FigureProvenance => ({ url: new URL(diagramHref(d.query), window.location.href).href, date: new Date().toISOString(), engineVersions: d.engineVersions });
  return (
    <section className="card" data-testid={`figure-${id}`}>
      <div className="spread" style={{ alignItems: "flex-start" }}>
        <div>
          <h2 style={{ marginBottom: 4 }}>{title}</h2>
          <p className="subtle small" style={{ maxWidth: 860 }}>
            {description}
          </p>
        </div>
        <div className="row">
          <button type="button" className="btn btn-small" disabled={!diagram} onClick={() => svgRef.current && diagram && void exportPng(svgRef.current, `sit-atlas-${id}.png`, provenance(diagram))}>
            PNG
          </button>
          <button type="button" className="btn btn-small" disabled={!diagram} onClick={() => svgRef.current && diagram && exportSvg(svgRef.current, `sit-atlas-${id}.svg`, provenance(diagram))}>
            SVG
          </button>
          {diagram ? (
            <Link className="btn btn-small btn-primary" href={diagramHref(diagram.query)}>
              Explore
            </Link>
          ) : null}
        </div>
      </div>
      {diagram ? (
        <>
          <DiagramChart diagram={diagram} svgRef={svgRef} title={title} height={380} />
          <p className="subtle small" style={{ marginTop: 6 }}>
            {plural(diagram.total, "curve")} · {diagram.mode === "aggregated" ? "aggregated into cells" : plural(Object.keys(diagram.provenance.samples).length, "sample")}
            {diagram.boundaries.length > 0 ? ` · ${diagram.boundaries.length} boundaries located` : ""}
          </p>
        </>
      ) : (
        <div className="empty">Loading…</div>
      )}
    </section>
  );
}
