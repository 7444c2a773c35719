import type { ChartSeries } from "./curve-chart";
import { sequentialColor } from "./palette";

type XY = { x: number; y: number };

export interface IsothermPlotData {
  Hc_Oe: { value: number; uncertainty: number } | null;
  Rc: { value: number; uncertainty: number } | null;
  isotherms: { T_K: number; points: XY[] }[];
  collapsePoints: { T_K: number; branch: "above" | "below"; points: XY[] }[];
  masterCurve: { branch: "above" | "below"; points: XY[] }[];
}

const toSeries = (points: XY[]) => ({ x: points.map((p) => p.x), y: points.map((p) => p.y) });
const kelvin = (t: number) => (t < 1 ? `${+(t * 1000).toPrecision(3)} mK` : `${+t.toPrecision(3)} K`);

/** R(H) isotherms coloured by temperature, with the crossing (H_c, R_c) marked and a line at H_c. */
export function isothermSeries(d: IsothermPlotData): ChartSeries[] {
  const n = d.isotherms.length;
  const out: ChartSeries[] = d.isotherms.map((iso, i) => ({ id: `T${i}`, name: `T = ${kelvin(iso.T_K)}`, color: sequentialColor(i, n), points: toSeries(iso.points) }));
  if (d.Hc_Oe && d.Rc) {
    const ys = d.isotherms.flatMap((i) => i.points.map((p) => p.y)).filter((y) => y > 0);
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    out.push({ id: "hc", name: "H_c", color: "#b42318", points: { x: [d.Hc_Oe.value, d.Hc_Oe.value], y: [lo, hi] }, isLine: true, dashed: true });
    out.push({ id: "crossing", name: "crossing (H_c, R_c)", color: "#b42318", points: { x: [d.Hc_Oe.value], y: [d.Rc.value] } });
  }
  return out;
}

/** R/R_c against |δ|·T^(−1/zν): each isotherm's two branches, and the master curve dashed. */
export function collapseSeries(d: IsothermPlotData): ChartSeries[] {
  const temps = [...new Set(d.collapsePoints.map((c) => c.T_K))].sort((a, b) => a - b);
  const out: ChartSeries[] = d.collapsePoints.map((c, i) => ({
    id: `c${i}`,
    name: `${kelvin(c.T_K)} · H ${c.branch === "above" ? ">" : "<"} H_c`,
    color: sequentialColor(temps.indexOf(c.T_K), temps.length),
    points: toSeries(c.points),
  }));
  for (const m of d.masterCurve)
    if (m.points.length > 0) out.push({ id: `m-${m.branch}`, name: `master curve (${m.branch === "above" ? "insulating" : "superconducting"} side)`, color: "#101828", points: toSeries(m.points), isLine: true, dashed: true });
  return out;
}
