/**
 * Curves that carry no SIT label or are ordinary insulators: ordinary metals,
 * dead channels, Hall or offset channels, doped-semiconductor freeze-out.
 */
import type { TTruthValue } from "./generator";
import { ferromagnetResistance, freezeOutLogResistance, freezeOutLogSlope, metalResistance, type TFerromagnet, type TFreezeOut, type TMetalLaw } from "./realworld-laws";
import { declaredReadout, linGrid, logGrid, ppmsGrid, record, type TNoiseKind } from "./realworld-measure";
import { drawMetal, metalTruth } from "./realworld-transitions";
import { count, type TFamilyBuilder } from "./realworld-types";
import type { TRng } from "./rng";

function ppmsSweep(rng: TRng, Tmin: number, Tmax: number, nLo: number, nHi: number): { grid: number[]; gridKind: string } {
  const gridKind = rng.pick(["linear", "log", "two-rate"] as const);
  return { grid: ppmsGrid(Tmin, Tmax, Math.round(rng.logUniform(nLo, nHi)), gridKind, rng.uniform(2, 6)), gridKind };
}

/** A film that falls from room temperature towards its residual resistance, with no transition. */
export const metalOrdinary: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const windows: readonly (readonly [string, number, number])[] = clear
    ? [
        ["2-300", rng.uniform(1.8, 2.5), rng.uniform(290, 305)],
        ["10-300", rng.uniform(8, 12), rng.uniform(290, 305)],
      ]
    : [
        ["90-120", rng.uniform(80, 95), rng.uniform(115, 130)],
        ["2-300", rng.uniform(1.8, 2.5), rng.uniform(290, 305)],
        ["10-300", rng.uniform(8, 12), rng.uniform(290, 305)],
        ["4-50", rng.uniform(3, 5), rng.uniform(40, 60)],
      ];
  const [name, Tmin, Tmax] = rng.pick(windows);
  const RRR = clear ? rng.logUniform(2, 30) : rng.logUniform(1.2, 30);
  const R300 = rng.logUniform(1, 10000);
  // phonon metals (Bloch–Grüneisen or residual + Tⁿ), linear metallic channels, metallic ferromagnets
  const variant = rng.pick(["phonon", "phonon", "phonon", "linear", "ferromagnet"] as const);
  let base: (T: number) => number;
  let lawTruth: Record<string, TTruthValue>;
  let Rres: number;
  if (variant === "ferromagnet") {
    const fm: TFerromagnet = { Rres: R300 / RRR, A: 0, n: rng.uniform(1, 2), Rsd: 0, TC: rng.uniform(100, 250) };
    fm.Rsd = rng.uniform(0.2, 0.6) * (R300 - fm.Rres);
    fm.A = R300 - fm.Rres - fm.Rsd;
    base = (T) => ferromagnetResistance(T, fm);
    lawTruth = { Rres_ohm: fm.Rres, RRR, R300_ohm: R300, phononA_ohm: fm.A, phononN: fm.n, spinDisorder_ohm: fm.Rsd, TCurie_K: fm.TC };
    Rres = fm.Rres;
  } else {
    const metal: TMetalLaw = variant === "linear" ? { kind: "power", Rres: R300 / RRR, RRR, n: 1, Tref: 300 } : drawMetal(rng, R300, RRR);
    base = (T) => metalResistance(T, metal);
    lawTruth = metalTruth(metal);
    Rres = metal.Rres;
  }
  // hard curves may carry a weak low-temperature upturn (Kondo or weak localisation), ≤ 2 % of Rres
  const upturn = !clear && rng.chance(0.3) ? rng.uniform(0.002, 0.01) : 0;
  const Tu = rng.uniform(10, 30);
  const rOf = (T: number): number => base(T) + upturn * Rres * 0.5 * Math.log(1 + (Tu / T) ** 2);
  const { grid, gridKind } = ppmsSweep(rng, Tmin, Tmax, 30, 2000);
  const sigma = Rres * rng.logUniform(1e-6, 1e-4);
  const rel = rng.logUniform(5e-5, 2e-3);
  const meas = record(rng, grid, rOf, { rel, sigma, kind: "signed", epsT: rng.chance(0.5) ? rng.logUniform(1e-4, 1e-3) : 0, order: rng.pick(["cooling", "warming"] as const) });
  const readout = declaredReadout(rng, "signed", 0.4);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    ...(rng.chance(0.3) ? { H_Oe: Math.round(rng.uniform(0, 90000)) } : {}),
    expected: "NONE",
    expectedReason: "metallic_no_transition",
    truth: {
      variant,
      window: name,
      Tmin_K: Tmin,
      Tmax_K: Tmax,
      grid: gridKind,
      nPoints: grid.length,
      ...lawTruth,
      upturn,
      ...(upturn > 0 ? { upturnT_K: Tu } : {}),
      RTmax_over_RTmin: rOf(Tmax) / rOf(Tmin),
      sigma_ohm: sigma,
      relNoise: rel,
    },
  };
};

function anyWindow(rng: TRng): { Tmin: number; Tmax: number; grid: number[] } {
  const n = Math.round(rng.logUniform(20, 2000));
  if (rng.chance(0.5)) {
    const Tmin = rng.uniform(1.8, 5);
    const Tmax = rng.uniform(20, 305);
    return { Tmin, Tmax, grid: rng.chance(0.5) ? linGrid(Tmin, Tmax, n) : logGrid(Tmin, Tmax, n) };
  }
  const Tmin = rng.logUniform(0.02, 0.5);
  const Tmax = Tmin * rng.logUniform(5, 300);
  return { Tmin, Tmax, grid: logGrid(Tmin, Tmax, n) };
}

/** A channel that is not connected: exactly zero, or µΩ noise (signed, digitised, or a magnitude). */
export const deadChannel: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const { Tmin, Tmax, grid } = anyWindow(rng);
  const variant = clear ? rng.pick(["zero", "noise"] as const) : rng.pick(["magnitude", "digitised", "noise"] as const);
  const sigma = variant === "zero" ? 0 : rng.logUniform(1e-7, clear ? 1e-5 : 3e-5);
  const kind: TNoiseKind = variant === "magnitude" ? rng.pick(["magnitude-both", "magnitude-one"] as const) : "signed";
  const meas = record(rng, grid, () => 0, { rel: 0, sigma, kind, epsT: 0, order: rng.pick(["cooling", "warming"] as const) });
  const step = variant === "digitised" ? sigma * rng.uniform(0.5, 2) : 0;
  const R = step > 0 ? meas.R.map((r) => Math.round(r / step) * step) : meas.R;
  const readout = variant === "magnitude" ? declaredReadout(rng, "magnitude", 0.5) : declaredReadout(rng, "signed", 0.3);
  return {
    ...meas,
    R,
    ...(readout ? { readout } : {}),
    expected: "NONE",
    expectedReason: "no_signal",
    truth: { variant, Tmin_K: Tmin, Tmax_K: Tmax, nPoints: grid.length, sigma_ohm: sigma, noiseKind: kind, digitisation_ohm: step },
  };
};

/** A Hall or offset channel: a negative offset, a field-antisymmetric Hall signal, or a small signal crossing zero. */
export const hallChannel: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const { Tmin, Tmax, grid } = anyWindow(rng);
  const variant = clear ? rng.pick(["negative-offset", "hall"] as const) : rng.pick(["crossing", "hall-superconductor", "negative-offset"] as const);
  const c = rng.logUniform(0.05, 50);
  const H = (rng.chance(0.5) ? 1 : -1) * Math.round(rng.uniform(1000, 90000));
  let rOf: (T: number) => number;
  let sigma: number;
  const truth: Record<string, string | number> = { variant, Tmin_K: Tmin, Tmax_K: Tmax, nPoints: grid.length };
  switch (variant) {
    case "negative-offset":
      rOf = () => -c;
      sigma = c * rng.logUniform(clear ? 1e-3 : 0.01, clear ? 0.02 : 0.3);
      truth.offset_ohm = -c;
      break;
    case "hall": {
      // R_xy = R_H·H with a weakly temperature-dependent, electron-like (negative) Hall coefficient
      const a = rng.uniform(-0.05, 0.05);
      rOf = (T) => -c * (1 + a * Math.log(T / Tmax));
      sigma = c * rng.logUniform(1e-3, 0.02);
      truth.hall_ohm = -c;
      truth.hallSlope = a;
      break;
    }
    case "crossing": {
      // a small signal that changes sign inside the window
      const Tx = Math.sqrt(Tmin * Tmax) * Math.exp(rng.uniform(-0.3, 0.3) * Math.log(Tmax / Tmin));
      const s = rng.chance(0.5) ? 1 : -1;
      rOf = (T) => (s * c * Math.log(T / Tx)) / Math.log(Tmax / Tmin);
      sigma = c * rng.logUniform(1e-3, 0.05);
      truth.crossing_K = Tx;
      truth.amplitude_ohm = c;
      break;
    }
    case "hall-superconductor": {
      // the Hall voltage of a superconducting film vanishes below Tc and is negative above
      const Tc = Math.sqrt(Tmin * Tmax);
      rOf = (T) => (-c) / (1 + Math.exp(-Math.log(T / Tc) / 0.05));
      sigma = c * rng.logUniform(1e-3, 0.05);
      truth.Tc_K = Tc;
      truth.hall_ohm = -c;
      break;
    }
  }
  const meas = record(rng, grid, rOf, { rel: 0, sigma, kind: "signed", epsT: 0, order: rng.pick(["cooling", "warming"] as const) });
  truth.sigma_ohm = sigma;
  truth.nNegative = count(meas.R, (r) => r < 0);
  const readout = declaredReadout(rng, "signed", 0.4);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    ...(variant.startsWith("hall") || rng.chance(0.5) ? { H_Oe: H } : {}),
    expected: "NONE",
    expectedReason: "not_longitudinal",
    truth,
  };
};

/**
 * A doped semiconductor measured 10–320 K: band conduction activated over the
 * donor ionisation energy E1, in parallel with impurity-band conduction of
 * activation E3 < E1. w falls from E1/T to E3/T across the crossover and
 * grows again as E3/T: it stays ≫ 0, unlike a saturating M2 curve.
 */
export const semiconductorFreezeout: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const Tmin = clear ? rng.uniform(18, 30) : rng.uniform(12, 40);
  const Tmax = rng.uniform(250, 320);
  const E1 = rng.uniform(100, 600);
  const E3 = Tmin * (clear ? rng.uniform(3, 10) : rng.uniform(1.5, 3));
  if (E3 > E1 / 2.5) return "channels too alike";
  const Tx = Tmin * Math.pow(Tmax / Tmin, rng.uniform(0.2, 0.65));
  const R300 = rng.logUniform(10, 10000);
  // σ1·e^(−E1/Tx) = σ3·e^(−E3/Tx); scale so that R(Tmax) = R300
  const ratio = Math.exp((E1 - E3) / Tx);
  const unit: TFreezeOut = { sigma1: ratio, E1, sigma3: 1, E3 };
  const scale = Math.exp(freezeOutLogResistance(Tmax, unit)) / R300;
  const law: TFreezeOut = { sigma1: ratio * scale, E1, sigma3: scale, E3 };
  const lnRmin = freezeOutLogResistance(Tmin, law);
  if (lnRmin > Math.log(1e9)) return "beyond the electrometer";
  const wCold = freezeOutLogSlope(Tmin, law);
  // w on a log grid, ascending in T: its maximum, and its minimum on the cold side of the maximum
  const ws = logGrid(Tmin, Tmax, 200).map((t) => freezeOutLogSlope(t, law));
  let iMax = 0;
  for (let i = 1; i < ws.length; i++) if (ws[i]! > ws[iMax]!) iMax = i;
  const wMax = ws[iMax]!;
  const wMinBelowMax = Math.min(...ws.slice(0, iMax + 1));
  if (wMinBelowMax > 0.75 * wMax) return "no visible crossover";
  if (wMinBelowMax < (clear ? 1.5 : 1)) return "w comes too close to zero";
  const { grid, gridKind } = ppmsSweep(rng, Tmin, Tmax, 50, 600);
  const rel = rng.logUniform(1e-3, clear ? 5e-3 : 0.01);
  const rOf = (T: number): number => Math.exp(freezeOutLogResistance(T, law));
  const meas = record(rng, grid, rOf, { rel, sigma: 0, kind: "signed", epsT: rng.logUniform(1e-4, 1e-3), order: rng.pick(["cooling", "warming"] as const) });
  const readout = declaredReadout(rng, "signed", 0.3);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    expected: "I1",
    truth: {
      Tmin_K: Tmin,
      Tmax_K: Tmax,
      grid: gridKind,
      nPoints: grid.length,
      E1_K: E1,
      E3_K: E3,
      crossover_K: Tx,
      R300_ohm: R300,
      RTmin_ohm: Math.exp(lnRmin),
      wAtTmin: wCold,
      wMax,
      wMin: wMinBelowMax,
      relNoise: rel,
    },
  };
};
