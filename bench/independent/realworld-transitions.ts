/** Superconducting transitions and metallic normal states drawn for the real-world families. */
import { transitionLevelTemperature } from "./generator";
import { G_AL_S, transitionFraction, transitionZeroTemperature, type TTransition } from "./laws";
import type { TTruthValue } from "./generator";
import { metalResistance, type TMetalLaw } from "./realworld-laws";
import type { TRng } from "./rng";

export type TTransitionStyle = "sharp" | "normal" | "broad";

/** A transition whose resistance is exactly zero at and below Tz. */
export function drawTransition(rng: TRng, Tz: number, RN: number, style: TTransitionStyle): TTransition {
  if (style === "sharp") {
    const width = rng.logUniform(0.004, 0.04);
    return { kind: "tanh", Tmid: Tz * Math.exp(3 * width), width };
  }
  if (style === "broad") {
    if (rng.chance(0.5)) {
      const width = rng.uniform(0.12, 0.3);
      return { kind: "tanh", Tmid: Tz * Math.exp(3 * width), width };
    }
    const width2 = rng.uniform(0.04, 0.15);
    const Tmid2 = Tz * Math.exp(3 * width2);
    return { kind: "twostep", Tmid1: Tmid2 * rng.uniform(1.3, 2.5), width1: rng.uniform(0.03, 0.12), Tmid2, width2, fHigh: rng.uniform(0.3, 0.8) };
  }
  const kind = rng.pick(["tanh", "tanh", "bkt", "al"] as const);
  if (kind === "tanh") {
    const width = rng.logUniform(0.01, 0.15);
    return { kind, Tmid: Tz * Math.exp(3 * width), width };
  }
  if (kind === "bkt") {
    const tc = rng.uniform(0.02, 0.2);
    return { kind, Tbkt: Tz, b: rng.uniform(1, 2.5) * Math.sqrt(tc), A: rng.uniform(2, 10) };
  }
  return { kind, Tc: Tz, alpha: Math.min(2, RN * G_AL_S * rng.uniform(1, 30)) };
}

export function transitionTruth(tr: TTransition): Record<string, TTruthValue> {
  const out: Record<string, TTruthValue> = { shape: tr.kind };
  for (const [k, v] of Object.entries(tr)) if (k !== "kind") out[`tr_${k}`] = v as number;
  out.Tzero_K = transitionZeroTemperature(tr);
  // the transition multiplies the normal state, so these are the temperatures where R is
  // 90, 50 and 10 % of the normal state just above the drop
  out.Tc90_K = transitionLevelTemperature(tr, 0.9);
  out.Tc50_K = transitionLevelTemperature(tr, 0.5);
  out.Tc10_K = transitionLevelTemperature(tr, 0.1);
  return out;
}

/** A metallic normal state measured from room temperature: residual + phonon term, RRR = R(300 K)/Rres. */
export function drawMetal(rng: TRng, R300: number, RRR: number): TMetalLaw {
  const Rres = R300 / RRR;
  if (rng.chance(0.6)) return { kind: "bloch-gruneisen", Rres, RRR, thetaD: rng.uniform(150, 450), Tref: 300 };
  return { kind: "power", Rres, RRR, n: rng.uniform(1.5, 3), Tref: 300 };
}

export function metalTruth(m: TMetalLaw): Record<string, TTruthValue> {
  const out: Record<string, TTruthValue> = { metal: m.kind, Rres_ohm: m.Rres, RRR: m.RRR, R300_ohm: metalResistance(300, m) };
  if (m.kind === "bloch-gruneisen") out.thetaD_K = m.thetaD;
  else out.metalN = m.n;
  return out;
}

/** A superconductor on a metallic normal state: R = R_metal(T)·g(T). */
export function superconductingMetal(m: TMetalLaw, tr: TTransition): (T: number) => number {
  return (T) => metalResistance(T, m) * transitionFraction(T, tr);
}
