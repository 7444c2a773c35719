/**
 * Pairwise crossings of adjacent isotherms (sorted by temperature), their combination into
 * H_c and R_c with a full covariance, and the drift of the crossing with temperature. Pure.
 */
import { gls } from "./linalg";
import { basis, commonWindow, dBasis, localFit, slope, value, type LocalFit } from "./local-fit";
import { noiseSd, smoothWithSe, spacingBandwidth, type Isotherm } from "./prepare";
import type { Drift, Estimate, PairCrossing } from "./types";

const GRID = 240;

function bandwidth(iso: Isotherm, range: [number, number]): number {
  return Math.max(spacingBandwidth(iso.H), (range[1] - range[0]) / 60);
}

/** Half-width of the field window on each side of a crossing in which the separation is tested. */
const TEST_WINDOW = 0.2;
/** Smallest ratio of the relative splittings on the two sides of a crossing. */
export const MIN_SYMMETRY = 0.2;

interface SmoothedPair {
  grid: Float64Array;
  /** Smoothed R_cold − R_warm, its significance and its size relative to the mean R, on the grid. */
  d: Float64Array;
  z: Float64Array;
  rel: Float64Array;
}

function smoothedPair(cold: Isotherm, warm: Isotherm, range: [number, number]): SmoothedPair {
  const grid = Float64Array.from({ length: GRID }, (_, g) => range[0] + ((range[1] - range[0]) * g) / (GRID - 1));
  const c = smoothWithSe(cold.H, cold.R, grid, bandwidth(cold, range));
  const w = smoothWithSe(warm.H, warm.R, grid, bandwidth(warm, range));
  const nc = noiseSd(cold.R);
  const nw = noiseSd(warm.R);
  const d = new Float64Array(GRID);
  const z = new Float64Array(GRID);
  const rel = new Float64Array(GRID);
  for (let g = 0; g < GRID; g++) {
    d[g] = c.value[g]! - w.value[g]!;
    const mean = (c.value[g]! + w.value[g]!) / 2;
    rel[g] = mean > 0 ? d[g]! / mean : Number.NaN;
    const sd = Math.hypot(nc * c.se[g]!, nw * w.se[g]!);
    z[g] = sd > 0 ? d[g]! / sd : Number.NaN;
  }
  return { grid, d, z, rel };
}

/** Most negative z below H and most positive z above H within the test window. */
function sideExtremes(sp: SmoothedPair, H: number): { below: number; above: number; belowMax: number; aboveMin: number; relBelow: number; relAbove: number } {
  let relBelow = 0;
  let relAbove = 0;
  let below = Number.POSITIVE_INFINITY;
  let above = Number.NEGATIVE_INFINITY;
  let belowMax = Number.NEGATIVE_INFINITY;
  let aboveMin = Number.POSITIVE_INFINITY;
  for (let g = 0; g < GRID; g++) {
    const h = sp.grid[g]!;
    const z = sp.z[g]!;
    if (!Number.isFinite(z) || Math.abs(h - H) > TEST_WINDOW * H) continue;
    const r = Number.isFinite(sp.rel[g]!) ? Math.abs(sp.rel[g]!) : 0;
    if (h < H) {
      below = Math.min(below, z);
      belowMax = Math.max(belowMax, z);
      relBelow = Math.max(relBelow, r);
    } else {
      above = Math.max(above, z);
      aboveMin = Math.min(aboveMin, z);
      relAbove = Math.max(relAbove, r);
    }
  }
  return { below, above, belowMax, aboveMin, relBelow, relAbove };
}

export interface PairScan {
  pair: PairCrossing;
  /** Candidate field of the best crossing (null when none). */
  candidate: number | null;
}

/**
 * Finds where an adjacent pair crosses (sign changes of the smoothed difference) and whether the
 * crossing is significant: within ±20 % of it, the smoothed difference must reach −z₀σ on one
 * side and +z₀σ on the other. "sit" when the colder isotherm is the lower one at low field.
 */
export function scanPair(cold: Isotherm, warm: Isotherm, range: [number, number], _w0: number, z0: number): PairScan {
  const sp = smoothedPair(cold, warm, range);
  let best: { H: number; kind: "sit" | "reversed"; zBelow: number; zAbove: number; score: number } | null = null;
  for (let g = 0; g + 1 < GRID; g++) {
    const a = sp.d[g]!;
    const b = sp.d[g + 1]!;
    if (!Number.isFinite(a) || !Number.isFinite(b) || !(a === 0 || a * b < 0)) continue;
    const H = a === b ? sp.grid[g]! : sp.grid[g]! + ((sp.grid[g + 1]! - sp.grid[g]!) * a) / (a - b);
    if (!(H > 0)) continue;
    const e = sideExtremes(sp, H);
    let cand: { kind: "sit" | "reversed"; zBelow: number; zAbove: number } | null = null;
    if (e.below <= -z0 && e.above >= z0) cand = { kind: "sit", zBelow: e.below, zAbove: e.above };
    else if (e.belowMax >= z0 && e.aboveMin <= -z0) cand = { kind: "reversed", zBelow: e.belowMax, zAbove: e.aboveMin };
    // isotherms that fan out on one side only (a superconductor meeting its normal state) do not
    // make a critical point: the relative splitting on each side must be ≥ 1/5 of the other's
    if (!cand || Math.min(e.relBelow, e.relAbove) < MIN_SYMMETRY * Math.max(e.relBelow, e.relAbove)) continue;
    const score = Math.min(Math.abs(cand.zBelow), Math.abs(cand.zAbove)) + (cand.kind === "sit" ? 1e6 : 0);
    if (!best || score > best.score) best = { H, ...cand, score };
  }
  const pair: PairCrossing = {
    T_lo: cold.T_K,
    T_hi: warm.T_K,
    kind: best?.kind ?? "none",
    H_Oe: best?.H ?? null,
    R: null,
    uncertaintyH: null,
    uncertaintyR: null,
    zBelow: best?.zBelow ?? null,
    zAbove: best?.zAbove ?? null,
  };
  return { pair, candidate: best?.H ?? null };
}

/**
 * Whether a pair is significantly apart at H₀ and keeps its order throughout ±20 % around it
 * (it does not cross there).
 */
export function contradicts(cold: Isotherm, warm: Isotherm, H0: number, range: [number, number], _w0: number, z0: number): boolean {
  const sp = smoothedPair(cold, warm, range);
  let atH0 = Number.NaN;
  let best = Number.POSITIVE_INFINITY;
  let pos = 0;
  let neg = 0;
  for (let g = 0; g < GRID; g++) {
    const h = sp.grid[g]!;
    if (Math.abs(h - H0) > TEST_WINDOW * H0 || !Number.isFinite(sp.d[g]!)) continue;
    if (sp.d[g]! > 0) pos++;
    else neg++;
    if (Math.abs(h - H0) < best) [best, atH0] = [Math.abs(h - H0), sp.z[g]!];
  }
  return Math.abs(atH0) >= z0 && (pos === 0 || neg === 0);
}

export interface CombinedCrossing {
  Hc: Estimate;
  Rc: Estimate;
  /** Per pair (same order as `pairIndex`): crossing field and resistance with their uncertainties. */
  h: number[];
  r: number[];
  sh: number[];
  sr: number[];
  pairIndex: number[];
  /** Birge ratio √(χ²/dof) of the pairwise fields (1 when one pair). */
  birgeH: number;
  drift: Drift | null;
  /** The local fits of every isotherm around the crossing. */
  fits: (LocalFit | null)[];
  H0: number;
}

/**
 * Crossing of each listed pair (i, i + stride) from local quadratic fits of every isotherm around a
 * common H₀, with the covariance between pairs that share an isotherm propagated linearly;
 * H_c and R_c are their generalised-least-squares means, with the uncertainty scaled up by the
 * Birge ratio when the pairs scatter more than their errors allow.
 */
export function combineCrossings(isos: readonly Isotherm[], pairIdx: readonly number[], H0: number, range: [number, number], w0: number, stride = 1): CombinedCrossing | null {
  const involved = [...new Set(pairIdx.flatMap((i) => [i, i + stride]))];
  const w = commonWindow(involved.map((k) => isos[k]!), H0, w0, range);
  if (w === null) return null;
  const fits = isos.map((iso, k) => (involved.includes(k) ? localFit(iso, H0, w, range) : null));
  const h: number[] = [];
  const r: number[] = [];
  const used: number[] = [];
  // gradient rows: per pair, 3 coefficients for isotherm i and 3 for i + 1
  const gH: number[][] = [];
  const gR: number[][] = [];
  for (const i of pairIdx) {
    const a = fits[i];
    const b = fits[i + stride];
    if (!a || !b) continue;
    const d0 = a.beta[0]! - b.beta[0]!;
    const d1 = a.beta[1]! - b.beta[1]!;
    const d2 = a.beta[2]! - b.beta[2]!;
    let x: number;
    if (Math.abs(d2) < 1e-12 * (Math.abs(d1) + 1e-300)) x = -d0 / d1;
    else {
      const disc = d1 * d1 - 4 * d2 * d0;
      if (disc < 0) continue;
      const q = -0.5 * (d1 + Math.sign(d1 || 1) * Math.sqrt(disc));
      const roots = [q / d2, d0 / q].filter(Number.isFinite);
      x = roots.sort((p, s) => Math.abs(p) - Math.abs(s))[0] ?? Number.NaN;
    }
    if (!Number.isFinite(x) || Math.abs(x) > w) continue;
    const sa = slope(a, x);
    const sb = slope(b, x);
    const ds = sa - sb;
    if (!(Math.abs(ds) > 0)) continue;
    const g = basis(x);
    // dh = −(gᵀδβa − gᵀδβb)/ds ; dr = gᵀδβa + sa·dh
    gH.push([...g.map((v) => -v / ds), ...g.map((v) => v / ds)]);
    gR.push([...g.map((v) => v * (1 - sa / ds)), ...g.map((v) => (v * sa) / ds)]);
    h.push(H0 * (1 + x));
    r.push(value(a, x));
    used.push(i);
  }
  const m = used.length;
  if (m === 0) return null;
  const cov = (grad: number[][]) => {
    const c = new Array<number>(m * m).fill(0);
    for (let p = 0; p < m; p++)
      for (let q = 0; q < m; q++) {
        // isotherms of pair p: used[p], used[p] + stride ; of q: used[q], used[q] + stride
        let s = 0;
        for (let u = 0; u < 2; u++)
          for (let v = 0; v < 2; v++) {
            const k = used[p]! + u * stride;
            if (k !== used[q]! + v * stride) continue;
            const f = fits[k]!;
            for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) s += grad[p]![u * 3 + a]! * f.cov[a * 3 + b]! * grad[q]![v * 3 + b]!;
          }
        c[p * m + q] = s;
      }
    return c;
  };
  const cH = cov(gH);
  const cR = cov(gR);
  const ones = new Array<number>(m).fill(1);
  const mh = gls(h, cH, ones, 1);
  const mr = gls(r, cR, ones, 1);
  if (!mh || !mr) return null;
  const birge = (chi2: number) => (m > 1 ? Math.sqrt(Math.max(1, chi2 / (m - 1))) : 1);
  const birgeH = birge(mh.chi2);
  const Hc = { value: mh.beta[0]!, uncertainty: Math.sqrt(mh.cov[0]!) * birgeH };
  const Rc = { value: mr.beta[0]!, uncertainty: Math.sqrt(mr.cov[0]!) * birge(mr.chi2) };
  // drift of the crossing field with temperature
  let drift: Drift | null = null;
  if (m >= 2) {
    const tm = used.map((i) => Math.sqrt(isos[i]!.T_K * isos[i + stride]!.T_K));
    const tBar = tm.reduce((a, b) => a + b, 0) / m;
    const x = tm.flatMap((t) => [1, t - tBar]);
    const reg = gls(h, cH, x, 2);
    if (reg) {
      const scale = m > 2 ? Math.sqrt(Math.max(1, reg.chi2 / (m - 2))) : 1;
      const s = Math.sqrt(reg.cov[3]!) * scale;
      const span = Math.max(...tm) - Math.min(...tm);
      drift = {
        slope_Oe_per_K: { value: reg.beta[1]!, uncertainty: s },
        relativeAcrossRange: (reg.beta[1]! * span) / Hc.value,
        significance: Math.abs(reg.beta[1]!) / s,
      };
    }
  }
  const diagSd = (c: number[]) => ones.map((_, p) => Math.sqrt(c[p * m + p]!));
  return { Hc, Rc, h, r, sh: diagSd(cH), sr: diagSd(cR), pairIndex: used, birgeH, drift, fits, H0 };
}

/** ∂R/∂H of every fitted isotherm at H (with its standard deviation), for the slope estimate of zν. */
export function slopesAt(c: CombinedCrossing, H: number): { k: number; s: number; sd: number }[] {
  const out: { k: number; s: number; sd: number }[] = [];
  c.fits.forEach((f, k) => {
    if (!f) return;
    const x = (H - f.H0) / f.H0;
    const g = dBasis(x, f.H0);
    let v = 0;
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) v += g[a]! * f.cov[a * 3 + b]! * g[b]!;
    out.push({ k, s: slope(f, x), sd: Math.sqrt(v) });
  });
  return out;
}

