/**
 * The falling side of the SIT: a superconducting drop or an ordinary metal, then zero resistance
 * (S) or a finite plateau (M1). Composes the transition, plateau and zero-test evidence:
 *  1. Is the drop superconducting-like (transition.ts)? If not: an ordinary metal, no SIT label.
 *  2. The coldest readings: the plateau if there is one, else those below Tc10, else the coldest
 *     few. Zero within what the readout makes of zero (zero-test.ts) → S.
 *  3. A finite, flat plateau well above the noise floor → M1, unless the drop is so sharp and the
 *     plateau so flat and so close below it that a series resistance explains it as well (one
 *     curve cannot tell; the field series can, context.ts).
 *  4. No plateau and no zero: R still falling steeply at Tmin → incomplete transition; levelling
 *     visibly with a sound Eq. 2 fit (ρ0 > 0, E_aS inside its interval, ρ_QF below R(Tmin)) that
 *     extrapolates to a significant ρ_QF → M1.
 */
import { sliceCurve, type CurveData } from "../../models/common";
import { fitFailedSuperconductor, type SaturationFit } from "../../models/saturation";
import { logisticFromTc } from "../../models/sc-transition";
import type { CurveDiagnostics, Estimate, ModelFit, QuantityKey, Readout } from "../../types";
import { scratchF64 } from "../../workspace";
import { fmt, fmtPm } from "../format";
import type { NoiseEstimate } from "../noise";
import { fallOntoMetal, tooWarmForSuperconductivity } from "./metal-fall";
import { findPlateau, type Plateau } from "./plateau";
import type { Profile } from "./profile";
import { crossingBelow } from "./tc-points";
import { transitionEvidence, type TransitionEvidence } from "./transition";
import { zeroTest, type ZeroTest } from "./zero-test";
import { clip } from "../math";
import { argMax, countBelow, minOver } from "../scan";

export interface ScFlag {
  code: "incomplete_transition" | "series_resistance";
  text: string;
}

export interface ScSide {
  /** log-odds of a superconducting-like drop against an ordinary metal */
  Ldrop: number;
  /** log-odds of a finite ρ_QF (M1) against zero (S) */
  Lm1: number;
  dropReason: string;
  reason: string;
  secondary: string[];
  /** the Tc90 line of `secondary` (said only of a superconductor or a failed one), else null */
  tcReason: string | null;
  fits: ModelFit[];
  fs: SaturationFit | null;
  transition: ModelFit | null;
  metal: ModelFit | null;
  quantities: Partial<Record<QuantityKey, Estimate>>;
  flag: ScFlag | null;
  readout: Readout;
  tr: TransitionEvidence;
  plateau: Plateau | null;
  zero: ZeroTest;
}

/**
 * The noise model σ_i² = floor² + (σ_rel·R̃_i)² (R̃ the smoothed readings, ≥ 0) and the weights
 * 1/σ_i² (a loop of its own, see scan.ts).
 */
function noiseModel(smooth: Float64Array, floor: number, sigmaRel: number, sigma: Float64Array, w: Float64Array): void {
  for (let i = 0; i < sigma.length; i++) {
    const s = Math.max(smooth[i]!, 0);
    sigma[i] = Math.sqrt(floor * floor + (sigmaRel * s) ** 2);
    w[i] = 1 / (sigma[i]! * sigma[i]!);
  }
}

export function analyzeScSide(d: CurveData, p: Profile, noise: NoiseEstimate, readout: Readout, diag: CurveDiagnostics, pressureGPa?: number): ScSide {
  const n = d.n;
  const sigmaRel = p.sigmaRel;
  const smooth = p.smoothR();
  const quantities: Partial<Record<QuantityKey, Estimate>> = {};
  const fits: ModelFit[] = [];
  const secondary: string[] = [];
  const rMax = smooth[argMax(smooth, n)]!;
  const floor = Math.max(Number.isFinite(noise.floor) ? noise.floor : 0, 1e-6 * Math.abs(rMax));
  diag.noiseFloor = floor;
  const kSmooth = clip(Math.round(n / 60), 2, 8);
  quantities.Rmax_ohm = { value: rMax, uncertainty: Math.hypot(floor, sigmaRel * rMax) / Math.sqrt(2 * kSmooth + 1) };

  // noise model σ_i² = floor² + (σ_rel·R̃_i)² and weights
  const sigma = scratchF64("sc.sigma", n);
  const w = scratchF64("sc.w", n);
  noiseModel(smooth, floor, sigmaRel, sigma, w);
  const tr = transitionEvidence(d, p, w, floor);
  const rN = tr.rNormal;
  quantities.Rn_ohm = { value: rN, uncertainty: Math.hypot(floor, sigmaRel * rN) / Math.sqrt(2 * kSmooth + 1) };
  if (tr.tc90) quantities.Tc90_K = tr.tc90;
  if (tr.tc50) quantities.Tc50_K = tr.tc50;
  if (tr.tc10) quantities.Tc10_K = tr.tc10;
  if (tr.kOnset < p.G - 1) quantities.TcOnset_K = { value: tr.tOnset, uncertainty: null };

  const bottom = Math.max(minOver(smooth, 0, tr.iOnset), 0);
  // Eq. 2 describes the low-temperature tail: fit it below 20 % of the drop (widened to 50 %,
  // then 80 %, when too few points lie there)
  let iEnd = tr.iOnset + 1;
  for (const frac of [0.2, 0.5, 0.8]) {
    const cut = crossingBelow(d.T, smooth, tr.iOnset, bottom + frac * (rN - bottom));
    if (cut && cut.index + 1 >= 8) {
      iEnd = cut.index + 1;
      break;
    }
  }
  if (iEnd < 8) iEnd = Math.min(n, Math.max(tr.iOnset + 1, 8));
  const mid = crossingBelow(d.T, smooth, tr.iOnset, bottom + 0.5 * (rN - bottom));
  const found = findPlateau(d, sigma, mid ? mid.index : tr.iOnset, 0.25 * Math.max(tr.sPeak, 0.4));
  const plateau = found && found.k >= 4 ? found : null;
  const fitFs = (polish: boolean) => (iEnd >= 5 ? fitFailedSuperconductor(sliceCurve(d, 0, iEnd), w.subarray(0, iEnd), { polish }) : null);
  let fs = fitFs(!plateau);

  let transition: ModelFit | null = null;
  if (tr.tc50 && tr.iOnset >= 5) {
    transition = logisticFromTc(sliceCurve(d, 0, tr.iOnset + 1), w.subarray(0, tr.iOnset + 1), rN, quantities.Rn_ohm.uncertainty, tr.tc50, tr.tc90, tr.tc10);
    fits.push(transition);
  }

  // the coldest readings: the plateau, else those below Tc10, else the coldest few
  let kCold: number;
  if (plateau) kCold = plateau.k;
  else {
    const edge = tr.coldEdge ?? tr.tc10?.value;
    const below = edge !== undefined ? countBelow(d.T, edge) : 0;
    kCold = below > 0 ? Math.min(below, 12) : Math.min(n, Math.max(3, Math.min(8, Math.round(0.05 * n))));
  }
  const zero = zeroTest(d.lnT.subarray(0, kCold), d.R.subarray(0, kCold), { readout, normalNoise: tr.normalNoise, rNormal: rN });

  // is Eq. 2 a sound description of the tail?
  const eq2Sound = (f: SaturationFit | null): f is SaturationFit =>
    !!f &&
    f.converged &&
    Number.isFinite(f.uncertainties.rhoQF_ohm!) &&
    f.params.rho0_ohm! > 0 &&
    !f.eaAtEdge &&
    f.params.rhoQF_ohm! <= Math.max(smooth[0]!, 0) + 2 * f.uncertainties.rhoQF_ohm!;

  let Lm1: number;
  let reason: string;
  let flag: ScFlag | null = null;
  if (zero.L < 0) {
    Lm1 = zero.L;
    reason = zero.reason;
  } else if (plateau) {
    const aboveFloor = plateau.level / floor;
    Lm1 = Math.min(zero.L, 3 * Math.log(Math.max(aboveFloor, 1e-6) / 0.7), 1.2 * (plateau.level / Math.max(plateau.se, 1e-300) - 5));
    reason =
      Lm1 >= 0
        ? `R levels off at ρ_QF = ${fmtPm(plateau.level, plateau.se, "Ω")} = ${fmt((100 * plateau.level) / rN, 2)} % of R_n (flat over ${plateau.k} points below ${fmt(plateau.tTop, 3)} K, ${fmt(aboveFloor, 2)}× the noise floor); ${zero.reason}`
        : zero.reason;
    // a complete, sharp transition onto a perfectly flat residual right below it
    const sharp = tr.tc90 && tr.tc10 && tr.tc50 && (tr.tc90.value - tr.tc10.value) / tr.tc50.value < 0.1;
    if (Lm1 >= 0 && sharp && tr.tc10 && plateau.tTop >= 0.8 * tr.tc10.value) {
      flag = {
        code: "series_resistance",
        text: `the drop is sharp (Tc90 − Tc10 = ${fmt(tr.tc90!.value - tr.tc10.value, 2)} K) and lands on a flat residual right below it: a series or contact resistance fits as well as a failed superconductor; one curve cannot tell (a field series can)`,
      };
    }
  } else {
    const steep = Number.isFinite(tr.sCold) && tr.sCold >= Math.max(0.5, 0.3 * tr.sPeak);
    // the decline has slowed by an order of magnitude: levelling off, though not yet flat
    const levelled = Number.isFinite(tr.sCold) && tr.sCold <= 0.15 * tr.sPeak && zero.L > 0;
    const rCold = Math.max(p.levR.level[0]!, 0);
    if (levelled && !eq2Sound(fs)) {
      Lm1 = clip(zero.L, 0.5, 2.5);
      reason = `R levels off at the lowest temperature: d ln R/d ln T has fallen to ${fmt(tr.sCold, 2)} from ${fmt(tr.sPeak, 2)} at the steepest point, R(${fmt(d.T[0]!)} K) = ${fmt(d.R[0]!)} Ω = ${fmt((100 * d.R[0]!) / rN, 2)} % of R_n; ${zero.reason}`;
    } else if (!steep && eq2Sound(fs)) {
      const z = fs.params.rhoQF_ohm! / Math.max(fs.uncertainties.rhoQF_ohm!, 1e-300);
      Lm1 = z >= 3 ? clip(1.2 * (z - 3), 0.5, 4) : clip(0.5 * z - 1, -1.5, 0);
      reason = `R is levelling off at the lowest temperature (R(${fmt(d.T[0]!)} K) = ${fmt(rCold)} Ω); Eq. 2 on the tail extrapolates to ρ_QF = ${fmtPm(fs.params.rhoQF_ohm!, fs.uncertainties.rhoQF_ohm, "Ω")} (${fmt(z, 2)}σ)`;
      if (z < 3) flag = { code: "incomplete_transition", text: `no plateau and no zero reading inside the window; ${zero.reason}` };
    } else {
      // S and M1 cannot be told apart: even odds
      Lm1 = 0;
      reason = `R is still falling at the lowest temperature: R(${fmt(d.T[0]!)} K) = ${fmt(d.R[0]!)} Ω = ${fmt((100 * d.R[0]!) / rN, 2)} % of R_n, d ln R/d ln T = ${fmt(tr.sCold, 2)} there`;
      flag = { code: "incomplete_transition", text: "the window ends inside the transition: zero resistance and a finite plateau cannot be told apart" };
    }
  }
  if (Lm1 >= 0 && fs && !fs.polished) fs = fitFs(true);
  // a plateau (or a levelling) after a fall warmer than 40 K, approached as a metal, or a fall
  // warmer than any superconductor in a window that never reaches the SIT's temperatures: not a
  // superconducting drop
  const tcDrop = tr.tc50?.value ?? tr.tOnset;
  const metalTail =
    Lm1 >= 0 ? (fallOntoMetal(d, smooth, w, plateau ? plateau.level : bottom, tcDrop, floor) ?? tooWarmForSuperconductivity(d, tcDrop, pressureGPa)) : null;
  if (fs) fits.push(fs);
  if (tr.metal) fits.push(tr.metal);
  if (fs && fs.converged && Number.isFinite(fs.uncertainties.rhoQF_ohm!)) {
    quantities.rhoQF_ohm = { value: fs.params.rhoQF_ohm!, uncertainty: fs.uncertainties.rhoQF_ohm! };
    if (Number.isFinite(fs.params.rho0_ohm!)) quantities.rho0_ohm = { value: fs.params.rho0_ohm!, uncertainty: fs.uncertainties.rho0_ohm ?? null };
    if (Number.isFinite(fs.params.EaS_K!)) quantities.EaS_K = { value: fs.params.EaS_K!, uncertainty: fs.uncertainties.EaS_K ?? null };
    if (!eq2Sound(fs)) secondary.push("the Eq. 2 fit is not a sound description of the tail (ρ0 ≤ 0, E_aS at its bound, or ρ_QF above R(Tmin)); it is not used as evidence");
  }
  if (plateau && Lm1 >= 0) {
    // the model-free plateau is the reported ρ_QF when Eq. 2 is not sound
    if (!eq2Sound(fs)) quantities.rhoQF_ohm = { value: plateau.level, uncertainty: plateau.se };
  }
  if (tr.normalState) secondary.push(tr.normalState.note);
  const tcReason = tr.tc90
    ? tr.normalState
      ? `Tc (90 % of the normal state under the transition) = ${fmtPm(tr.tc90.value, tr.tc90.uncertainty, "K")}`
      : `Tc (90 % of R_n = ${fmt(rN)} Ω, the normal state just above the drop) = ${fmtPm(tr.tc90.value, tr.tc90.uncertainty, "K")}`
    : null;
  if (tcReason) secondary.push(tcReason);
  return { Ldrop: metalTail ? Math.min(tr.L, -4) : tr.L, Lm1, dropReason: metalTail ?? tr.reason, reason, secondary, tcReason, fits, fs, transition, metal: tr.metal, quantities, flag, readout: zero.readout, tr, plateau, zero };
}
