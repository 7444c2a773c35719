"use client";

import { useRouter } from "next/navigation";
import { CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { criticalDomains, RQ_OHM, type CriticalPlotPoint, type CriticalSeries } from "./critical-points";
import { formatNumber } from "./log-ticks";

function TooltipBody({ active, payload }: { active?: boolean; payload?: { payload?: CriticalPlotPoint }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="card small" style={{ padding: 8 }}>
      {p.provenance.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

/** Critical points across samples (prepared series in), with error bars and, for R_c, the h/4e² line. */
export function CriticalPointsChart({ series, yLabel, showQuantumLine, height = 340 }: { series: CriticalSeries[]; yLabel: string; showQuantumLine: boolean; height?: number }) {
  const router = useRouter();
  const d = criticalDomains(series, showQuantumLine ? RQ_OHM / 1000 : null);
  return (
    <div>
      <div style={{ width: "100%", height }} data-testid="critical-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 24, bottom: 28, left: 24 }}>
            <CartesianGrid stroke="#eef0f3" />
            <XAxis type="number" dataKey="x" scale="log" domain={d.x} ticks={d.xTicks} interval={0} tickFormatter={(v: number) => formatNumber(v)} allowDataOverflow label={{ value: "H_c (kOe)", position: "insideBottom", offset: -16, fill: "#4b5563" }} />
            <YAxis type="number" dataKey="y" domain={d.y} tickFormatter={(v: number) => formatNumber(v)} width={64} label={{ value: yLabel, angle: -90, position: "insideLeft", fill: "#4b5563", style: { textAnchor: "middle" } }} />
            {showQuantumLine ? <ReferenceLine y={RQ_OHM / 1000} stroke="#b42318" strokeDasharray="5 4" label={{ value: "h/4e² = 6.45 kΩ", position: "insideTopRight", fill: "#b42318" }} /> : null}
            <Tooltip content={<TooltipBody />} />
            {series.map((s) => (
              <Scatter key={s.name} name={s.name} data={s.points} fill={s.color} isAnimationActive={false} onClick={(d: { payload?: CriticalPlotPoint }) => d.payload && router.push(d.payload.href)}>
                <ErrorBar dataKey="ex" direction="x" stroke={s.color} width={4} />
                <ErrorBar dataKey="ey" direction="y" stroke={s.color} width={4} />
              </Scatter>
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <div className="legend-list">
        {series.map((s) => (
          <span key={s.name} className="legend-item">
            <span className="swatch" style={{ background: s.color }} /> {s.name}
          </span>
        ))}
      </div>
    </div>
  );
}
