/**
 * Superconducting-side real-world families: lock-in magnitude readouts,
 * coarse PPMS sweeps, metallic normal states from 300 K, and genuine M1
 * plateaus below a metallic normal state.
 */
import { transitionLevelTemperature } from "./generator";
import { normalStateResistance, smoothMin, transitionFraction, transitionZeroTemperature, type TNormalState } from "./laws";
import { metalResistance, solveMonotone } from "./realworld-laws";
import { declaredReadout, linGrid, logGrid, ppmsGrid, record, type TNoiseKind } from "./realworld-measure";
import { drawMetal, drawTransition, metalTruth, superconductingMetal, transitionTruth } from "./realworld-transitions";
import { count, type TFamilyBuilder } from "./realworld-types";
import type { TRng } from "./rng";

/** A low-temperature cryostat window: dilution refrigerator or ³He insert. */
function cryostatWindow(rng: TRng): { Tmin: number; Tmax: number; cryostat: string } {
  if (rng.chance(0.6)) return { Tmin: rng.logUniform(0.02, 0.3), Tmax: rng.logUniform(1.5, 10), cryostat: "dilution" };
  return { Tmin: rng.uniform(0.28, 0.5), Tmax: rng.logUniform(5, 30), cryostat: "3He" };
}

function drawNormalState(rng: TRng, RN: number, Tmax: number): TNormalState {
  const kind = rng.pick(["flat", "metallic", "log-insulating"] as const);
  if (kind === "flat") return { kind, RN };
  if (kind === "metallic") return { kind, RN, a: rng.uniform(0.01, 0.05), Tref: Tmax };
  return { kind, RN, a: rng.uniform(0.005, 0.04), Tref: Tmax };
}

/**
 * A superconductor read by a lock-in magnitude: below Tc every reading is
 * |noise| (Rayleigh when X and Y both carry noise, |Gaussian| when only X does).
 */
export const sMagnitude: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const win = cryostatWindow(rng);
  const n = clear ? Math.round(rng.logUniform(100, 2000)) : Math.round(rng.logUniform(40, 300));
  const spacing = rng.pick(["log", "linear"] as const);
  const Tasc = spacing === "log" ? logGrid(win.Tmin, win.Tmax, n) : linGrid(win.Tmin, win.Tmax, n);
  const k = clear ? rng.int(15, Math.max(15, Math.floor(n / 3))) : rng.int(5, 14);
  if (k >= n - 10) return "too few points above Tc";
  const Tz = Math.sqrt(Tasc[k - 1]! * Tasc[k]!);
  const RN = rng.logUniform(100, 20000);
  const tr = drawTransition(rng, Tz, RN, clear ? "normal" : rng.pick(["normal", "broad"] as const));
  const Tc90 = transitionLevelTemperature(tr, 0.9);
  if (Tc90 > win.Tmax / 1.5) return "normal state not reached";
  const ns = drawNormalState(rng, RN, win.Tmax);
  const rOf = (T: number): number => normalStateResistance(T, ns) * transitionFraction(T, tr);
  const sigma = RN * (clear ? rng.logUniform(1e-5, 1e-3) : rng.logUniform(1e-4, 5e-3));
  const kind: TNoiseKind = rng.chance(0.5) ? "magnitude-both" : "magnitude-one";
  const rel = rng.logUniform(1e-3, 5e-3);
  const meas = record(rng, Tasc, rOf, { rel, sigma, kind, epsT: rng.chance(0.3) ? 2e-4 : 0, order: rng.pick(["cooling", "warming"] as const) });
  // decidable by the floor statistics of the physics (|noise| gives mean/SD 1.3–1.9, a plateau ≫ 3):
  // a draw whose few floor readings happen to scatter like a plateau is drawn again
  const floor = meas.R.filter((_, i) => meas.Rtrue[i] === 0);
  const fMean = floor.reduce((a, x) => a + x, 0) / floor.length;
  const fSd = Math.sqrt(floor.reduce((a, x) => a + (x - fMean) ** 2, 0) / (floor.length - 1));
  if (!(fMean / fSd <= 3)) return "floor scatters like a plateau";
  const readout = declaredReadout(rng, "magnitude", 0.5);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    expected: "S",
    truth: {
      cryostat: win.cryostat,
      Tmin_K: win.Tmin,
      Tmax_K: win.Tmax,
      spacing,
      nPoints: n,
      nBelowZero: count(meas.Ttrue, (t) => t <= transitionZeroTemperature(tr)),
      RN_ohm: RN,
      normalKind: ns.kind,
      ...transitionTruth(tr),
      noiseKind: kind,
      sigma_ohm: sigma,
      relNoise: rel,
      // mean of the floor: σ·√(π/2) (Rayleigh) or σ·√(2/π) (|Gaussian|)
      floorMean_ohm: sigma * (kind === "magnitude-both" ? Math.sqrt(Math.PI / 2) : Math.sqrt(2 / Math.PI)),
      floorMeanOverSd: fMean / fSd,
      declaredReadout: readout ?? "absent",
    },
  };
};

/** A metallic film swept 300 K → 1.8–5 K on a PPMS with only 2–5 readings below Tc. */
export const sCoarsePpms: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const Tmin = rng.uniform(1.8, 5);
  const Tmax = rng.uniform(290, 310);
  const n = Math.round(rng.logUniform(60, 600));
  const gridKind = rng.pick(["linear", "log", "two-rate"] as const);
  const Tasc = ppmsGrid(Tmin, Tmax, n, gridKind, rng.uniform(3, 10));
  const k = clear ? rng.int(4, 5) : rng.int(2, 3);
  if (Tasc.length < k + 10) return "grid too short";
  const Tz = Math.sqrt(Tasc[k - 1]! * Tasc[k]!);
  if (Tz < 2 || Tz > 15) return "Tc outside 2–15 K";
  const R300 = rng.logUniform(1, 1000);
  const RRR = clear ? rng.uniform(2, 20) : rng.uniform(1.5, 20);
  const metal = drawMetal(rng, R300, RRR);
  const tr = drawTransition(rng, Tz, metal.Rres, clear ? "sharp" : rng.pick(["sharp", "normal"] as const));
  const Tc90 = transitionLevelTemperature(tr, 0.9);
  if (Tc90 > 20) return "transition too broad";
  // an expert needs readings close enough around Tc90 to place it within 15 %
  const above = Tasc.find((t) => t > Tc90);
  const below = [...Tasc].reverse().find((t) => t <= Tc90);
  if (above === undefined || below === undefined || (above - below) / Tc90 > 0.15) return "readings too sparse around Tc";
  const rOf = superconductingMetal(metal, tr);
  const sigma = metal.Rres * (clear ? rng.logUniform(1e-5, 3e-4) : rng.logUniform(1e-4, 1e-3));
  const rel = rng.logUniform(2e-5, 5e-4);
  const meas = record(rng, Tasc, rOf, { rel, sigma, kind: "signed", epsT: rng.logUniform(1e-4, 1e-3), order: "cooling" });
  return {
    ...meas,
    ...(rng.chance(0.5) ? { readout: "signed" as const } : {}),
    expected: "S",
    truth: {
      Tmin_K: Tmin,
      Tmax_K: Tmax,
      grid: gridKind,
      nPoints: Tasc.length,
      nBelowZero: count(meas.Ttrue, (t) => t <= transitionZeroTemperature(tr)),
      nNegative: count(meas.R, (r) => r < 0),
      ...metalTruth(metal),
      ...transitionTruth(tr),
      sigma_ohm: sigma,
      relNoise: rel,
    },
  };
};

function lowTemperatureEnd(rng: TRng): { Tmin: number; cryostat: string } {
  const c = rng.pick(["ppms", "3He", "dilution"] as const);
  if (c === "ppms") return { Tmin: rng.uniform(1.8, 2.2), cryostat: c };
  if (c === "3He") return { Tmin: rng.uniform(0.28, 0.5), cryostat: c };
  return { Tmin: rng.logUniform(0.02, 0.1), cryostat: c };
}

/** A well-sampled transition below a metallic normal state measured from 300 K. */
export const sMetallicNormal: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const { Tmin, cryostat } = lowTemperatureEnd(rng);
  const Tmax = rng.uniform(250, 305);
  const n = Math.round(rng.logUniform(200, 2000));
  const gridKind = rng.pick(["log", "two-rate"] as const);
  const Tasc = ppmsGrid(Tmin, Tmax, n, gridKind, rng.uniform(3, 10));
  const k = clear ? rng.int(20, Math.max(20, Math.floor(Tasc.length / 4))) : rng.int(5, 10);
  if (k >= Tasc.length - 20) return "too few points above Tc";
  const Tz = Math.sqrt(Tasc[k - 1]! * Tasc[k]!);
  if (Tz < 1.3 * Tmin || Tz > 15) return "Tc out of range";
  const metal = drawMetal(rng, rng.logUniform(5, 5000), clear ? rng.uniform(1.5, 20) : rng.uniform(1.1, 20));
  const tr = drawTransition(rng, Tz, metal.Rres, clear ? "normal" : "broad");
  if (transitionLevelTemperature(tr, 0.9) > 30) return "transition too high";
  const rOf = superconductingMetal(metal, tr);
  const sigma = metal.Rres * (clear ? rng.logUniform(1e-6, 1e-4) : rng.logUniform(1e-4, 1e-3));
  const rel = rng.logUniform(1e-4, clear ? 2e-3 : 5e-3);
  const meas = record(rng, Tasc, rOf, { rel, sigma, kind: "signed", epsT: rng.chance(0.5) ? rng.logUniform(1e-4, 1e-3) : 0, order: "cooling" });
  const readout = declaredReadout(rng, "signed", 0.4);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    expected: "S",
    truth: {
      cryostat,
      Tmin_K: Tmin,
      Tmax_K: Tmax,
      grid: gridKind,
      nPoints: Tasc.length,
      nBelowZero: count(meas.Ttrue, (t) => t <= transitionZeroTemperature(tr)),
      ...metalTruth(metal),
      ...transitionTruth(tr),
      sigma_ohm: sigma,
      relNoise: rel,
      declaredReadout: readout ?? "absent",
    },
  };
};

/**
 * A genuine failed superconductor below a metallic normal state: seed 001
 * Eq. 2, ρ_QF + ρ0·exp(−E/T), joined smoothly to the metal law; ρ_QF 1–30 %
 * of the normal state; multiplicative noise keeps the plateau's mean/SD ≫ 3.
 */
export const m1MetallicNormal: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const { Tmin, cryostat } = lowTemperatureEnd(rng);
  const Tmax = rng.uniform(250, 305);
  const n = Math.round(rng.logUniform(200, 2000));
  const gridKind = rng.pick(["log", "two-rate"] as const);
  const Tasc = ppmsGrid(Tmin, Tmax, n, gridKind, rng.uniform(3, 10));
  const metal = drawMetal(rng, rng.logUniform(5, 5000), rng.uniform(1.2, 20));
  const frac = clear ? rng.logUniform(0.03, 0.3) : rng.logUniform(0.01, 0.3);
  const rhoQF = frac * metal.Rres;
  const Tstar = rng.logUniform(Tmin * 3, 12);
  const kappa = rng.uniform(3, 12);
  const Ea = kappa * Tstar;
  const rho0 = (metalResistance(Tstar, metal) - rhoQF) * Math.exp(kappa);
  const q = rng.uniform(1, 3);
  const rOf = (T: number): number => rhoQF + smoothMin(metalResistance(T, metal) - rhoQF, rho0 * Math.exp(-Ea / T), q);
  // the plateau: points where the activated term is below 10 % (clear 5 %) of ρ_QF
  const Tsat = Ea / Math.log(rho0 / rhoQF);
  const lim = clear ? 0.05 : 0.1;
  const Tflat = Ea / Math.log(rho0 / (lim * rhoQF));
  const nFlat = count(Tasc, (t) => t <= Tflat);
  if (nFlat < (clear ? 15 : 8)) return "plateau too short";
  if (clear && Tflat / Tmin < 1.5) return "plateau spans too little T";
  const sigma = rhoQF * rng.logUniform(1e-4, clear ? 0.01 : 0.03);
  const rel = rng.logUniform(1e-3, clear ? 0.01 : 0.02);
  const actual = rng.chance(0.3) ? "magnitude" : "signed";
  const kind: TNoiseKind = actual === "magnitude" ? "magnitude-both" : "signed";
  const meas = record(rng, Tasc, rOf, { rel, sigma, kind, epsT: rng.chance(0.5) ? rng.logUniform(1e-4, 1e-3) : 0, order: "cooling" });
  const readout = declaredReadout(rng, actual, 0.5);
  const Tc90 = solveMonotone((T) => rOf(T) / metalResistance(T, metal), 0.9, Tsat, Tmax);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    expected: "M1",
    truth: {
      cryostat,
      Tmin_K: Tmin,
      Tmax_K: Tmax,
      grid: gridKind,
      nPoints: Tasc.length,
      ...metalTruth(metal),
      rhoQF_ohm: rhoQF,
      rhoQF_over_RN: frac,
      rho0_ohm: rho0,
      EaS_K: Ea,
      Tstar_K: Tstar,
      joinQ: q,
      Tsat_K: Tsat,
      nPlateau: nFlat,
      ...(Tc90 !== null ? { Tc90_K: Tc90 } : {}),
      noiseKind: kind,
      sigma_ohm: sigma,
      relNoise: rel,
      declaredReadout: readout ?? "absent",
    },
  };
};
