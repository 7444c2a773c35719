/**
 * Transitions that a single curve cannot settle: incomplete transitions (the
 * window ends while R still falls steeply), granular re-entrance (a partial
 * drop, then a rise), and a complete transition onto a flat series resistance.
 */
import { transitionLevelTemperature, type TPhase, type TTruthValue } from "./generator";
import { normalStateResistance, transitionFraction, type TNormalState } from "./laws";
import { logSlope, metalResistance, reentrantResistance, solveMonotone, type TReentrant } from "./realworld-laws";
import { declaredReadout, logGrid, ppmsGrid, record, type TNoiseKind } from "./realworld-measure";
import { drawMetal, drawTransition, metalTruth, transitionTruth } from "./realworld-transitions";
import { count, type TFamilyBuilder } from "./realworld-types";
import type { TRng } from "./rng";

/** A normal state either local to a low-temperature window or metallic from 300 K. */
function drawNormal(rng: TRng, RN: number, Tmax: number): { rN: (T: number) => number; truth: Record<string, TTruthValue> } {
  if (Tmax > 200) {
    const RRR = rng.uniform(1.2, 10);
    const metal = drawMetal(rng, RN * RRR, RRR);
    return { rN: (T) => metalResistance(T, metal), truth: metalTruth(metal) };
  }
  const kind = rng.pick(["flat", "metallic", "log-insulating"] as const);
  const ns: TNormalState = kind === "flat" ? { kind, RN } : { kind, RN, a: rng.uniform(0.005, 0.04), Tref: Tmax };
  return { rN: (T) => normalStateResistance(T, ns), truth: { normalKind: kind, RN_ohm: RN } };
}

function drawLowWindow(rng: TRng, Tmin: number): { Tmax: number; grid: number[]; gridKind: string } {
  const wide = rng.chance(0.3);
  // never above room temperature: a window drawn past 305 K is cut there
  const Tmax = wide ? rng.uniform(250, 305) : Math.min(305, Tmin * rng.logUniform(8, 200));
  const n = Math.round(rng.logUniform(80, 1500));
  return wide
    ? { Tmax, grid: ppmsGrid(Tmin, Tmax, n, "two-rate", rng.uniform(3, 10)), gridKind: "two-rate" }
    : { Tmax, grid: logGrid(Tmin, Tmax, n), gridKind: "log" };
}

/**
 * The window ends inside the transition: R(Tmin) is 3–30 % of the normal
 * state and still falling steeply. The film underneath is an S or an M1
 * (truth.underlying); the data cannot tell.
 */
export const incompleteTransition: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const RN = rng.logUniform(10, 20000);
  const Tz = rng.logUniform(0.05, 8);
  const tr = drawTransition(rng, Tz, RN, rng.pick(["normal", "broad"] as const));
  const underlying: TPhase = rng.chance(0.5) ? "S" : "M1";
  const f = clear ? rng.uniform(0.1, 0.3) : rng.uniform(0.03, 0.1);
  const rhoRel = underlying === "M1" ? f * rng.uniform(0.1, 0.6) : 0;
  // R/RN = rhoRel + (1 − rhoRel)·g: the window ends where this is f
  const gAt = (f - rhoRel) / (1 - rhoRel);
  const Tmin = solveMonotone((T) => transitionFraction(T, tr), gAt, Tz * (1 + 1e-9), transitionLevelTemperature(tr, 0.999));
  if (Tmin === null || Tmin < 0.015) return "no window end";
  const { Tmax, grid, gridKind } = drawLowWindow(rng, Tmin);
  const Tc90 = transitionLevelTemperature(tr, 0.9);
  if (Tc90 > Tmax / 2) return "normal state not in the window";
  const normal = drawNormal(rng, RN, Tmax);
  const rOf = (T: number): number => normal.rN(T) * (rhoRel + (1 - rhoRel) * transitionFraction(T, tr));
  // several readings inside the transition, not a single last point that could be an outlier
  if (count(grid, (t) => t <= Tc90) < (clear ? 6 : 3)) return "too few readings in the transition";
  const slope = logSlope(rOf, Tmin * 1.0005);
  if (slope < (clear ? 1.5 : 1)) return "not steep at the window end";
  const actual = rng.chance(0.3) ? "magnitude" : "signed";
  const kind: TNoiseKind = actual === "magnitude" ? rng.pick(["magnitude-both", "magnitude-one"] as const) : "signed";
  const sigma = RN * rng.logUniform(1e-6, 1e-3);
  const rel = rng.logUniform(1e-3, 1e-2);
  const meas = record(rng, grid, rOf, { rel, sigma, kind, epsT: 0, order: rng.pick(["cooling", "warming"] as const) });
  const readout = declaredReadout(rng, actual, 0.5);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    expected: underlying,
    expectedReason: "incomplete_transition",
    truth: {
      underlying,
      Tmin_K: Tmin,
      Tmax_K: Tmax,
      grid: gridKind,
      nPoints: grid.length,
      RTmin_over_RN: f,
      rhoQF_over_RN: rhoRel,
      slopeAtTmin: slope,
      ...normal.truth,
      ...transitionTruth(tr),
      noiseKind: kind,
      sigma_ohm: sigma,
      relNoise: rel,
    },
  };
};

/**
 * Granular re-entrance: grains go superconducting at Tc (a partial drop) and
 * the junctions between them, in series, turn insulating on further cooling.
 */
export const reentrant: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const Tmin = rng.chance(0.6) ? rng.logUniform(0.02, 0.3) : rng.uniform(0.3, 2);
  const RN = rng.logUniform(300, 30000);
  const drop = clear ? rng.uniform(0.4, 0.85) : rng.uniform(0.2, 0.5);
  const Tc = Tmin * rng.logUniform(6, 60);
  const width = rng.uniform(0.03, 0.15);
  const Tr = Tmin * rng.logUniform(1.3, Math.max(1.5, (Tc * Math.exp(-3 * width)) / Tmin));
  const kappa = rng.uniform(1, 5);
  const Ej = kappa * Tr;
  const Rj = 0.1 * (1 - drop) * RN * Math.exp(-kappa);
  const law: TReentrant = { RN, drop, Tc, width, Rj, Ej };
  const { Tmax, grid, gridKind } = drawLowWindow(rng, Tmin);
  if (Tc > Tmax / 2) return "no normal state";
  const rOf = (T: number): number => reentrantResistance(T, law);
  let iMin = 0;
  const R = grid.map(rOf);
  for (let i = 1; i < R.length; i++) if (R[i]! < R[iMin]!) iMin = i;
  const Rmin = R[iMin]!;
  const rise = R[0]! / Rmin;
  const depth = 1 - Rmin / rOf(Tc * 3);
  // a re-rise that stays below the normal state: the film neither superconducts nor turns into an insulator in the window
  if (rise < (clear ? 1.3 : 1.1) || R[0]! > 0.95 * rOf(Tc * 3)) return "rise out of range";
  if (depth < (clear ? 0.3 : 0.15)) return "drop too shallow";
  if (count(grid, (t) => t < grid[iMin]!) < (clear ? 15 : 6)) return "too few points on the rise";
  const sigma = RN * rng.logUniform(1e-6, 1e-4);
  const rel = rng.logUniform(1e-3, 1e-2);
  const meas = record(rng, grid, rOf, { rel, sigma, kind: "signed", epsT: 0, order: rng.pick(["cooling", "warming"] as const) });
  const readout = declaredReadout(rng, "signed", 0.3);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    expected: "NONE",
    expectedReason: "reentrant",
    truth: {
      Tmin_K: Tmin,
      Tmax_K: Tmax,
      grid: gridKind,
      nPoints: grid.length,
      RN_ohm: RN,
      drop,
      Tc_K: Tc,
      width,
      Rj_ohm: Rj,
      Ej_K: Ej,
      Tmin_of_R_K: grid[iMin]!,
      riseAtTmin: rise,
      dropDepth: depth,
      sigma_ohm: sigma,
      relNoise: rel,
    },
  };
};

/** A complete, sharp transition onto a perfectly flat series (contact) resistance. */
export const seriesResistance: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const Tmin = rng.chance(0.5) ? rng.logUniform(0.02, 0.3) : rng.uniform(1.8, 2.2);
  const RN = rng.logUniform(5, 10000);
  const { Tmax, grid, gridKind } = drawLowWindow(rng, Tmin);
  const k = clear ? rng.int(20, Math.max(20, Math.floor(grid.length / 3))) : rng.int(8, 19);
  if (k >= grid.length - 20) return "too few points above Tc";
  const Tz = Math.sqrt(grid[k - 1]! * grid[k]!);
  const tr = drawTransition(rng, Tz, RN, clear ? "sharp" : rng.pick(["sharp", "normal"] as const));
  if (transitionLevelTemperature(tr, 0.9) > Tmax / 2) return "no normal state";
  const normal = drawNormal(rng, RN, Tmax);
  const Rs = RN * (clear ? rng.logUniform(0.01, 0.3) : rng.logUniform(0.003, 0.01));
  const rOf = (T: number): number => Rs + normal.rN(T) * transitionFraction(T, tr);
  const sigma = Rs * rng.logUniform(1e-4, 1e-2);
  const rel = rng.logUniform(1e-4, 3e-3);
  const meas = record(rng, grid, rOf, { rel, sigma, kind: "signed", epsT: 0, order: rng.pick(["cooling", "warming"] as const) });
  const readout = declaredReadout(rng, "signed", 0.3);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    ...(rng.chance(0.5) ? { H_Oe: Math.round(rng.uniform(0, 5000)) } : {}),
    expected: "NONE",
    truth: {
      Tmin_K: Tmin,
      Tmax_K: Tmax,
      grid: gridKind,
      nPoints: grid.length,
      Rseries_ohm: Rs,
      Rseries_over_RN: Rs / RN,
      nOnPlateau: k,
      ...normal.truth,
      ...transitionTruth(tr),
      sigma_ohm: sigma,
      relNoise: rel,
    },
  };
};
