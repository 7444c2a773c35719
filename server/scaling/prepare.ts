/**
 * From measured sweeps to the isotherms the analysis uses: non-finite points dropped, fields
 * folded to |H|, sweeps at the same temperature merged, points sorted by field, isotherms that
 * cover too little of the others' field range excluded, and the common field range found.
 * R(T) sweeps at fixed fields can be transposed into isotherms first.
 */
import type { FieldSweepInput, IsothermInput, Reason } from "./types";

export interface Isotherm {
  T_K: number;
  H: Float64Array;
  R: Float64Array;
  /** R smoothed by a local linear kernel fit (bandwidth 2.5 median spacings), for choosing windows. */
  Rs: Float64Array;
}

export interface Prepared {
  isotherms: Isotherm[];
  range: [number, number] | null;
  reasons: Reason[];
}

/** Relative temperature difference below which two sweeps are one isotherm. */
const SAME_T = 0.01;
/** Points an isotherm needs inside the common range. */
export const MIN_POINTS = 5;

function clean(iso: IsothermInput): { T: number; H: number[]; R: number[]; folded: boolean } | null {
  if (!(iso.T_K > 0) || !Number.isFinite(iso.T_K)) return null;
  const n = Math.min(iso.H_Oe.length, iso.R.length);
  const H: number[] = [];
  const R: number[] = [];
  let folded = false;
  for (let i = 0; i < n; i++) {
    const h = iso.H_Oe[i]!;
    const r = iso.R[i]!;
    if (!Number.isFinite(h) || !Number.isFinite(r)) continue;
    if (h < 0) folded = true;
    H.push(Math.abs(h));
    R.push(r);
  }
  return { T: iso.T_K, H, R, folded };
}

function sorted(T: number, H: number[], R: number[]): Isotherm {
  const idx = H.map((_, i) => i).sort((a, b) => H[a]! - H[b]!);
  const h = Float64Array.from(idx, (i) => H[i]!);
  const r = Float64Array.from(idx, (i) => R[i]!);
  return { T_K: T, H: h, R: r, Rs: smoothAt(h, r, h, spacingBandwidth(h)) };
}

/** 2.5 median field spacings (0 when all fields are equal). */
export function spacingBandwidth(H: Float64Array): number {
  const d: number[] = [];
  for (let i = 1; i < H.length; i++) if (H[i]! > H[i - 1]!) d.push(H[i]! - H[i - 1]!);
  return 2.5 * (median(d) || 0);
}

/** Noise of R within an isotherm: robust (MAD) scale of second differences, / √6. */
export function noiseSd(R: Float64Array): number {
  const d: number[] = [];
  for (let i = 1; i + 1 < R.length; i++) d.push(Math.abs(R[i + 1]! - 2 * R[i]! + R[i - 1]!));
  return d.length ? (1.4826 * median(d)) / Math.sqrt(6) : Number.NaN;
}

/**
 * Local linear kernel smoothing at `at`, with the standard-deviation factor √Σlᵢ² of each
 * smoothed value (multiply by the noise of one reading).
 */
export function smoothWithSe(H: Float64Array, R: Float64Array, at: Float64Array, b: number): { value: Float64Array; se: Float64Array } {
  const value = new Float64Array(at.length);
  const se = new Float64Array(at.length);
  for (let g = 0; g < at.length; g++) {
    const x0 = at[g]!;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let t0 = 0;
    let t1 = 0;
    let lo = -1;
    let hi = -1;
    for (let i = 0; i < H.length; i++) {
      const d = (H[i]! - x0) / b;
      if (d > 4 || d < -4) continue;
      if (lo < 0) lo = i;
      hi = i;
      const k = Math.exp(-0.5 * d * d);
      s0 += k;
      s1 += k * d;
      s2 += k * d * d;
      t0 += k * R[i]!;
      t1 += k * d * R[i]!;
    }
    const det = s0 * s2 - s1 * s1;
    if (!(det > 1e-9 * s0 * s0)) {
      value[g] = Number.NaN;
      se[g] = Number.NaN;
      continue;
    }
    value[g] = (s2 * t0 - s1 * t1) / det;
    let l2 = 0;
    for (let i = lo; i <= hi; i++) {
      const d = (H[i]! - x0) / b;
      const l = (Math.exp(-0.5 * d * d) * (s2 - s1 * d)) / det;
      l2 += l * l;
    }
    se[g] = Math.sqrt(l2);
  }
  return { value, se };
}

/** Local linear kernel smoothing of (H, R) at the fields `at` (Gaussian kernel, bandwidth b). */
export function smoothAt(H: Float64Array, R: Float64Array, at: Float64Array, b: number): Float64Array {
  const out = new Float64Array(at.length);
  if (!(b > 0)) {
    out.set(at.map((x) => R[H.findIndex((h) => h === x)] ?? Number.NaN));
    return out;
  }
  for (let g = 0; g < at.length; g++) {
    const x0 = at[g]!;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let t0 = 0;
    let t1 = 0;
    for (let i = 0; i < H.length; i++) {
      const d = (H[i]! - x0) / b;
      if (d > 4 || d < -4) continue;
      const k = Math.exp(-0.5 * d * d);
      s0 += k;
      s1 += k * d;
      s2 += k * d * d;
      t0 += k * R[i]!;
      t1 += k * d * R[i]!;
    }
    const det = s0 * s2 - s1 * s1;
    out[g] = det > 1e-12 * s0 * s0 ? (s2 * t0 - s1 * t1) / det : s0 > 0 ? t0 / s0 : Number.NaN;
  }
  return out;
}

/** Median of a list of numbers (NaN when empty). */
export function median(v: readonly number[]): number {
  if (v.length === 0) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function prepareIsotherms(input: readonly IsothermInput[]): Prepared {
  const reasons: Reason[] = [];
  const noT = input.filter((i) => !(i.T_K > 0) || !Number.isFinite(i.T_K)).length;
  if (noT > 0) reasons.push({ code: "isotherm_excluded", message: `${noT} sweep${noT > 1 ? "s have" : " has"} no known temperature and cannot be an isotherm.` });
  const cleaned = input.map(clean).filter((c): c is NonNullable<typeof c> => c !== null && c.H.length > 0);
  if (cleaned.some((c) => c.folded))
    reasons.push({ code: "field_folded", message: "Negative fields were folded onto |H| (the longitudinal resistance is even in H)." });
  cleaned.sort((a, b) => a.T - b.T);
  // merge sweeps at the same temperature (up and down sweeps, loops)
  const groups: (typeof cleaned)[] = [];
  for (const c of cleaned) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(c.T - g[0]!.T) <= SAME_T * g[0]!.T) g.push(c);
    else groups.push([c]);
  }
  if (groups.some((g) => g.length > 1))
    reasons.push({ code: "isotherms_merged", message: `Sweeps within ${SAME_T * 100} % in temperature were merged into one isotherm each (${cleaned.length} sweeps → ${groups.length} isotherms).` });
  let isotherms = groups.map((g) => {
    const T = g.reduce((s, c) => s + c.T, 0) / g.length;
    return sorted(T, g.flatMap((c) => c.H), g.flatMap((c) => c.R));
  });
  // exclude isotherms that cover less than half of the typical field range
  const loMed = median(isotherms.map((i) => i.H[0]!));
  const hiMed = median(isotherms.map((i) => i.H[i.H.length - 1]!));
  const keep = isotherms.filter((i) => {
    const lo = Math.max(i.H[0]!, loMed);
    const hi = Math.min(i.H[i.H.length - 1]!, hiMed);
    return hi - lo >= 0.5 * (hiMed - loMed);
  });
  if (keep.length < isotherms.length && keep.length >= 3) {
    const out = isotherms.filter((i) => !keep.includes(i)).map((i) => `${i.T_K.toPrecision(3)} K`);
    reasons.push({ code: "isotherm_excluded", message: `Isotherms covering less than half of the others' field range were left out: ${out.join(", ")}.` });
    isotherms = keep;
  }
  if (isotherms.length === 0) return { isotherms, range: null, reasons };
  const lo = Math.max(...isotherms.map((i) => i.H[0]!));
  const hi = Math.min(...isotherms.map((i) => i.H[i.H.length - 1]!));
  const inRange = (i: Isotherm) => {
    let c = 0;
    for (const h of i.H) if (h >= lo && h <= hi) c++;
    return c;
  };
  const range: [number, number] | null = hi > lo && isotherms.every((i) => inRange(i) >= MIN_POINTS) ? [lo, hi] : null;
  return { isotherms, range, reasons };
}

/**
 * Isotherms from R(T) sweeps at fixed fields: at up to `count` temperatures spaced evenly in
 * ln T over the range all sweeps cover, each sweep is read by a local linear fit in ln T over
 * its nearest points, giving one point per field.
 */
export function transposeFieldSweeps(sweeps: readonly FieldSweepInput[], count = 8, neighbours = 5): IsothermInput[] {
  const usable = sweeps
    .map((s) => {
      const pts: [number, number][] = [];
      for (let i = 0; i < Math.min(s.T_K.length, s.R.length); i++) {
        const t = s.T_K[i]!;
        const r = s.R[i]!;
        if (t > 0 && Number.isFinite(t) && Number.isFinite(r)) pts.push([Math.log(t), r]);
      }
      pts.sort((a, b) => a[0] - b[0]);
      return { H: s.H_Oe, pts };
    })
    .filter((s) => s.pts.length >= 3 && Number.isFinite(s.H));
  if (usable.length === 0) return [];
  const lo = Math.max(...usable.map((s) => s.pts[0]![0]));
  const hi = Math.min(...usable.map((s) => s.pts[s.pts.length - 1]![0]));
  if (!(hi > lo)) return [];
  const out: IsothermInput[] = [];
  for (let k = 0; k < count; k++) {
    const x = count === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * k) / (count - 1);
    const H: number[] = [];
    const R: number[] = [];
    for (const s of usable) {
      const near = [...s.pts].sort((a, b) => Math.abs(a[0] - x) - Math.abs(b[0] - x)).slice(0, neighbours);
      const mx = near.reduce((a, p) => a + p[0], 0) / near.length;
      const my = near.reduce((a, p) => a + p[1], 0) / near.length;
      let sxx = 0;
      let sxy = 0;
      for (const p of near) {
        sxx += (p[0] - mx) ** 2;
        sxy += (p[0] - mx) * (p[1] - my);
      }
      H.push(s.H);
      R.push(sxx > 0 ? my + (sxy / sxx) * (x - mx) : my);
    }
    out.push({ T_K: Math.exp(x), H_Oe: H, R });
  }
  return out;
}
