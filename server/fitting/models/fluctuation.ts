/**
 * The normal state under a superconducting transition's upper part (docs/physics.md, "Tc and the
 * normal state"). Above Tc the film's conductance is the normal one plus the superconducting
 * fluctuations', so the resistance approaches the normal state R_n(T) slowly from below: a
 * normal state read where the curve has merely flattened is too low, and Tc90 with it. As is done
 * when paraconductivity is analysed, the upper part of the transition (from Tc50 up) is fitted as
 *
 *   ln R = ln R_n(T) + g(T),   R_n(T) = R_ref · (T/T_ref)^b   (flat, metallic or weakly insulating),
 *
 * with three descriptions g of how the transition approaches it, compared by AICc:
 * - `al`: 2D Aslamazov–Larkin paraconductivity, G = G_n·(1 + c/ε) with ε = (T − Tc)/Tc (the
 *   variant ε = ln(T/Tc) differs from it only far from Tc, where the difference is degenerate
 *   with the normal state's own slope b, and is left out);
 * - `hn`: the Halperin–Nelson interpolation near a BKT transition, G = G_n·(1 + ξ²),
 *   ξ = (2/A)·sinh(b/√t), t = T/T_BKT − 1;
 * - `step`: a transition without a fluctuation tail, ln R_n + ln((1 + tanh((ln T − m)/w))/2),
 *   whose tail dies off exponentially in ln T.
 * R_ref and b enter linearly in ln R and are solved in closed form for every trial of the shape
 * parameters (variable projection: the residuals are projected off the weighted columns 1 and
 * ln T); the shape parameters are searched by Levenberg–Marquardt with analytic derivatives from
 * one start per description. The fit runs on data averaged in bins of ln T, in ln R with weights w·R².
 * The uncertainty of ln R_n(T) comes from the full Jacobian at the optimum.
 */
import { covarianceFromJtJ, levenbergMarquardt } from "../solvers/levenberg-marquardt";
import { invertSymmetric } from "../solvers/linalg";
import { binByLnT } from "./binning";
import { informationCriteria } from "./common";
import { scratchF64 } from "../workspace";

export type ApproachModel = "step" | "al" | "hn";

export interface NormalStateFit {
  model: ApproachModel;
  /** ln R_n at ln T */
  lnRn(lnT: number): number;
  /** the same as coefficients: ln R_n = c0 + c1·(ln T − ref), computed exactly as lnRn does */
  law: { c0: number; c1: number; ref: number };
  /** standard uncertainty of ln R_n at ln T */
  lnRnSE(lnT: number): number;
  /** the shape parameters of the chosen description (Tc_K and c; T_BKT_K, A and b; m and w) */
  params: Record<string, number>;
  aicc: Record<ApproachModel, number>;
  /** number of bins fitted */
  n: number;
  /** reduced χ² of the chosen description (the weights are 1/σ² of the noise model) */
  chi2: number;
}

interface Shape {
  model: ApproachModel;
  /** g and ∂g/∂q_j (row-major, k·p + j) at every bin for the shape parameters q */
  eval(q: ArrayLike<number>, lx: Float64Array, T: Float64Array, g: Float64Array, dg: Float64Array | null): void;
  start: number[];
  lower: number[];
  upper: number[];
  params(q: ArrayLike<number>): Record<string, number>;
}

/** ln(1 + e^x), without overflow. */
function softplus(x: number): number {
  return x > 30 ? x : Math.log1p(Math.exp(x));
}

/** 1/(1 + e^−x) */
function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** ln sinh z for z > 0, without overflow. */
function lnSinh(z: number): number {
  return z > 20 ? z - Math.LN2 : Math.log(Math.sinh(z));
}

function shapes(lnLo: number, lnHi: number): Shape[] {
  // the start puts the fluctuation term at 1 at the window's bottom (R = R_n/2 there), with the
  // transition temperature 0.8 × below it
  const d0 = Math.log(0.8);
  const lnTcMin = lnLo - Math.log(20);
  const lnTcMax = lnLo - 1e-3;
  // AL: g = −ln(1 + C·v), v = Tc/(T − Tc); ∂v/∂ln Tc = v(1 + v)
  const al: Shape = {
    model: "al",
    eval(q, _lx, T, g, dg) {
      const C = Math.exp(q[0]!);
      const Tc = Math.exp(q[1]!);
      for (let k = 0; k < T.length; k++) {
        const v = Tc / (T[k]! - Tc);
        const cv = C * v;
        g[k] = -Math.log1p(cv);
        if (dg) {
          const f = 1 / (1 + cv);
          dg[2 * k] = -cv * f;
          dg[2 * k + 1] = -cv * (1 + v) * f;
        }
      }
    },
    start: [Math.log(Math.expm1(-d0)), lnLo + d0],
    lower: [Math.log(1e-5), lnTcMin],
    upper: [Math.log(1e3), lnTcMax],
    params: (q) => ({ Tc_K: Math.exp(q[1]!), c: Math.exp(q[0]!) }),
  };
  // HN: g = −softplus(L), L = 2 ln(2/A) + 2 ln sinh z, z = b/√t, t = T/T_BKT − 1
  const hn: Shape = {
    model: "hn",
    eval(q, _lx, T, g, dg) {
      const beta = Math.exp(q[1]!);
      const Tb = Math.exp(q[2]!);
      for (let k = 0; k < T.length; k++) {
        const t = T[k]! / Tb - 1;
        const z = beta / Math.sqrt(t);
        // ln sinh z = z − ln 2 + ln(1 − e^(−2z)); coth z = (1 + e^(−2z))/(1 − e^(−2z))
        const e2 = Math.exp(-2 * z);
        const L = 2 * q[0]! + 2 * (z - Math.LN2 + Math.log1p(-e2));
        // (Infinity first and an if: `L > 30 ? Infinity : Math.exp(L)` makes the JIT box every
        // exponential into a heap number while no L > 30 has been seen)
        let eL = Infinity;
        if (!(L > 30)) eL = Math.exp(L);
        g[k] = L > 30 ? -L : -Math.log1p(eL);
        if (dg) {
          const s = L > 30 ? -1 : -eL / (1 + eL);
          const zc = (z * (1 + e2)) / (1 - e2);
          dg[3 * k] = 2 * s;
          dg[3 * k + 1] = 2 * zc * s;
          dg[3 * k + 2] = ((zc * (1 + t)) / t) * s;
        }
      }
    },
    start: [-lnSinh(1 / Math.sqrt(Math.expm1(-d0))), 0, lnLo + d0],
    lower: [-40, Math.log(0.05), lnTcMin],
    upper: [10, Math.log(20), lnTcMax],
    params: (q) => ({ T_BKT_K: Math.exp(q[2]!), A: 2 * Math.exp(-q[0]!), b: Math.exp(q[1]!) }),
  };
  // step: g = ln((1 + tanh ζ)/2) = −softplus(−2ζ), ζ = (ln T − m)/w
  const step: Shape = {
    model: "step",
    eval(q, lx, _T, g, dg) {
      const w = Math.exp(q[1]!);
      for (let k = 0; k < lx.length; k++) {
        const zeta = (lx[k]! - q[0]!) / w;
        g[k] = -softplus(-2 * zeta);
        if (dg) {
          const dz = 2 * logistic(-2 * zeta);
          dg[2 * k] = -dz / w;
          dg[2 * k + 1] = -dz * zeta;
        }
      }
    },
    start: [lnLo, Math.log(0.1)],
    lower: [lnLo - 3, Math.log(0.003)],
    upper: [lnHi, Math.log(3)],
    params: (q) => ({ Tmid_K: Math.exp(q[0]!), width: Math.exp(q[1]!) }),
  };
  return [step, al, hn];
}

/**
 * Projection off the weighted columns √w·xʲ (j < nb): an orthonormal basis e_j by Gram–Schmidt,
 * so that P⊥u = u − Σ (e_j·u) e_j. Null when the columns are degenerate.
 */
function projector(x: Float64Array, sqw: Float64Array, nb: number): { apply(u: Float64Array, out: Float64Array): void } | null {
  const m = x.length;
  const basis: Float64Array[] = [];
  for (let j = 0; j < nb; j++) {
    const e = scratchF64(`fl.basis${j}`, m);
    for (let k = 0; k < m; k++) e[k] = sqw[k]! * x[k]! ** j;
    const raw = Math.sqrt(e.reduce((acc, v) => acc + v * v, 0));
    for (const f of basis) {
      let dot = 0;
      for (let k = 0; k < m; k++) dot += f[k]! * e[k]!;
      for (let k = 0; k < m; k++) e[k] = e[k]! - dot * f[k]!;
    }
    const norm = Math.sqrt(e.reduce((acc, v) => acc + v * v, 0));
    if (!(norm > 1e-9 * raw)) return null;
    for (let k = 0; k < m; k++) e[k] = e[k]! / norm;
    basis.push(e);
  }
  return {
    // u − Σ (e_j·u) e_j, one e_j after the other (each dot product taken after the previous
    // subtraction); each subtraction runs in the pass that takes the next dot product
    apply(u, out) {
      const e0 = basis[0]!;
      let c = 0;
      for (let k = 0; k < m; k++) {
        const v = u[k]!;
        out[k] = v;
        c += e0[k]! * v;
      }
      let prev = e0;
      for (let j = 1; j < basis.length; j++) {
        const e = basis[j]!;
        let next = 0;
        for (let k = 0; k < m; k++) {
          const v = out[k]! - c * prev[k]!;
          out[k] = v;
          next += e[k]! * v;
        }
        prev = e;
        c = next;
      }
      for (let k = 0; k < m; k++) out[k] = out[k]! - c * prev[k]!;
    },
  };
}

/**
 * Terms of the normal state's polynomial in ln T: 2, a power law (a third term, curvature, would
 * absorb the upper part of a plain step into the normal state). The result below assumes 2.
 */
const NB = 2;

/** Maximum number of bins in ln T that the fit runs on. */
const BINS = 16;

/**
 * Fit the upper part of a transition, readings [i0, i1) (from about Tc50 up to the top of the
 * normal state used), and return the best description's normal state; null when there are too
 * few positive readings or no description converges.
 */
export function fitNormalStateUnderTransition(lnT: Float64Array, R: Float64Array, w: Float64Array, i0: number, i1: number): NormalStateFit | null {
  if (i1 - i0 < 10) return null;
  const bins = binByLnT(lnT, R, w, i0, i1, BINS);
  // bins of excluded readings (weight 0) and non-positive levels carry no information in ln R
  const keep: number[] = [];
  for (let k = 0; k < bins.n; k++) if (bins.y[k]! > 0 && bins.w[k]! > 0) keep.push(k);
  const m = keep.length;
  if (m < 8) return null;
  // (work views, see workspace.ts: nothing of them outlives the call)
  const lx = scratchF64("fl.lx", m);
  const x = scratchF64("fl.x", m);
  const y = scratchF64("fl.y", m);
  const T = scratchF64("fl.T", m);
  const wl = scratchF64("fl.wl", m);
  keep.forEach((k, j) => {
    lx[j] = bins.lnT[k]!;
    T[j] = bins.T[k]!;
    y[j] = Math.log(bins.y[k]!);
    wl[j] = bins.w[k]! * bins.y[k]! * bins.y[k]!;
  });
  const lnRef = lx[0]!;
  for (let j = 0; j < m; j++) x[j] = lx[j]! - lnRef;
  const sqw = scratchF64("fl.sqw", m);
  for (let j = 0; j < m; j++) sqw[j] = Math.sqrt(wl[j]!);
  const proj = projector(x, sqw, NB);
  if (!proj) return null;
  const g = scratchF64("fl.g", m);
  const u = scratchF64("fl.u", m);
  const col = scratchF64("fl.col", m);
  const aicc = { step: Infinity, al: Infinity, hn: Infinity } as Record<ApproachModel, number>;
  let best: { shape: Shape; q: Float64Array; rss: number } | null = null;
  for (const shape of shapes(lx[0]!, lx[m - 1]!)) {
    const p = shape.lower.length;
    const dg = scratchF64("fl.dg", m * p);
    // the derivatives are evaluated with the residuals (a few operations more per bin) and kept
    // for the Jacobian, which LM asks for at the point it has just accepted
    const dgAt = new Float64Array(p).fill(NaN);
    const problem = {
      n: m,
      m: p,
      residuals(q: Float64Array, r: Float64Array): boolean {
        dgAt[0] = NaN;
        shape.eval(q, lx, T, g, dg);
        for (let k = 0; k < m; k++) u[k] = (y[k]! - g[k]!) * sqw[k]!;
        proj.apply(u, r);
        for (let k = 0; k < m; k++) if (!Number.isFinite(r[k]!)) return false;
        dgAt.set(q);
        return true;
      },
      jacobian(q: Float64Array, jac: Float64Array): void {
        let same = true;
        for (let j = 0; j < p; j++) if (q[j] !== dgAt[j]) same = false;
        if (!same) shape.eval(q, lx, T, g, dg);
        for (let j = 0; j < p; j++) {
          for (let k = 0; k < m; k++) u[k] = -dg[k * p + j]! * sqw[k]!;
          proj.apply(u, col);
          for (let k = 0; k < m; k++) jac[k * p + j] = Number.isFinite(col[k]!) ? col[k]! : 0;
        }
      },
    };
    const lm = levenbergMarquardt(problem, shape.start, { lower: shape.lower, upper: shape.upper, maxIterations: 20, ftol: 1e-6, xtol: 1e-6, gtol: 1e-7 });
    if (!Number.isFinite(lm.rss)) continue;
    aicc[shape.model] = informationCriteria(lm.rss, m, NB + p).aicc;
    if (!best || aicc[shape.model] < aicc[best.shape.model]) best = { shape, q: Float64Array.from(lm.params), rss: lm.rss };
  }
  if (!best) return null;
  const { shape, q, rss } = best;
  const p = q.length;
  const P = NB + p;
  const dg = scratchF64("fl.dg", m * p);
  shape.eval(q, lx, T, g, dg);
  // the full Jacobian of the weighted residuals in (c_0 … c_nb−1, q) at the optimum: JᵀJ gives
  // both the normal state's coefficients (from its first nb rows) and the covariance
  const jtj = scratchF64("fl.jtj", P * P).fill(0);
  const jtz = scratchF64("fl.jtz", NB).fill(0);
  const jrow = scratchF64("fl.jrow", P);
  for (let k = 0; k < m; k++) {
    for (let j = 0; j < NB; j++) jrow[j] = sqw[k]! * x[k]! ** j;
    for (let j = 0; j < p; j++) jrow[NB + j] = sqw[k]! * dg[k * p + j]!;
    for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) jtj[i * P + j] = jtj[i * P + j]! + jrow[i]! * jrow[j]!;
    for (let j = 0; j < NB; j++) jtz[j] = jtz[j]! + jrow[j]! * sqw[k]! * (y[k]! - g[k]!);
  }
  const sub = scratchF64("fl.sub", NB * NB);
  for (let i = 0; i < NB; i++) for (let j = 0; j < NB; j++) sub[i * NB + j] = jtj[i * P + j]!;
  const { inv } = invertSymmetric(sub, NB);
  const coef = scratchF64("fl.coef", NB).fill(0);
  for (let i = 0; i < NB; i++) for (let j = 0; j < NB; j++) coef[i] = coef[i]! + inv[i * NB + j]! * jtz[j]!;
  const cov = covarianceFromJtJ(jtj, P, rss, m).matrix;
  // NB = 2: ln R_n = c0 + c1·(ln T − ln T_ref)
  const c0 = coef[0]!;
  const c1 = coef[1]!;
  const v00 = cov[0]!;
  const v01 = cov[1]!;
  const v11 = cov[P + 1]!;
  return {
    model: shape.model,
    lnRn: (lnT: number) => c0 + c1 * (lnT - lnRef),
    law: { c0, c1, ref: lnRef },
    lnRnSE: (lnT: number) => {
      const t = lnT - lnRef;
      const v = v00 + 2 * t * v01 + t * t * v11;
      return v > 0 ? Math.sqrt(v) : 0;
    },
    params: shape.params(q),
    aicc,
    n: m,
    chi2: rss / Math.max(1, m - P),
  };
}
