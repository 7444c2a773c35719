/**
 * analyzeCurve: clean the curve, gather the evidence a careful experimentalist would, and answer
 * S, M1, M2, I1 or I2 with a calibrated confidence, the deciding evidence and a runner-up — or
 * that no SIT label applies (phase null), or that the data cannot decide (inconclusive), each
 * with a reason code. See server/fitting/README.md for the physics of every step.
 *
 *  1. input (preprocess.ts) and channel (evidence/channel.ts): a dead or Hall channel carries no
 *     phase;
 *  2. noise, outliers, the smoothed profile (evidence/profile.ts) and the direction
 *     (evidence/direction.ts);
 *  3. the falling side (evidence/sc-side.ts: transition, metal law, zero test, plateau) and the
 *     rising side (evidence/insulating-side.ts: saturation; evidence/hopping-exponent.ts);
 *  4. re-entrance (evidence/reentrance.ts) and context (evidence/context.ts);
 *  5. the decision (decide.ts) and the calibration of its confidence (calibration.ts).
 */
import { filterCurve, makeCurveData, sliceCurve, type CurveData } from "../models/common";
import { fitWeakLocalization } from "../models/weak-localization";
import type { AnalyzeOptions, CurveAnalysis, CurveDiagnostics, CurveInput, Estimate, ModelFit, ModelId, Phase, QuantityKey, Readout } from "../types";
import { ENGINE_VERSION } from "../version";
import { calibrate } from "./calibration";
import { decide, type Leaf } from "./decide";
import { channelEvidence } from "./evidence/channel";
import { quantumResistanceNote, R_Q_PAIRS, seriesResistanceEvidence, weakLocalizationNote } from "./evidence/context";
import { directionEvidence } from "./evidence/direction";
import { analyzeInsSide, type InsResult } from "./evidence/insulating-side";
import { buildProfile } from "./evidence/profile";
import { reentranceEvidence } from "./evidence/reentrance";
import { coldDropEvidence } from "./evidence/cold-drop";
import { pinnedColdEnd } from "./evidence/pinned";
import { analyzeScSide, type ScSide } from "./evidence/sc-side";
import { fmt } from "./format";
import { estimateNoise, flagOutliers } from "./noise";
import { prepareCurve } from "./preprocess";
import { minOver } from "./scan";
import { cleanFit, cleanRecord, crudeGuess, defaultModel, earlyAnswer, emptyDiagnostics, est, interpAt } from "./result";
import { scratchF64 } from "../workspace";

interface Resolved {
  minPoints: number;
  minWindowRatio: number;
  outlierSigma: number;
  pBoundary: number;
  wlMinT: number;
  inconclusiveBelow: number;
  allCandidates: boolean;
  rawConfidence: boolean;
}

function resolve(o: AnalyzeOptions): Resolved {
  return {
    minPoints: Math.max(4, o.minPoints ?? 8),
    minWindowRatio: o.minWindowRatio ?? 1.5,
    outlierSigma: o.outlierSigma ?? 6,
    pBoundary: o.pBoundary ?? 0.75,
    wlMinT: o.wlMinT ?? 1,
    inconclusiveBelow: o.inconclusiveBelow ?? 0.6,
    allCandidates: o.allCandidates ?? true,
    rawConfidence: o.rawConfidence ?? false,
  };
}

function readoutOf(input: unknown): Readout {
  const r = (input as { readout?: unknown } | null)?.readout;
  return r === "signed" || r === "magnitude" ? r : "unknown";
}

export function analyzeCurve(input: unknown, options: AnalyzeOptions = {}): CurveAnalysis {
  const readout = readoutOf(input);
  try {
    return analyze(input as Partial<CurveInput>, resolve(options ?? {}), readout);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return earlyAnswer({ diag: emptyDiagnostics(), phase: null, reasonCode: "fit_failed", reason: `analysis failed: ${message}`, confidence: 0.2, inconclusive: true, readout });
  }
}

/**
 * Readings near zero at the cold end (a coarse sweep's zero-resistance readings) and readings
 * between their neighbours are data, never spikes. A reading ≤ 0 amid readings far above zero is a glitch: excluded from the fits like a
 * spike (and reported with them), not dropped.
 */
function reviewZeroReadings(d: CurveData, flags: Uint8Array, floor: number): void {
  let rMax = 0;
  for (let i = 0; i < d.n; i++) rMax = Math.max(rMax, d.R[i]!);
  const band = Math.max(3 * floor, 1e-3 * rMax);
  let cold = 0;
  for (; cold < d.n && Math.abs(d.R[cold]!) <= band; cold++) flags[cold] = 0;
  // a spike is a local extremum: a reading between its two neighbours (a sparsely sampled steep
  // transition) is never one
  for (let i = 1; i + 1 < d.n; i++) {
    const a = d.R[i - 1]!;
    const b = d.R[i + 1]!;
    if (flags[i] && (d.R[i]! - a) * (b - d.R[i]!) >= 0) flags[i] = 0;
  }
  const around = scratchF64("an.around", 10);
  for (let i = cold; i < d.n; i++) {
    if (d.R[i]! > 0) continue;
    let m = 0;
    for (let j = Math.max(0, i - 5); j <= Math.min(d.n - 1, i + 5); j++) if (j !== i) around[m++] = d.R[j]!;
    // a lone reading ≤ 0 among positive neighbours
    let positive = true;
    for (let j = 0; j < m; j++) if (!(around[j]! > 0)) positive = false;
    if (m >= 4 && positive) flags[i] = 1;
  }
}

// The loops of the analysis live in small functions of their own, not in analyze (see scan.ts).

/** The readings without those that repeat the pinned value (evidence/pinned.ts). */
function withoutPinned(T: Float64Array, R: Float64Array, value: number): { T: Float64Array; R: Float64Array } {
  let m = 0;
  for (let i = 0; i < R.length; i++) if (R[i] !== value) m++;
  const Tk = scratchF64("an.unpinnedT", m);
  const Rk = scratchF64("an.unpinnedR", m);
  for (let i = 0, j = 0; i < R.length; i++) {
    if (R[i] === value) continue;
    Tk[j] = T[i]!;
    Rk[j++] = R[i]!;
  }
  return { T: Tk, R: Rk };
}

/** Number of flagged readings. */
function countFlags(flags: Uint8Array): number {
  let k = 0;
  for (let i = 0; i < flags.length; i++) k += flags[i]!;
  return k;
}

/** The temperatures of the first five flagged readings, for the warning. */
function flaggedTemperatures(T: Float64Array, flags: Uint8Array): string {
  const temps: string[] = [];
  for (let i = 0; i < flags.length && temps.length < 5; i++) if (flags[i]) temps.push(fmt(T[i]!));
  return temps.join(", ");
}

/** Copy the estimates of one side into the curve's quantities (in their order). */
function copyQuantities(into: Partial<Record<QuantityKey, Estimate>>, from: Partial<Record<QuantityKey, Estimate>>): void {
  for (const k of Object.keys(from) as QuantityKey[]) {
    const v = from[k];
    if (v) into[k] = v;
  }
}

function analyze(input: Partial<CurveInput>, opts: Resolved, readoutIn: Readout): CurveAnalysis {
  const prep = prepareCurve(input, true);
  const diag: CurveDiagnostics = { ...emptyDiagnostics(prep.nPoints), dropped: prep.dropped, warnings: prep.warnings };
  const early = (phase: Phase | null, code: Parameters<typeof earlyAnswer>[0]["reasonCode"], reason: string, confidence: number, inconclusive: boolean) =>
    earlyAnswer({ diag, phase, reasonCode: code, reason, confidence, inconclusive, readout: readoutIn });
  if (prep.error) return early(null, "invalid_input", prep.error, 0.2, true);
  diag.nUsed = prep.T.length;
  if (prep.T.length > 0) {
    diag.Tmin = prep.T[0]!;
    diag.Tmax = prep.T[prep.T.length - 1]!;
  }
  // 1. a channel that carries no phase
  const channel = channelEvidence(prep.R);
  if (channel.code) return early(null, channel.code, channel.reason, 0.95, false);
  if (prep.T.length < 3) return early(crudeGuess(prep.R), "too_few_points", `too few valid points (${prep.T.length}) to analyse the curve`, 0.2, true);
  // readings pinned at an instrument limit are set aside before any estimate sees them
  const pinned = pinnedColdEnd(prep.T, prep.R);
  const kept = pinned ? withoutPinned(prep.T, prep.R, pinned.value) : prep;
  if (pinned) {
    diag.warnings.push(`${pinned.k} readings of exactly ${fmt(pinned.value)} Ω at the cold end set aside: an instrument limit, not the film`);
    if (kept.T.length < opts.minPoints) return early(crudeGuess(kept.R), "instrument_limit", pinned.reason, 0.2, true);
  }

  // 2. noise and outliers (robust estimates, not re-estimated after the exclusion)
  const d0 = makeCurveData(kept.T, kept.R, "an.d0");
  const noise = estimateNoise(d0.lnT, d0.R, d0.lnR);
  const floor0 = Number.isFinite(noise.floor) ? noise.floor : 0;
  const flags = flagOutliers(d0.R, noise.relative, floor0, opts.outlierSigma, d0.lnT, d0.lnR);
  reviewZeroReadings(d0, flags, floor0);
  const coldDrop = coldDropEvidence(d0.T, d0.R, flags);
  const nOut = countFlags(flags);
  let d: CurveData = d0;
  if (nOut > 0 && nOut <= d0.n / 4) {
    diag.warnings.push(`${nOut} outlier(s) excluded from the fits (more than ${opts.outlierSigma}σ off their neighbours) at T = ${flaggedTemperatures(d0.T, flags)}${nOut > 5 ? ", …" : ""} K`);
    d = filterCurve(d0, flags, "an.d1");
  } else if (nOut > 0) {
    diag.warnings.push(`${nOut} points deviate strongly from their neighbours; the curve is very noisy`);
  }
  const n = d.n;
  diag.nUsed = n;
  diag.Tmin = d.T[0]!;
  diag.Tmax = d.T[n - 1]!;
  const sigmaRel = Number.isFinite(noise.relative) && noise.relative > 0 ? noise.relative : 1e-4;
  diag.relativeNoise = Number.isFinite(noise.relative) ? noise.relative : null;
  if (n < opts.minPoints) return early(crudeGuess(d.R), "too_few_points", `too few valid points (${n} < ${opts.minPoints}) to fit the models`, 0.2, true);
  const windowRatio = d.T[n - 1]! / d.T[0]!;
  const shortWindow = windowRatio < opts.minWindowRatio;

  // 3. profile and direction
  const profile = buildProfile(d, sigmaRel);
  const dir = directionEvidence(d, profile, noise.floor);
  const quantities: Partial<Record<QuantityKey, Estimate>> = {};
  const put = (key: QuantityKey, e: Estimate | undefined) => {
    if (e) quantities[key] = e;
  };
  put("Rmin_ohm", est(minOver(profile.levR.level, 0, profile.G - 1), null));
  const inWindow = (t: number) => t >= d.T[0]! && t <= d.T[n - 1]!;
  const r350 = inWindow(0.35) && inWindow(300) ? interpAt(d.lnT, profile.smoothR(), 0.35) : null;
  const r300 = inWindow(300) ? interpAt(d.lnT, profile.smoothR(), 300) : null;
  if (r300 !== null) put("R300K_ohm", est(r300, r300 * sigmaRel));
  if (r350 !== null && r300 !== null && r300 > 0) put("ratio350mK300K", est(r350 / r300, (Math.abs(r350) / r300) * sigmaRel * Math.SQRT2));

  // 4. both sides, as far as the direction leaves them open
  const candidates: ModelFit[] = [];
  const secondary: string[] = [];
  let converged = true;
  const sc: ScSide | null = dir.side !== "ins" || dir.pSc > 0.02 ? analyzeScSide(d, profile, noise, readoutIn, diag, input.P_GPa) : null;
  if (sc) {
    candidates.push(...sc.fits);
    copyQuantities(quantities, sc.quantities);
    if (dir.side === "sc") secondary.push(...sc.secondary);
  }
  const tPeak = sc && dir.side === "sc" ? sc.tr.tOnset : 0;
  const wl = fitWlIfPossible(d, opts, tPeak);
  if (wl) {
    candidates.push(wl);
    put("wlG0_S", est(wl.params.G0_S!, wl.uncertainties.G0_S));
    put("wlA_S", est(wl.params.A_S!, wl.uncertainties.A_S));
  }
  let ins: InsResult | null = null;
  if (dir.side !== "sc" || dir.pSc < 0.98) {
    ins = analyzeInsSide(d, profile.centres, profile.prof, sigmaRel, opts, profile.kPeak, dir.fall, dir.hump);
    if (ins) {
      candidates.push(...ins.fits);
      copyQuantities(quantities, ins.quantities);
      if (dir.side === "ins") secondary.push(...ins.secondary);
    } else if (dir.side === "ins") converged = false;
  }
  const reentrance = reentranceEvidence(d, profile, Math.max(floor0, 0), sc ? sc.zero.L : NaN);

  // 5. context: the series of this film, the quantum of resistance, weak localization
  let isSeries = false;
  if (sc?.plateau && sc.Lm1 >= 0) {
    const series = seriesResistanceEvidence(sc.plateau.level, sc.plateau.se, input.H_Oe, input.context);
    if (series.verdict === "series") {
      isSeries = true;
      sc.Ldrop = Math.min(sc.Ldrop, -4);
      sc.dropReason = series.reason;
      sc.flag = null;
    } else if (series.verdict === "field_dependent") {
      if (sc.flag?.code === "series_resistance") sc.flag = null;
      secondary.push(series.reason);
    } else if (input.fourProbe === false && !sc.flag) {
      sc.flag = {
        code: "series_resistance",
        text: `measured with two probes: the contacts and leads are in series with the film, and a plateau of ${fmt(sc.plateau.level)} Ω is what they would leave below a complete transition; one curve cannot tell it from a failed superconductor's ρ_QF (a field series, or four probes, can)`,
      };
    }
  }

  const decision = decide({ dir, sc, ins, reentrance, shortWindow, windowRatio, minWindowRatio: opts.minWindowRatio, inconclusiveBelow: opts.inconclusiveBelow, converged, tMinK: d.T[0]!, coldDrop, pinned: pinned?.reason ?? null });
  const leaf = decision.leaf;
  const phase: Phase | null = leaf === "NONE" ? null : leaf;
  const reasonCode = isSeries && leaf === "NONE" ? "series_resistance" : decision.reasonCode;
  if (phase === "S" || phase === "M1") {
    if (sc && input.isSheetResistance) secondary.push(quantumResistanceNote(sc.tr.rNormal));
    if (sc && input.isSheetResistance) put("RoverRQ", est(sc.tr.rNormal / R_Q_PAIRS, null));
  } else {
    // no transition: no Tc, and no Eq. 2 tail (ρ_QF, ρ0, E_aS) of a drop that is not there
    delete quantities.Tc90_K;
    delete quantities.Tc50_K;
    delete quantities.Tc10_K;
    delete quantities.TcOnset_K;
    delete quantities.rhoQF_ohm;
    delete quantities.rho0_ohm;
    delete quantities.EaS_K;
    const tcLine = sc?.tcReason ? secondary.indexOf(sc.tcReason) : -1;
    if (tcLine >= 0) secondary.splice(tcLine, 1);
  }
  if (wl && (phase === "M2" || phase === "I2" || phase === "I1")) secondary.push(weakLocalizationNote(wl.params.A_S!));
  const chosen: Partial<Record<Leaf, ModelFit | null>> = {
    S: sc?.transition ?? sc?.fs ?? null,
    M1: sc?.fs ?? null,
    M2: ins?.fi ?? null,
    I1: ins?.arrhenius ?? null,
    I2: ins?.vrh ?? null,
    NONE: leaf === "NONE" && decision.reasonCode === "metallic_no_transition" ? (sc?.metal ?? null) : null,
  };
  const fit = chosen[leaf] ?? null;
  if (fit && !fit.converged) diag.warnings.push(`the ${fit.model} fit did not converge; its parameters are approximate`);
  const modelFor = (l: Leaf): ModelId | null => chosen[l]?.model ?? defaultModel(l === "NONE" ? null : l);
  const kind = leaf === "NONE" ? "none" : decision.inconclusive ? "inconclusive" : "conclusive";
  const capped = decision.inconclusive && (reasonCode === "short_window" || reasonCode === "flat") ? Math.min(decision.raw, 0.5) : decision.raw;
  const runner = decision.runner;
  return {
    engineVersion: ENGINE_VERSION,
    phase,
    confidence: opts.rawConfidence ? capped : calibrate(capped, kind, reasonCode),
    inconclusive: decision.inconclusive,
    inconclusiveReason: decision.inconclusiveReason,
    reasonCode,
    readout: sc?.readout ?? readoutIn,
    model: modelFor(leaf),
    params: fit ? cleanRecord(fit.params) : {},
    uncertainties: fit ? cleanRecord(fit.uncertainties) : {},
    reasons: [...decision.reasons, ...secondary.filter((s) => !decision.reasons.includes(s))],
    runnerUp: { phase: runner === "NONE" ? null : runner, model: modelFor(runner), confidence: Math.min(1, Math.max(0, decision.probs[runner])) },
    candidates: (opts.allCandidates ? candidates : candidates.filter((c) => c === fit)).map(cleanFit),
    quantities,
    diagnostics: diag,
  };
}

function fitWlIfPossible(d: CurveData, opts: Resolved, tPeak: number): ModelFit | null {
  const tLow = Math.max(opts.wlMinT, 1.5 * tPeak, d.T[0]!);
  if (d.T[d.n - 1]! < 2 * tLow) return null;
  let i0 = 0;
  while (i0 < d.n && d.T[i0]! < tLow) i0++;
  if (d.n - i0 < 6) return null;
  for (let i = i0; i < d.n; i++) if (!(d.R[i]! > 0)) return null;
  return fitWeakLocalization(sliceCurve(d, i0, d.n));
}
