"use client";

import { useMemo, useState } from "react";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { axisFor, axisTitle, formatWithUnit, splitTitle, type AxisLayout } from "./ticks";
import { plural } from "~/components/ui/plural";

/** Recharts tick formatter: the layout's label of a tick value ("" for minor ticks). */
function tickLabel(axis: AxisLayout): (value: number) => string {
  const labels = new Map(axis.ticks.map((t) => [t.value, t.label]));
  return (value) => labels.get(value) ?? "";
}

export interface ChartSeries {
  id: string;
  name: string;
  color: string;
  points: { x: number[]; y: number[] };
  /** drawn as a line without markers (fits), instead of markers joined by a thin line (data) */
  isLine?: boolean;
  dashed?: boolean;
}

/**
 * R against T (or H) for several curves. The axes can be switched between linear and log;
 * values a log axis cannot show (R ≤ 0 below Tc) are left out and counted.
 */
export function CurveChart({
  series,
  xLabel,
  yLabel,
  initialLogX = false,
  initialLogY = true,
  height = 420,
  onPointClick,
}: {
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  initialLogX?: boolean;
  initialLogY?: boolean;
  height?: number;
  onPointClick?: (seriesId: string) => void;
}) {
  const [logX, setLogX] = useState(initialLogX);
  const [logY, setLogY] = useState(initialLogY);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());

  const xTitle = splitTitle(xLabel);
  const yTitle = splitTitle(yLabel);
  const { data, hiddenPoints, xAxis, yAxis } = useMemo(() => {
    let dropped = 0;
    const xs: number[] = [];
    const ys: number[] = [];
    const data = series.map((s) => {
      const rows: { x: number; y: number }[] = [];
      for (let i = 0; i < s.points.x.length; i++) {
        const x = s.points.x[i]!;
        const y = s.points.y[i]!;
        if ((logX && x <= 0) || (logY && y <= 0) || !Number.isFinite(x) || !Number.isFinite(y)) {
          if (!s.isLine) dropped++;
          continue;
        }
        rows.push({ x, y });
        if (!hidden.has(s.id)) {
          xs.push(x);
          ys.push(y);
        }
      }
      return { ...s, rows };
    });
    return {
      data,
      hiddenPoints: dropped,
      xAxis: axisFor(xs, { isLog: logX, unit: xTitle.unit, pixels: 640 }),
      yAxis: axisFor(ys, { isLog: logY, unit: yTitle.unit, pixels: height - 40 }),
    };
  }, [series, logX, logY, hidden, xTitle.unit, yTitle.unit, height]);

  const toggle = (id: string) => {
    const next = new Set(hidden);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setHidden(next);
  };

  return (
    <div>
      <div className="chart-controls">
        <label className="row">
          <input type="checkbox" checked={logX} onChange={(e) => setLogX(e.target.checked)} /> log {xLabel.split(" ")[0]}
        </label>
        <label className="row">
          <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} /> log {yLabel.split(" ")[0]}
        </label>
        {hiddenPoints > 0 ? <span className="subtle">{plural(hiddenPoints, "point")} ≤ 0 not drawn on the log axis</span> : null}
      </div>
      <div style={{ width: "100%", height }} data-testid="curve-chart">
        {xAxis && yAxis ? (
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 8, right: 16, bottom: 28, left: 24 }}>
              <CartesianGrid stroke="#eef0f3" />
              <XAxis
                type="number"
                dataKey="x"
                scale={logX ? "log" : "linear"}
                domain={xAxis.domain}
                allowDataOverflow
                ticks={xAxis.ticks.map((t) => t.value)}
                interval={0}
                tickFormatter={tickLabel(xAxis)}
                label={{ value: axisTitle(xTitle.name, xAxis.unit), position: "insideBottom", offset: -16, fill: "#4b5563" }}
              />
              <YAxis
                type="number"
                dataKey="y"
                scale={logY ? "log" : "linear"}
                domain={yAxis.domain}
                allowDataOverflow
                ticks={yAxis.ticks.map((t) => t.value)}
                interval={0}
                tickFormatter={tickLabel(yAxis)}
                width={88}
                label={{ value: axisTitle(yTitle.name, yAxis.unit), angle: -90, position: "insideLeft", offset: -8, fill: "#4b5563", style: { textAnchor: "middle" } }}
              />
              <Tooltip
                cursor={{ strokeDasharray: "3 3" }}
                formatter={(value, name) => formatWithUnit(Number(value), name === "x" ? xTitle.unit : yTitle.unit, 4)}
                labelFormatter={() => ""}
              />
              {data
                .filter((s) => !hidden.has(s.id))
                .map((s) => (
                  <Scatter
                    key={s.id}
                    name={s.name}
                    data={s.rows}
                    fill={s.color}
                    line={{ stroke: s.color, strokeWidth: s.isLine ? 2 : 1, strokeDasharray: s.dashed ? "5 4" : undefined }}
                    lineJointType="linear"
                    shape={s.isLine ? () => <g /> : "circle"}
                    isAnimationActive={false}
                    onClick={onPointClick ? () => onPointClick(s.id) : undefined}
                    legendType="none"
                    r={2}
                  />
                ))}
            </ScatterChart>
          </ResponsiveContainer>
        ) : (
          <div className="empty">Nothing to draw on these axes.</div>
        )}
      </div>
      <div className="legend-list" role="group" aria-label="Curves">
        {series.map((s) => (
          <span key={s.id} className="legend-item" role="button" aria-pressed={!hidden.has(s.id)} onClick={() => toggle(s.id)}>
            <span className="swatch" style={{ background: s.color }} /> {s.name}
          </span>
        ))}
      </div>
    </div>
  );
}
