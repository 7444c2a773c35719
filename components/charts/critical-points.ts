import { categoricalColors } from "./critical-colors";

export interface CriticalPointInput {
  analysisId: string;
  sampleId: string;
  sampleName: string;
  material: string;
  labName: string;
  annealStage: string;
  version: string;
  Hc_Oe: { value: number; uncertainty: number };
  Rc: { value: number; uncertainty: number };
  znu: { value: number; uncertainty: number } | null;
}

export interface CriticalPlotPoint {
  id: string;
  x: number;
  y: number;
  /** symmetric error bars: [−, +] */
  ex: [number, number];
  ey: [number, number];
  href: string;
  provenance: string[];
}

export interface CriticalSeries {
  name: string;
  color: string;
  points: CriticalPlotPoint[];
}

/** h/4e², Ω. */
export const RQ_OHM = 6453.2;

function provenance(p: CriticalPointInput): string[] {
  return [`${p.sampleName} (${p.annealStage})`, `${p.material} · ${p.labName}`, `analysis ${p.version}`];
}

/**
 * Points of the critical-point figures, one series per material: R_c (kΩ) against H_c (kOe),
 * and zν against H_c (kOe) for the samples whose collapse gave zν.
 */
export function criticalSeries(points: readonly CriticalPointInput[], y: "Rc" | "znu"): CriticalSeries[] {
  const materials = [...new Set(points.map((p) => p.material))].sort((a, b) => a.localeCompare(b));
  const colors = categoricalColors(materials.length);
  return materials.map((m, i) => ({
    name: m,
    color: colors[i]!,
    points: points
      .filter((p) => p.material === m && (y === "Rc" || p.znu))
      .map((p) => {
        const v = y === "Rc" ? { value: p.Rc.value / 1000, uncertainty: p.Rc.uncertainty / 1000 } : p.znu!;
        const point: CriticalPlotPoint = {
          id: p.analysisId,
          x: p.Hc_Oe.value / 1000,
          y: v.value,
          ex: [p.Hc_Oe.uncertainty / 1000, p.Hc_Oe.uncertainty / 1000],
          ey: [v.uncertainty, v.uncertainty],
          href: `/samples/${p.sampleId}#isotherms`,
          provenance: provenance(p),
        };
        return point;
      }),
  })).filter((s) => s.points.length > 0);
}

/**
 * Axis ranges of a critical-point figure: x (log) a factor 1.5 beyond the points and their error
 * bars, with 1-2-5 ticks; y from 0 to 15 % above the highest point, error bar or guide line.
 */
export function criticalDomains(series: readonly CriticalSeries[], guide: number | null): { x: [number, number]; xTicks: number[]; y: [number, number] } {
  const pts = series.flatMap((s) => s.points);
  const xs = pts.flatMap((p) => [p.x - p.ex[0], p.x + p.ex[1]]).filter((v) => v > 0);
  const lo = xs.length ? Math.min(...xs) / 1.5 : 0.1;
  const hi = xs.length ? Math.max(...xs) * 1.5 : 10;
  const xTicks: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++)
    for (const m of [1, 2, 5]) {
      const t = m * 10 ** k;
      if (t >= lo && t <= hi) xTicks.push(Number(t.toPrecision(3)));
    }
  const top = Math.max(guide ?? 0, ...pts.map((p) => p.y + p.ey[1]));
  return { x: [lo, hi], xTicks, y: [0, top > 0 ? top * 1.15 : 1] };
}
