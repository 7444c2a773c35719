/**
 * Data for the collapse plot: every reading near H_c as R/R_c against |δ|·T^(−1/zν), on the
 * branch above or below H_c, and the fitted master curve on the same axes. Pure.
 */
import { prepareIsotherms } from "./prepare";
import type { IsothermInput, ScalingResult } from "./types";

export interface CollapsePoint {
  T_K: number;
  branch: "above" | "below";
  x: number;
  y: number;
}

/** Readings with 0 < |δ| ≤ window·δ_max (default twice the fitted window); empty without a collapse. */
export function collapsePoints(input: readonly IsothermInput[], result: ScalingResult, window = 2): CollapsePoint[] {
  if (!result.Hc_Oe || !result.Rc || !result.znu || !result.collapse) return [];
  const Hc = result.Hc_Oe.value;
  const Rc = result.Rc.value;
  const p = 1 / result.znu.value;
  const dMax = window * result.collapse.deltaMax;
  const out: CollapsePoint[] = [];
  for (const iso of prepareIsotherms(input).isotherms) {
    const scale = Math.pow(iso.T_K, -p);
    for (let i = 0; i < iso.H.length; i++) {
      const d = (iso.H[i]! - Hc) / Hc;
      if (d === 0 || Math.abs(d) > dMax || !(iso.R[i]! > 0)) continue;
      out.push({ T_K: iso.T_K, branch: d > 0 ? "above" : "below", x: Math.abs(d) * scale, y: iso.R[i]! / Rc });
    }
  }
  return out;
}

/** The master curve on the plot's axes, `n` points per branch over the fitted window. */
export function collapseCurve(result: ScalingResult, n = 40): { branch: "above" | "below"; x: number; y: number }[] {
  const c = result.collapse;
  if (!c || !result.znu || !result.Rc) return [];
  const p = 1 / result.znu.value;
  const { coefficients, uScale, T_ref } = c.master;
  const f = (u: number) => coefficients.reduce((s, cj, j) => s + cj * Math.pow(u / uScale, j), 0);
  const lnRcFit = f(0);
  const out: { branch: "above" | "below"; x: number; y: number }[] = [];
  // u = δ·(T/T_ref)^(−p) = δ·T^(−p)·T_ref^p: on the plot x = |δ|·T^(−p) = |u|·T_ref^(−p)
  const toX = Math.pow(T_ref, -p);
  for (const sgn of [1, -1] as const) {
    for (let i = 1; i <= n; i++) {
      const u = (sgn * uScale * i) / n;
      out.push({ branch: sgn > 0 ? "above" : "below", x: Math.abs(u) * toX, y: Math.exp(f(u) - lnRcFit) });
    }
  }
  return out;
}
