/**
 * 2D quantum corrections above Tc (seed 003, Eq. 1):  G = G0 + A·ln(T/T0)
 * with G = 1/R the sheet conductance in siemens. T0 is not separately
 * identifiable from G0 (G0 − A·ln T0 is one constant), so by convention
 * T0 = 1 K: G0 is then the conductance extrapolated to 1 K. The fit is a
 * straight line in ln T, weighted by 1/G² (relative noise on R).
 */
import { scratchF64 } from "../workspace";
import type { ModelFit } from "../types";
import { buildModelFit, type CurveData } from "./common";
import { fitLine } from "./linear-fit";

export const WL_T0_K = 1;

export function fitWeakLocalization(d: CurveData): ModelFit {
  const n = d.n;
  const G = scratchF64("wl.G", n);
  const w = scratchF64("wl.w", n);
  const u = scratchF64("wl.u", n);
  for (let i = 0; i < n; i++) {
    G[i] = 1 / d.R[i]!;
    w[i] = d.R[i]! * d.R[i]!;
    u[i] = d.lnT[i]! - Math.log(WL_T0_K);
  }
  const line = fitLine(u, G, w, 0, n);
  return buildModelFit({
    model: "weak_localization",
    params: { G0_S: line.a, A_S: line.b, T0_K: WL_T0_K },
    uncertainties: { G0_S: Math.sqrt(line.varA), A_S: Math.sqrt(line.varB) },
    space: "G",
    T: d.T,
    rss: line.rss,
    k: 2,
    converged: line.ok,
    iterations: 1,
  });
}
