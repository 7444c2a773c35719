/**
 * Laws of the real-world families (bench/independent/realworld.ts), written
 * from shared/docs/PHYSICS.md ("What real measurements look like"): metallic
 * normal states measured from room temperature, doped-semiconductor
 * freeze-out, granular re-entrance. Pure functions of T in kelvin; resistances
 * in ohm per square.
 */

const bgIntegrand = (x: number): number => {
  if (x < 1e-6) return x * x * x;
  const e = Math.exp(-x);
  return (Math.pow(x, 5) * e) / ((1 - e) * (1 - e));
};

/** ∫₀^z x⁵·eˣ/(eˣ − 1)² dx by Simpson's rule with `n` intervals (the reference for the table below). */
export function blochGruneisenIntegralDirect(z: number, n = 512): number {
  if (!(z > 0)) return 0;
  const top = Math.min(z, 80);
  const h = top / n;
  let s = bgIntegrand(0) + bgIntegrand(top);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * bgIntegrand(i * h);
  return (s * h) / 3;
}

const BG_ZMIN = 1e-3;
const BG_ZMAX = 80;
const BG_N = 4000;
let bgTable: Float64Array | null = null;

/** ln J5 on a log grid of z, integrated once piece by piece (Simpson on every interval). */
function bgLogTable(): Float64Array {
  if (bgTable) return bgTable;
  const t = new Float64Array(BG_N + 1);
  const step = Math.log(BG_ZMAX / BG_ZMIN) / BG_N;
  let acc = Math.pow(BG_ZMIN, 4) / 4; // J5(z) ≈ z⁴/4 for small z
  let prev = BG_ZMIN;
  t[0] = Math.log(acc);
  for (let i = 1; i <= BG_N; i++) {
    const z = BG_ZMIN * Math.exp(step * i);
    const mid = 0.5 * (prev + z);
    acc += ((z - prev) / 6) * (bgIntegrand(prev) + 4 * bgIntegrand(mid) + bgIntegrand(z));
    t[i] = Math.log(acc);
    prev = z;
  }
  bgTable = t;
  return t;
}

/** The Bloch–Grüneisen integral J5(z) = ∫₀^z x⁵·eˣ/(eˣ − 1)² dx (tabulated, interpolated in ln z). */
export function blochGruneisenIntegral(z: number): number {
  if (!(z > 0)) return 0;
  if (z <= BG_ZMIN) return Math.pow(z, 4) / 4;
  const t = bgLogTable();
  if (z >= BG_ZMAX) return Math.exp(t[BG_N]!);
  const u = (Math.log(z / BG_ZMIN) / Math.log(BG_ZMAX / BG_ZMIN)) * BG_N;
  const i = Math.min(BG_N - 1, Math.floor(u));
  const f = u - i;
  return Math.exp(t[i]! * (1 - f) + t[i + 1]! * f);
}

/** J5(∞) = 5!·ζ(5). */
export const J5_INFINITY = 120 * 1.0369277551433699;

/** Phonon part of the Bloch–Grüneisen resistivity, (T/Θ)⁵·J5(Θ/T): ∝ T⁵ far below Θ, → T/(4Θ) far above. */
export function blochGruneisenShape(T: number, thetaD: number): number {
  if (!(T > 0)) return 0;
  return Math.pow(T / thetaD, 5) * blochGruneisenIntegral(thetaD / T);
}

/** An ordinary metallic normal state, normalised by its residual resistance and its value at Tref. */
export type TMetalLaw =
  /** R = Rres·(1 + (RRR − 1)·BG(T)/BG(Tref)) */
  | { kind: "bloch-gruneisen"; Rres: number; RRR: number; thetaD: number; Tref: number }
  /** R = Rres·(1 + (RRR − 1)·(T/Tref)^n) */
  | { kind: "power"; Rres: number; RRR: number; n: number; Tref: number };

export function metalResistance(T: number, m: TMetalLaw): number {
  const phonon = m.kind === "bloch-gruneisen" ? blochGruneisenShape(T, m.thetaD) / blochGruneisenShape(m.Tref, m.thetaD) : Math.pow(T / m.Tref, m.n);
  return m.Rres * (1 + (m.RRR - 1) * phonon);
}

/**
 * A doped semiconductor below room temperature: a band channel activated over
 * the donor ionisation energy E1 in parallel with an impurity-band (ε3)
 * channel of smaller activation energy E3: R = 1/(σ1·e^(−E1/T) + σ3·e^(−E3/T)).
 */
export interface TFreezeOut {
  sigma1: number;
  E1: number;
  sigma3: number;
  E3: number;
}

export function freezeOutResistance(T: number, f: TFreezeOut): number {
  return 1 / (f.sigma1 * Math.exp(-f.E1 / T) + f.sigma3 * Math.exp(-f.E3 / T));
}

/** w = −d ln R/d ln T of the freeze-out law, exactly: the conductance-weighted activation energy over T. */
export function freezeOutLogSlope(T: number, f: TFreezeOut): number {
  // weights relative to the larger channel, so that neither exponential underflows
  const l1 = Math.log(f.sigma1) - f.E1 / T;
  const l3 = Math.log(f.sigma3) - f.E3 / T;
  const m = Math.max(l1, l3);
  const g1 = Math.exp(l1 - m);
  const g3 = Math.exp(l3 - m);
  return (f.E1 * g1 + f.E3 * g3) / (T * (g1 + g3));
}

/** ln R of the freeze-out law without overflow. */
export function freezeOutLogResistance(T: number, f: TFreezeOut): number {
  const l1 = Math.log(f.sigma1) - f.E1 / T;
  const l3 = Math.log(f.sigma3) - f.E3 / T;
  const m = Math.max(l1, l3);
  return -(m + Math.log(Math.exp(l1 - m) + Math.exp(l3 - m)));
}

/** Logistic step in ln T: 1 far above Tmid, 0 far below. */
export function logisticStep(T: number, Tmid: number, width: number): number {
  return 1 / (1 + Math.exp(-Math.log(T / Tmid) / width));
}

/**
 * Granular re-entrance: the grains turn superconducting at Tc (a fraction
 * `drop` of the normal state is lost, a logistic step), and the junctions
 * between them, in series, become insulating on further cooling:
 * R = RN·(1 − drop·(1 − step(T))) + Rj·e^(Ej/T).
 */
export interface TReentrant {
  RN: number;
  drop: number;
  Tc: number;
  width: number;
  Rj: number;
  Ej: number;
}

export function reentrantResistance(T: number, r: TReentrant): number {
  return r.RN * (1 - r.drop * (1 - logisticStep(T, r.Tc, r.width))) + r.Rj * Math.exp(r.Ej / T);
}

/** d ln R/d ln T by a central difference in ln T (positive when R falls on cooling). */
export function logSlope(rOf: (T: number) => number, T: number, h = 1e-3): number {
  return (Math.log(rOf(T * Math.exp(h))) - Math.log(rOf(T * Math.exp(-h)))) / (2 * h);
}

/** Solves f(T) = target for a monotone f on [lo, hi] by bisection in ln T; null when the target is not bracketed. */
export function solveMonotone(f: (T: number) => number, target: number, lo: number, hi: number): number | null {
  let a = lo;
  let b = hi;
  const fa = f(a) - target;
  const fb = f(b) - target;
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa * fb > 0) return null;
  for (let i = 0; i < 100; i++) {
    const m = Math.sqrt(a * b);
    const fm = f(m) - target;
    if (fm === 0) return m;
    if (fm * fa < 0) b = m;
    else a = m;
  }
  return Math.sqrt(a * b);
}

/**
 * A metallic ferromagnet (an SrRuO3-like oxide film): residual + phonon term A·(T/300)ⁿ + spin-disorder
 * scattering Rsd·(1 − m²), with the magnetisation m = (1 − (T/TC)^1.5)^0.35 below TC and 0 above,
 * so that R(T) has a kink at TC and falls faster below it. Never a superconducting drop.
 */
export interface TFerromagnet {
  Rres: number;
  A: number;
  n: number;
  Rsd: number;
  TC: number;
}

export function ferromagnetResistance(T: number, f: TFerromagnet): number {
  const m = T < f.TC ? Math.pow(1 - Math.pow(T / f.TC, 1.5), 0.35) : 0;
  return f.Rres + f.A * Math.pow(T / 300, f.n) + f.Rsd * (1 - m * m);
}
