/**
 * Magnetoresistance isotherms R(H) at several temperatures, generated from the physics of a
 * field-tuned transition (for the isotherm analysis's tests and the demo data). Written apart
 * from the analysis in server/scaling, which it does not import.
 *
 * Crossing sets follow the finite-size-scaling form
 *   R(H, T) = R_c · F(u),  u = δ·(T/T₀)^(−1/zν),  δ = (H − H_c(T))/H_c(T),
 * with F rising on the insulating side (u > 0: R grows on cooling) and falling on the
 * superconducting side (u < 0), ln F = A·g(u/w) for a saturating odd g (tanh or u/√(1+u²)).
 * A weak drift lets the crossing field move linearly with temperature around the middle of
 * the measured range: H_c(T) = H_c·(1 + d·(T − T_mid)/(T_max − T_min)).
 *
 * Sets without a crossing: a superconductor whose upper critical field falls with T (isotherms
 * shifted, meeting only in the normal state), an insulator (every isotherm above the warmer
 * ones), and a film whose crossing lies outside the measured field range (an insulating
 * background lifts the colder isotherms everywhere).
 *
 * Noise is multiplicative and Gaussian, R·(1 + σ·N(0, 1)).
 */
import type { Rng } from "./rng";

export interface GeneratedIsotherm {
  T_K: number;
  H_Oe: number[];
  R: number[];
}

export interface ScalingSetSpec {
  Hc_Oe: number;
  Rc: number;
  znu: number;
  T_K: number[];
  /** Temperature scale of the scaling variable, K. */
  T0: number;
  /** ln F = A·g(u/w). */
  A: number;
  w: number;
  shape: "tanh" | "algebraic";
  /** Relative change of the crossing field across the measured temperatures. */
  drift: number;
  noise: number;
  /** Field grid of each isotherm: lowest and highest δ and number of points. */
  grids: { dLo: number; dHi: number; n: number }[];
}

const g = (shape: ScalingSetSpec["shape"], v: number) => (shape === "tanh" ? Math.tanh(v) : v / Math.sqrt(1 + v * v));

function fieldGrid(Hc: number, grid: ScalingSetSpec["grids"][number], rng: Rng): number[] {
  const out: number[] = [];
  const step = (grid.dHi - grid.dLo) / (grid.n - 1);
  for (let i = 0; i < grid.n; i++) out.push(Hc * (1 + grid.dLo + step * (i + (i > 0 && i < grid.n - 1 ? rng.uniform(-0.3, 0.3) : 0))));
  return out;
}

const noisy = (r: number, sigma: number, rng: Rng) => r * (1 + sigma * rng.normal());

export function generateScalingSet(spec: ScalingSetSpec, rng: Rng): GeneratedIsotherm[] {
  const Tmin = Math.min(...spec.T_K);
  const Tmax = Math.max(...spec.T_K);
  const Tmid = (Tmin + Tmax) / 2;
  return spec.T_K.map((T, k) => {
    const HcT = spec.Hc_Oe * (1 + (Tmax > Tmin ? (spec.drift * (T - Tmid)) / (Tmax - Tmin) : 0));
    const H = fieldGrid(spec.Hc_Oe, spec.grids[k]!, rng);
    const R = H.map((h) => {
      const u = ((h - HcT) / HcT) * Math.pow(T / spec.T0, -1 / spec.znu);
      return noisy(spec.Rc * Math.exp(spec.A * g(spec.shape, u / spec.w)), spec.noise, rng);
    });
    return { T_K: T, H_Oe: H, R };
  });
}

export interface RandomSetOptions {
  /** Number of isotherms range (default 3–12). */
  isotherms?: [number, number];
  /** Relative noise range (default 0.1–3 %). */
  noise?: [number, number];
  /** Largest |drift| (default 0.01). */
  maxDrift?: number;
}

/** Temperatures spaced evenly in ln T over a span of 4–12 between 30 mK and 2 K. */
function temperatures(rng: Rng, n: number): number[] {
  const Tmin = rng.logUniform(0.03, 0.2);
  const Tmax = Tmin * rng.logUniform(4, 12);
  return Array.from({ length: n }, (_, i) => Tmin * Math.pow(Tmax / Tmin, n === 1 ? 0 : i / (n - 1)));
}

/** A random crossing set with its truth. */
export function randomScalingSet(rng: Rng, opts: RandomSetOptions = {}): { spec: ScalingSetSpec; isotherms: GeneratedIsotherm[] } {
  const [nLo, nHi] = opts.isotherms ?? [3, 12];
  const [sLo, sHi] = opts.noise ?? [0.001, 0.03];
  const n = rng.int(nLo, nHi);
  const T = temperatures(rng, n);
  const znu = rng.uniform(0.6, 2.4);
  const A = rng.uniform(1.2, 3);
  // slope of ln R in δ at the warmest isotherm, A/w·(T_max/T₀)^(−1/zν), of 3–8
  const T0 = Math.max(...T);
  const w = A / rng.uniform(3, 8);
  const spec: ScalingSetSpec = {
    Hc_Oe: rng.logUniform(2000, 60000),
    Rc: rng.logUniform(1000, 20000),
    znu,
    T_K: T,
    T0,
    A,
    w,
    shape: rng.pick(["tanh", "algebraic"] as const),
    drift: rng.uniform(-1, 1) * (opts.maxDrift ?? 0.01),
    noise: rng.logUniform(sLo, sHi),
    grids: T.map(() => ({ dLo: -rng.uniform(0.3, 0.6), dHi: rng.uniform(0.3, 0.6), n: rng.int(40, 160) })),
  };
  return { spec, isotherms: generateScalingSet(spec, rng) };
}

export type TNoCrossingKind = "superconductor" | "insulator" | "outside_range";

/** A random set of isotherms that do not cross in the measured range. */
export function randomNoCrossingSet(rng: Rng, kind?: TNoCrossingKind, opts: RandomSetOptions = {}): { kind: TNoCrossingKind; isotherms: GeneratedIsotherm[] } {
  const k = kind ?? rng.pick(["superconductor", "insulator", "outside_range"] as const);
  const [nLo, nHi] = opts.isotherms ?? [3, 12];
  const [sLo, sHi] = opts.noise ?? [0.001, 0.03];
  const n = rng.int(nLo, nHi);
  const noise = rng.logUniform(sLo, sHi);
  const Hs = rng.logUniform(2000, 60000);
  const grid = () => ({ dLo: -rng.uniform(0.5, 0.9), dHi: rng.uniform(0.3, 1.5), n: rng.int(40, 160) });
  if (k === "superconductor") {
    // R = R_n / (1 + exp(−(H − H_c2(T))/ΔH)), H_c2(T) = H_c2(0)·(1 − (T/T_c)²), T < 0.8 T_c
    const Tc = rng.uniform(2, 8);
    const T = Array.from({ length: n }, (_, i) => Tc * (0.25 + (0.55 * i) / Math.max(1, n - 1)));
    const Rn = rng.logUniform(10, 5000);
    const width = rng.uniform(0.03, 0.15);
    const mr = rng.uniform(0, 0.02);
    const isotherms = T.map((t) => {
      const Hc2 = Hs * (1 - (t / Tc) ** 2);
      const H = fieldGrid(Hs, grid(), rng).map((h) => Math.max(0, h));
      const R = H.map((h) => noisy((Rn * (1 + mr * (h / Hs) ** 2)) / (1 + Math.exp(-(h - Hc2) / (width * Hs))), noise, rng));
      return { T_K: t, H_Oe: H, R };
    });
    return { kind: k, isotherms };
  }
  const T = temperatures(rng, n);
  if (k === "insulator") {
    // variable-range hopping with a field-dependent scale: R = R₀·exp((T₁(H)/T)^½), T₁ growing with H
    const R0 = rng.logUniform(100, 5000);
    const T1 = rng.uniform(0.05, 2) * Math.max(...T);
    const b = rng.uniform(0, 0.5);
    const isotherms = T.map((t) => {
      const H = fieldGrid(Hs, grid(), rng);
      const R = H.map((h) => noisy(R0 * Math.exp(Math.sqrt((T1 * (1 + b * (h / Hs) ** 2)) / t)), noise, rng));
      return { T_K: t, H_Oe: H, R };
    });
    return { kind: k, isotherms };
  }
  // outside_range: the scaling form times an insulating background exp(B·ln(T_max/T)) steep
  // enough that every colder isotherm stays above the warmer one (B·ln r > A·min(1, 0.45·ln r/zν)
  // for adjacent temperatures a factor r apart): the crossing lies outside the measured range
  const A = rng.uniform(0.8, 2);
  const znu = rng.uniform(0.6, 2.4);
  const w = A / rng.uniform(3, 8);
  const Tmax = Math.max(...T);
  const r = n > 1 ? T[1]! / T[0]! : 2;
  const B = 1.5 * A * Math.min(1 / Math.log(r), 0.45 / znu);
  const isotherms = T.map((t) => {
    const H = fieldGrid(Hs, grid(), rng);
    const R = H.map((h) => noisy(5000 * Math.exp(A * Math.tanh((((h - Hs) / Hs) * Math.pow(t / Tmax, -1 / znu)) / w) + B * Math.log(Tmax / t)), noise, rng));
    return { T_K: t, H_Oe: H, R };
  });
  return { kind: k, isotherms };
}
