/**
 * Instrument side of the real-world families: temperature programmes (PPMS
 * sweeps from room temperature, dilution-refrigerator sweeps, setpoints with
 * repeated readings and pauses) and readouts (a signed DC bridge or lock-in
 * X, or a lock-in magnitude √(X² + Y²)). Pure and seeded.
 */
import type { TRng } from "./rng";

/** What the instrument reports: signed (DC bridge, lock-in X) or the lock-in magnitude. */
export type TReadout = "signed" | "magnitude" | "unknown";

/**
 * Noise of one reading. `signed`: R = R·(1 + rel·N) + σ·N. `magnitude-both`:
 * X and Y both carry σ·N, R = √(X² + Y²) (Rayleigh floor below Tc).
 * `magnitude-one`: only X carries it, R = |X| (|Gaussian| floor).
 */
export type TNoiseKind = "signed" | "magnitude-both" | "magnitude-one";

export interface TRecording {
  rel: number;
  sigma: number;
  kind: TNoiseKind;
  /** relative thermometer scatter of the recorded T */
  epsT: number;
  order: "cooling" | "warming";
}

export interface TRecorded {
  T: number[];
  R: number[];
  Rtrue: number[];
  Ttrue: number[];
}

/** One reading of a resistance whose true value is `r`. */
export function reading(rng: TRng, r: number, rec: Pick<TRecording, "rel" | "sigma" | "kind">): number {
  const x = r * (1 + rec.rel * rng.normal()) + rec.sigma * rng.normal();
  switch (rec.kind) {
    case "signed":
      return x;
    case "magnitude-one":
      return Math.abs(x);
    case "magnitude-both": {
      const y = rec.sigma * rng.normal();
      return Math.hypot(x, y);
    }
  }
}

/** Records a programme of ascending true temperatures in the given order. */
export function record(rng: TRng, Tasc: readonly number[], rOf: (T: number) => number, rec: TRecording): TRecorded {
  const idx = Tasc.map((_, i) => i);
  if (rec.order === "cooling") idx.reverse();
  const out: TRecorded = { T: [], R: [], Rtrue: [], Ttrue: [] };
  for (const i of idx) {
    const t = Tasc[i]!;
    const r = rOf(t);
    out.Ttrue.push(t);
    out.Rtrue.push(r);
    out.T.push(rec.epsT > 0 ? t * (1 + rec.epsT * rng.normal()) : t);
    out.R.push(reading(rng, r, rec));
  }
  return out;
}

export function logGrid(Tmin: number, Tmax: number, n: number): number[] {
  const lr = Math.log(Tmax / Tmin);
  return Array.from({ length: n }, (_, i) => Tmin * Math.exp((lr * i) / (n - 1)));
}

export function linGrid(Tmin: number, Tmax: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Tmin + ((Tmax - Tmin) * i) / (n - 1));
}

/**
 * A PPMS-like sweep from Tmax down to Tmin: linear in T (a constant sweep rate
 * read at a constant interval), logarithmic, or linear with a step that
 * shrinks by `coldRefine` below 20 K (the common two-rate sequence). Ascending.
 */
export function ppmsGrid(Tmin: number, Tmax: number, n: number, kind: "linear" | "log" | "two-rate", coldRefine = 3): number[] {
  if (kind === "linear") return linGrid(Tmin, Tmax, n);
  if (kind === "log") return logGrid(Tmin, Tmax, n);
  const Tk = Math.min(20, Math.sqrt(Tmin * Tmax));
  if (!(Tk > Tmin * 1.05 && Tk < Tmax / 1.05 && n >= 4)) return linGrid(Tmin, Tmax, n);
  // n1 points above Tk with step d, n2 below with step d/coldRefine
  const hot = Tmax - Tk;
  const cold = Tk - Tmin;
  const d = (hot + coldRefine * cold) / Math.max(1, n - 1);
  const out: number[] = [];
  for (let t = Tmax; t > Tk; t -= d) out.push(t);
  for (let t = Tk; t >= Tmin - 1e-9; t -= d / coldRefine) out.push(t);
  if (out[out.length - 1]! > Tmin * (1 + 1e-9)) out.push(Tmin);
  return out.reverse();
}

export interface TSetpointSpec {
  /** number of setpoints */
  setpoints: number;
  /** readings per setpoint, drawn per setpoint in [lo, hi] */
  repeatsLo: number;
  repeatsHi: number;
  /** pauses: setpoints where the instrument keeps reading while the temperature settles */
  pauses: number;
  pauseLo: number;
  pauseHi: number;
  /** relative temperature jitter between the readings of one setpoint (0: identical temperatures) */
  jitter: number;
}

/** Setpoints log-spaced over the window, several readings at each, and a few long pauses. Ascending. */
export function setpointGrid(rng: TRng, Tmin: number, Tmax: number, spec: TSetpointSpec): { T: number[]; pauseT: number[] } {
  const sets = logGrid(Tmin, Tmax, spec.setpoints);
  const pauseAt = new Set<number>();
  while (pauseAt.size < Math.min(spec.pauses, spec.setpoints)) pauseAt.add(rng.int(0, spec.setpoints - 1));
  const out: number[] = [];
  const pauseT: number[] = [];
  sets.forEach((Ts, j) => {
    const k = pauseAt.has(j) ? rng.int(spec.pauseLo, spec.pauseHi) : rng.int(spec.repeatsLo, spec.repeatsHi);
    if (pauseAt.has(j)) pauseT.push(Ts);
    for (let r = 0; r < k; r++) out.push(spec.jitter > 0 ? Ts * (1 + spec.jitter * rng.normal()) : Ts);
  });
  out.sort((a, b) => a - b);
  return { T: out, pauseT };
}

/** Draws how the curve's readout is declared: the true readout, "unknown", or nothing. */
export function declaredReadout(rng: TRng, actual: "signed" | "magnitude", pDeclared: number): TReadout | undefined {
  if (rng.chance(pDeclared)) return actual;
  return rng.chance(0.5) ? "unknown" : undefined;
}
