"use client";

import { CriticalPointsChart } from "~/components/charts/critical-points-chart";
import { criticalSeries } from "~/components/charts/critical-points";
import { plural } from "~/components/ui/plural";
import type { TCriticalPointDto } from "~/server/domains/isotherms/schemas";

/** Standard figure: critical field, critical resistance and zν of every readable sample whose isotherms cross. */
export function CriticalFigure({ points }: { points: TCriticalPointDto[] | undefined }) {
  const withZnu = points?.filter((p) => p.znu).length ?? 0;
  return (
    <section className="card" data-testid="figure-critical-points">
      <h2 style={{ marginBottom: 4 }}>Critical points of field-tuned transitions</h2>
      <p className="subtle small" style={{ maxWidth: 860 }}>
        H_c and R_c from the crossing of each sample&apos;s R(H) isotherms, against the quantum resistance h/4e² (dashed), and zν from the scaling collapse, with one
        standard deviation. One point per sample, anneal stage, setup and channel (current analysis); hover for its provenance, click to open the sample&apos;s
        analysis.
      </p>
      {!points ? (
        <div className="empty">Loading…</div>
      ) : points.length === 0 ? (
        <div className="empty">No sample you may read has isotherms that cross.</div>
      ) : (
        <div className="grid grid-2">
          <div>
            <h3>R_c against H_c</h3>
            <CriticalPointsChart series={criticalSeries(points, "Rc")} yLabel="R_c (kΩ)" showQuantumLine />
          </div>
          <div>
            <h3>zν against H_c</h3>
            {withZnu > 0 ? <CriticalPointsChart series={criticalSeries(points, "znu")} yLabel="zν" showQuantumLine={false} /> : <div className="empty">No collapse yet.</div>}
          </div>
        </div>
      )}
      {points && points.length > 0 ? <p className="subtle small">{plural(points.length, "critical point")}, {withZnu} with zν.</p> : null}
    </section>
  );
}
