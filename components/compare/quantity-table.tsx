"use client";

import Link from "next/link";
import { formatNumber } from "~/components/charts/log-ticks";
import { describeConditions, GRADE_LABEL } from "~/components/diagram/describe";
import { PhaseBadge } from "~/components/ui/phase-badge";
import type { TDiagramDto } from "~/server/domains/diagrams/schemas";

const value = (v: number, err: number | null) => (err !== null ? `${formatNumber(v, 4)} ± ${formatNumber(err, 2)}` : formatNumber(v, 4));

/** The numbers of a scatter, one row per curve, with where each comes from. */
export function QuantityTable({ diagram }: { diagram: TDiagramDto }) {
  const { provenance } = diagram;
  const rows = [...diagram.points].sort((a, b) => {
    const na = provenance.samples[a.sampleId]?.name ?? "";
    const nb = provenance.samples[b.sampleId]?.name ?? "";
    return na.localeCompare(nb, "en", { numeric: true }) || a.x - b.x;
  });
  if (rows.length === 0) return <div className="empty">No curve of these samples has both values.</div>;
  return (
    <div style={{ maxHeight: 420, overflowY: "auto" }}>
      <table className="table" data-testid="compare-table">
        <thead>
          <tr>
            <th>Sample</th>
            <th>Material</th>
            <th>Lab</th>
            <th>Conditions</th>
            <th className="num">{diagram.xAxis.title}</th>
            <th className="num">{diagram.yAxis.title}</th>
            <th>Label</th>
            <th>Filtering</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const sample = provenance.samples[p.sampleId];
            return (
              <tr key={p.fitId}>
                <td>
                  <Link href={`/curves/${p.curveId}`}>{sample?.name ?? p.sampleId}</Link>
                </td>
                <td className="small">{sample?.material}</td>
                <td className="small">{provenance.labs[p.labId]?.name}</td>
                <td className="small">{describeConditions(p)}</td>
                <td className="num">{diagram.xAxis.ticks ? (diagram.xAxis.ticks.find((t) => t.value === Math.round(p.x))?.label ?? p.x) : value(p.x, p.xErr)}</td>
                <td className="num">{value(p.y, p.yErr)}</td>
                <td style={{ whiteSpace: "nowrap" }}>
                  <PhaseBadge phase={p.phase} inconclusive={p.inconclusive} /> <span className="subtle small">{Math.round(p.confidence * 100)} %</span>
                </td>
                <td className="small">{GRADE_LABEL[p.grade]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
