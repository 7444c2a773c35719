/**
 * SIT curves recorded the way a setpoint programme records them: 2–5
 * readings at every setpoint and a few pauses where the instrument keeps
 * reading while the temperature settles. The label is the curve's phase.
 */
import { PHASE_LIST, transitionLevelTemperature, type TPhase } from "./generator";
import { failedInsulatorLaw, hoppingLaw, smoothMin, transitionFraction, transitionZeroTemperature } from "./laws";
import { declaredReadout, record, setpointGrid } from "./realworld-measure";
import { drawTransition, transitionTruth } from "./realworld-transitions";
import { count, type TFamilyBuilder } from "./realworld-types";
import type { TRng } from "./rng";
import type { TTruthValue } from "./generator";

interface TLaw {
  rOf: (T: number) => number;
  truth: Record<string, TTruthValue>;
  /** checks on the setpoint temperatures; a string is a rejection */
  check: (sets: readonly number[]) => string | null;
}

const at = (Tmin: number, Tmax: number, f: number): number => Tmin * Math.pow(Tmax / Tmin, f);

function drawLaw(rng: TRng, phase: TPhase, Tmin: number, Tmax: number): TLaw {
  const RN = rng.logUniform(300, 20000);
  switch (phase) {
    case "S": {
      const tr = drawTransition(rng, at(Tmin, Tmax, rng.uniform(0.15, 0.45)), RN, "normal");
      const Tz = transitionZeroTemperature(tr);
      return {
        rOf: (T) => RN * transitionFraction(T, tr),
        truth: { RN_ohm: RN, ...transitionTruth(tr) },
        check: (sets) => (count(sets, (t) => t <= Tz) < 4 ? "too few setpoints at zero" : transitionLevelTemperature(tr, 0.9) > Tmax / 1.5 ? "no normal state" : null),
      };
    }
    case "M1": {
      const rhoQF = RN * rng.uniform(0.02, 0.3);
      const Tstar = at(Tmin, Tmax, rng.uniform(0.5, 0.8));
      const kappa = rng.uniform(3, 8);
      const Ea = kappa * Tstar;
      const rho0 = (RN - rhoQF) * Math.exp(kappa);
      const Tflat = Ea / Math.log(rho0 / (0.05 * rhoQF));
      return {
        rOf: (T) => rhoQF + smoothMin(RN - rhoQF, rho0 * Math.exp(-Ea / T), 2),
        truth: { RN_ohm: RN, rhoQF_ohm: rhoQF, rho0_ohm: rho0, EaS_K: Ea, Tflat_K: Tflat },
        check: (sets) => (count(sets, (t) => t <= Tflat) < 4 ? "plateau too short" : null),
      };
    }
    case "M2": {
      const rise = rng.logUniform(5, 100);
      const Ts = at(Tmin, Tmax, rng.uniform(0.35, 0.6));
      const lnQ = Math.log(rise - 1) / (1 - Ts / Tmax);
      const sigmaQF = 1 / (RN * rise);
      const sigma0 = sigmaQF * Math.exp(lnQ);
      const Ea = Ts * lnQ;
      const Tflat = Ea / (lnQ - Math.log(0.05));
      return {
        rOf: (T) => failedInsulatorLaw(T, sigmaQF, sigma0, Ea),
        truth: { RhighT_ohm: RN, rise, sigmaQF_S: sigmaQF, sigma0_S: sigma0, EaI_K: Ea, Tflat_K: Tflat },
        check: (sets) => (count(sets, (t) => t <= Tflat) < 4 || lnQ < 1 ? "saturation not reached" : null),
      };
    }
    case "I1":
    case "I2": {
      const p = phase === "I1" ? 1 : 0.5;
      const span = rng.uniform(4, 12);
      // (T0/Tmin)^p − (T0/Tmax)^p = span
      const T0 = Math.pow(span / (Math.pow(1 / Tmin, p) - Math.pow(1 / Tmax, p)), 1 / p);
      const R0 = RN / Math.exp(Math.pow(T0 / Tmax, p));
      return { rOf: (T) => hoppingLaw(T, R0, T0, p), truth: { R0_ohm: R0, T0_K: T0, p, hoppingSpan: span }, check: () => null };
    }
  }
}

export const repeatedReadings: TFamilyBuilder = (rng, difficulty) => {
  const clear = difficulty === "clear";
  const phase = rng.pick(PHASE_LIST);
  const Tmin = rng.logUniform(0.03, 0.5);
  const Tmax = Tmin * rng.logUniform(clear ? 10 : 6, 100);
  const law = drawLaw(rng, phase, Tmin, Tmax);
  const spec = {
    setpoints: clear ? rng.int(25, 80) : rng.int(12, 30),
    repeatsLo: 2,
    repeatsHi: rng.int(2, 5),
    pauses: rng.int(1, 3),
    pauseLo: 10,
    pauseHi: 40,
    jitter: rng.chance(0.5) ? rng.logUniform(1e-4, 2e-3) : 0,
  };
  const { T: Tasc, pauseT } = setpointGrid(rng, Tmin, Tmax, spec);
  const why = law.check([...new Set(Tasc.map((t) => t.toPrecision(3)))].map(Number));
  if (why) return why;
  const rel = rng.logUniform(2e-3, clear ? 0.01 : 0.02);
  const sigma = phase === "S" || phase === "M1" ? law.rOf(Tmax) * rng.logUniform(1e-6, 1e-4) : 0;
  const meas = record(rng, Tasc, law.rOf, { rel, sigma, kind: "signed", epsT: 0, order: rng.pick(["cooling", "warming"] as const) });
  if (Math.max(...meas.Rtrue) > 1e10) return "beyond the electrometer";
  const readout = declaredReadout(rng, "signed", 0.4);
  return {
    ...meas,
    ...(readout ? { readout } : {}),
    expected: phase,
    truth: {
      phase,
      Tmin_K: Tmin,
      Tmax_K: Tmax,
      nPoints: Tasc.length,
      setpoints: spec.setpoints,
      repeatsHi: spec.repeatsHi,
      pauses: pauseT.length,
      pauseT_K: pauseT.map((t) => t.toPrecision(3)).join(","),
      jitter: spec.jitter,
      relNoise: rel,
      sigma_ohm: sigma,
      ...law.truth,
    },
  };
};
