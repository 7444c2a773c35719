/**
 * analyzeCurve: clean the curve, fit the candidate models and label it
 * S, M1, M2, I1 or I2 with a confidence, the deciding evidence and a runner-up.
 *
 * Decision structure (see server/fitting/README.md for the physics):
 *  1. side — does R fall on cooling (superconducting side: S/M1) or rise
 *     (insulating side: M2/I1/I2)? Judged from smoothed levels at the low and
 *     high ends of the window and at the maximum.
 *  2a. S vs M1 — is the zero-temperature resistance ρ_QF of Eq. 2 finite?
 *     Judged against both its fitted uncertainty and the noise floor, and
 *     whether a plateau is actually reached inside the window.
 *  2b. M2 vs I — does the logarithmic derivative w = −d ln R/d ln T turn over
 *     and fall toward 0 at the lowest temperatures (saturation), and does
 *     Eq. 1 beat every hopping law by AICc?
 *  3. I1 vs I2 — hopping exponent p (free-p fit, p ≥ 0.75 → I1), with AICc of
 *     Arrhenius vs ES/Mott and the Zabrodskii slope as second opinions.
 * Each binary decision yields log-odds; the five phase probabilities are
 * products along the tree; phase = argmax, confidence = its probability.
 */
import { scratchF64 } from "../workspace";
import { ENGINE_VERSION } from "../version";
import type { AnalyzeOptions, CurveAnalysis, CurveDiagnostics, Estimate, ModelFit, ModelId, Phase, QuantityKey } from "../types";
import { filterCurve, makeCurveData, sliceCurve, type CurveData } from "../models/common";
import { fitFixedHopping, fitFreeHopping, type FreeHoppingFit } from "../models/hopping";
import { fitFailedInsulator, fitFailedSuperconductor, type SaturationFit } from "../models/saturation";
import { logisticFromTc } from "../models/sc-transition";
import { fitWeakLocalization } from "../models/weak-localization";
import { fmt, fmtPm } from "./format";
import { estimateNoise, flagOutliers, type NoiseEstimate } from "./noise";
import { prepareCurve } from "./preprocess";
import { zabrodskiiFit } from "./log-derivative";
import { localLinearAt, runningLocalLinear, type GridProfile } from "./smoothing";

interface Resolved {
  minPoints: number;
  minWindowRatio: number;
  outlierSigma: number;
  pBoundary: number;
  wlMinT: number;
  inconclusiveBelow: number;
  allCandidates: boolean;
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
  };
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Fraction of the maximum of w below which the high-T side is no longer fitted by the insulating laws. */
const ACTIVATED_FRACTION = 0.15;
const clip = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

function est(value: number, unc: number | null | undefined): Estimate | undefined {
  if (!Number.isFinite(value)) return undefined;
  return { value, uncertainty: unc !== undefined && unc !== null && Number.isFinite(unc) ? unc : null };
}

function cleanRecord(r: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(r)) if (Number.isFinite(v)) out[k] = v;
  return out;
}

function cleanFit(f: ModelFit): ModelFit {
  return {
    model: f.model,
    space: f.space,
    window: f.window,
    dof: f.dof,
    converged: f.converged,
    iterations: f.iterations,
    params: cleanRecord(f.params),
    uncertainties: cleanRecord(f.uncertainties),
    rss: Number.isFinite(f.rss) ? f.rss : NaN,
    aicc: Number.isFinite(f.aicc) ? f.aicc : NaN,
    bic: Number.isFinite(f.bic) ? f.bic : NaN,
  };
}

/** Crude direction-only guess used when the data are too poor for the analysis. */
function crudeGuess(T: Float64Array, R: Float64Array): Phase {
  const n = R.length;
  if (n < 2) return "S";
  const k = Math.max(1, Math.floor(n / 5));
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < k; i++) {
    lo += R[i]!;
    hi += R[n - 1 - i]!;
  }
  lo /= k;
  hi /= k;
  if (lo < hi) return lo < 0.05 * hi ? "S" : "M1";
  return lo > 1.05 * hi ? "I1" : "M2";
}

function baseResult(diag: CurveDiagnostics, phase: Phase, reason: string, confidence = 0.2): CurveAnalysis {
  return {
    engineVersion: ENGINE_VERSION,
    phase,
    confidence,
    inconclusive: true,
    inconclusiveReason: reason,
    model: phase === "S" ? "sc_transition" : phase === "M1" ? "failed_superconductor" : phase === "M2" ? "failed_insulator" : phase === "I1" ? "arrhenius" : "es_vrh",
    params: {},
    uncertainties: {},
    reasons: [reason],
    runnerUp: null,
    candidates: [],
    quantities: {},
    diagnostics: diag,
  };
}

interface Interp {
  T: number;
  index: number;
}

/** Temperature where the smoothed curve crosses `level` when going down in T from `from`. */
function crossingBelow(T: Float64Array, s: Float64Array, from: number, level: number): Interp | null {
  for (let j = from; j >= 1; j--) {
    const a = s[j - 1]!;
    const b = s[j]!;
    if (a < level && b >= level) {
      const t = (level - a) / (b - a);
      return { T: T[j - 1]! + t * (T[j]! - T[j - 1]!), index: j };
    }
  }
  return null;
}

/** Linear interpolation of the smoothed curve in ln T at temperature t (null outside the window). */
function interpAt(lnT: Float64Array, s: Float64Array, t: number): number | null {
  const x = Math.log(t);
  const n = lnT.length;
  if (x < lnT[0]! || x > lnT[n - 1]!) return null;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (lnT[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const span = lnT[hi]! - lnT[lo]!;
  const f = span > 0 ? (x - lnT[lo]!) / span : 0;
  return s[lo]! + f * (s[hi]! - s[lo]!);
}

interface PhaseProbabilities {
  S: number;
  M1: number;
  M2: number;
  I1: number;
  I2: number;
}

export function analyzeCurve(input: unknown, options: AnalyzeOptions = {}): CurveAnalysis {
  try {
    return analyze(input as { T?: unknown; R?: unknown }, resolve(options ?? {}));
  } catch (err) {
    const diag: CurveDiagnostics = {
      nPoints: 0,
      nUsed: 0,
      Tmin: NaN,
      Tmax: NaN,
      noiseFloor: null,
      relativeNoise: null,
      dropped: [],
      warnings: [],
    };
    const message = err instanceof Error ? err.message : String(err);
    return baseResult(diag, "S", `analysis failed: ${message}`, 0.2);
  }
}

function analyze(input: { T?: unknown; R?: unknown }, opts: Resolved): CurveAnalysis {
  const prep = prepareCurve(input, true);
  const diag: CurveDiagnostics = {
    nPoints: prep.nPoints,
    nUsed: 0,
    Tmin: NaN,
    Tmax: NaN,
    noiseFloor: null,
    relativeNoise: null,
    dropped: prep.dropped,
    warnings: prep.warnings,
  };
  if (prep.error) return baseResult(diag, "S", prep.error, 0.2);
  if (prep.T.length < 3) {
    return baseResult(diag, crudeGuess(prep.T, prep.R), `too few valid points (${prep.T.length}) to analyse the curve`, 0.2);
  }

  // ---- noise and outliers (the estimates are medians: robust to the spikes
  // they are used to find, so they are not re-estimated afterwards)
  const d0 = makeCurveData(prep.T, prep.R, "an.d0");
  const noise: NoiseEstimate = estimateNoise(d0.lnT, d0.R, d0.lnR);
  const floor0 = Number.isFinite(noise.floor) ? noise.floor : 0;
  const flags = flagOutliers(d0.R, noise.relative, floor0, opts.outlierSigma, d0.lnT, d0.lnR);
  let nOut = 0;
  for (let i = 0; i < flags.length; i++) nOut += flags[i]!;
  let d: CurveData = d0;
  if (nOut > 0 && nOut <= d0.n / 4) {
    const temps: string[] = [];
    for (let i = 0; i < flags.length && temps.length < 5; i++) if (flags[i]) temps.push(fmt(d0.T[i]!));
    diag.warnings.push(
      `${nOut} outlier(s) excluded from the fits (more than ${opts.outlierSigma}σ off their neighbours) at T = ${temps.join(", ")}${nOut > 5 ? ", …" : ""} K`,
    );
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

  if (n < opts.minPoints) {
    return baseResult(diag, crudeGuess(d.T, d.R), `too few valid points (${n} < ${opts.minPoints}) to fit the models`, 0.2);
  }
  const windowRatio = d.T[n - 1]! / d.T[0]!;
  const shortWindow = windowRatio < opts.minWindowRatio;

  // ---- smoothed levels and the logarithmic derivative on a grid in ln T
  const x0 = d.lnT[0]!;
  const x1 = d.lnT[n - 1]!;
  const span = x1 - x0;
  const G = clip(Math.round(span / 0.12), 6, 48);
  const centres = new Float64Array(G);
  for (let k = 0; k < G; k++) centres[k] = x0 + (span * k) / (G - 1);
  const h = Math.min(Math.max(span / (G - 1), (4 * span) / n), span / 3);
  const levR = localLinearAt(d.lnT, d.R, centres, h, 3);
  const prof = localLinearAt(d.lnT, d.lnR, centres, h, 4);
  // where the window holds only positive resistances, the level is taken in
  // ln R (a straight line in R is useless across decades of an insulator);
  // where it reaches zero (a superconductor), in R
  for (let k = 0; k < G; k++) {
    if (prof.count[k] === levR.count[k] && Number.isFinite(prof.level[k]!)) levR.level[k] = Math.exp(prof.level[k]!);
  }

  let kPeak = 0;
  for (let k = 1; k < G; k++) if (levR.level[k]! > levR.level[kPeak]!) kPeak = k;
  const rPeak = levR.level[kPeak]!;
  const rLo = levR.level[0]!;
  const rHi = levR.level[G - 1]!;
  const edgeCount = Math.max(1, Math.min(levR.count[0]!, levR.count[G - 1]!));
  const delta = Math.max(0.03, (6 * sigmaRel) / Math.sqrt(edgeCount));
  const fall = rPeak > 0 ? 1 - rLo / rPeak : 0;
  const tiny = Math.max(1e-9 * Math.abs(rPeak), noise.floor > 0 ? noise.floor : 0);
  const net = rHi > 0 ? Math.log(Math.max(rLo, tiny) / rHi) : 0;

  // how insulating is the rise above the maximum? (max of w on the high-T side)
  let wRise = 0;
  for (let k = kPeak + 1; k < G; k++) {
    const sl = prof.slope[k]!;
    if (Number.isFinite(sl) && -sl > wRise) wRise = -sl;
  }
  const rose = rPeak > rHi * (1 + delta);
  let side: "sc" | "ins" | "flat";
  let pSc: number;
  let hump = false;
  if (fall >= 0.85) {
    side = "sc";
    pSc = 0.995;
  } else if (fall > delta && net < -delta && (!rose || wRise < 1)) {
    side = "sc";
    pSc = fall >= 0.5 || net < -3 * delta ? 0.995 : 0.5 + 0.49 * Math.min(1, Math.max(-net, fall) / (3 * delta));
  } else if (fall > delta) {
    // a maximum followed by a partial drop that ends above the high-T value:
    // either a superconducting drop below a weakly insulating normal state
    // (M1 needs ρ_QF ≪ the normal state, i.e. a large drop, and a rise that
    // is only a power law or logarithm, w < 1) or a small superconducting
    // peak on an insulating curve that levels off (M2)
    hump = true;
    pSc = logistic(clip(12 * (fall - 0.4) + clip((1 - wRise) / 0.25, -3, 3), -8, 8));
    side = pSc >= 0.5 ? "sc" : "ins";
  } else if (net > delta) {
    side = "ins";
    pSc = net > 3 * delta ? 0.005 : 0.5 - 0.49 * Math.min(1, net / (3 * delta));
  } else {
    side = "flat";
    pSc = net < 0 ? 0.55 : 0.45;
  }

  const candidates: ModelFit[] = [];
  const quantities: Partial<Record<QuantityKey, Estimate>> = {};
  const reasons: string[] = [];
  const secondary: string[] = [];
  const put = (key: QuantityKey, e: Estimate | undefined) => {
    if (e) quantities[key] = e;
  };

  // global quantities
  let rMinLevel = Infinity;
  for (let k = 0; k < G; k++) if (levR.level[k]! < rMinLevel) rMinLevel = levR.level[k]!;
  put("Rmin_ohm", est(rMinLevel, null));
  let smoothCache: Float64Array | null = null;
  const smoothR = () => (smoothCache ??= runningLocalLinear(d.lnT, d.R, clip(Math.round(n / 60), 2, 8), scratchF64("an.smooth", n)));
  const inWindow = (t: number) => t >= d.T[0]! && t <= d.T[n - 1]!;
  const r350 = inWindow(0.35) && inWindow(300) ? interpAt(d.lnT, smoothR(), 0.35) : null;
  const r300 = inWindow(300) ? interpAt(d.lnT, smoothR(), 300) : null;
  if (r300 !== null) put("R300K_ohm", est(r300, r300 * sigmaRel));
  if (r350 !== null && r300 !== null && r300 > 0) put("ratio350mK300K", est(r350 / r300, (Math.abs(r350) / r300) * sigmaRel * Math.SQRT2));

  // weak localisation above Tc / in the upper part of the window
  const wlFit = fitWlIfPossible(d, opts, side === "sc" ? Math.exp(centres[kPeak]!) : 0);
  if (wlFit) {
    candidates.push(wlFit);
    put("wlG0_S", est(wlFit.params.G0_S!, wlFit.uncertainties.G0_S));
    put("wlA_S", est(wlFit.params.A_S!, wlFit.uncertainties.A_S));
  }

  const probs: PhaseProbabilities = { S: 0, M1: 0, M2: 0, I1: 0, I2: 0 };
  const chosen: Partial<Record<Phase, ModelFit>> = {};
  let converged = true;

  // ---------------------------------------------------------------- SC side
  let pM1 = 0.5;
  let scReason = "";
  const doSc = side !== "ins" || pSc > 0.02;
  if (doSc) {
    const sc = analyzeScSide(d, smoothR(), noise, sigmaRel, diag);
    pM1 = sc.pM1;
    scReason = sc.reason;
    for (const f of sc.fits) candidates.push(f);
    for (const [k, v] of Object.entries(sc.quantities)) put(k as QuantityKey, v);
    if (sc.fs) chosen.M1 = sc.fs;
    chosen.S = sc.transition ?? sc.fs ?? undefined;
    if (side === "sc") {
      if (!sc.decided) converged = false;
      secondary.push(...sc.secondary);
    }
  }
  // ---------------------------------------------------------------- insulating side
  let pM2 = 0.5;
  let pI1 = 0.5;
  let insReason = "";
  let i1Reason = "";
  const doIns = side !== "sc" || pSc < 0.98;
  if (doIns) {
    const ins = analyzeInsSide(d, centres, prof, sigmaRel, opts, kPeak, fall, hump);
    if (ins) {
      pM2 = ins.pM2;
      pI1 = ins.pI1;
      insReason = ins.reason;
      i1Reason = ins.i1Reason;
      for (const f of ins.fits) candidates.push(f);
      for (const [k, v] of Object.entries(ins.quantities)) put(k as QuantityKey, v);
      chosen.M2 = ins.fi ?? undefined;
      chosen.I1 = ins.arrhenius ?? undefined;
      chosen.I2 = ins.vrh ?? undefined;
      if (side === "ins") secondary.push(...ins.secondary);
    } else if (side === "ins") {
      converged = false;
    }
  }

  probs.S = pSc * (1 - pM1);
  probs.M1 = pSc * pM1;
  probs.M2 = (1 - pSc) * pM2;
  probs.I1 = (1 - pSc) * (1 - pM2) * pI1;
  probs.I2 = (1 - pSc) * (1 - pM2) * (1 - pI1);
  // degenerate data (e.g. R = 0 everywhere) can leave undefined odds: even
  for (const k of Object.keys(probs) as Phase[]) if (!Number.isFinite(probs[k])) probs[k] = 0.2;
  const order = (Object.keys(probs) as Phase[]).sort((a, b) => probs[b] - probs[a]);
  const phase = order[0]!;
  const runner = order[1]!;
  const confidence = clip(probs[phase], 0, 0.995);

  // ---- direction evidence, always reported
  const dirText =
    side === "sc"
      ? `R falls on cooling: R(${fmt(d.T[0]!)} K) = ${fmt(Math.max(rLo, 0))} Ω is ${fmt(100 * (1 - fall))} % of R_max = ${fmt(rPeak)} Ω`
      : side === "ins"
        ? `R rises on cooling: R(${fmt(d.T[0]!)} K)/R(${fmt(d.T[n - 1]!)} K) = ${fmt(Math.exp(net))}`
        : `R changes little across the window: R(${fmt(d.T[0]!)} K)/R(${fmt(d.T[n - 1]!)} K) = ${fmt(Math.exp(net))}`;

  if (side === "flat") reasons.push(dirText);
  if (phase === "S" || phase === "M1") reasons.push(scReason || dirText, dirText);
  else if (phase === "M2") reasons.push(insReason || dirText, dirText);
  else reasons.push(i1Reason || insReason || dirText, insReason || dirText, dirText);
  for (const s of secondary) reasons.push(s);
  const uniqueReasons = reasons.filter((r, i) => r && reasons.indexOf(r) === i);

  const modelFor = (p: Phase): ModelId =>
    chosen[p]?.model ?? (p === "S" ? "sc_transition" : p === "M1" ? "failed_superconductor" : p === "M2" ? "failed_insulator" : p === "I1" ? "arrhenius" : "es_vrh");
  const fit = chosen[phase];

  // ---- inconclusive?
  let inconclusiveReason: string | null = null;
  if (shortWindow) inconclusiveReason = `temperature window too short (Tmax/Tmin = ${fmt(windowRatio)} < ${opts.minWindowRatio})`;
  else if (side === "flat") inconclusiveReason = `the curve is nearly flat (R(Tmin)/R(Tmax) = ${fmt(Math.exp(net))}); direction undecided`;
  else if (!converged) inconclusiveReason = "the fits the decision rests on did not converge";
  else if (confidence < opts.inconclusiveBelow)
    inconclusiveReason = `weak or contradictory evidence: ${phase} (${fmt(probs[phase], 2)}) vs ${runner} (${fmt(probs[runner], 2)})`;
  if (fit && !fit.converged) diag.warnings.push(`the ${fit.model} fit did not converge; its parameters are approximate`);
  const finalConfidence = inconclusiveReason && (shortWindow || side === "flat") ? Math.min(confidence, 0.5) : confidence;

  return {
    engineVersion: ENGINE_VERSION,
    phase,
    confidence: finalConfidence,
    inconclusive: inconclusiveReason !== null,
    inconclusiveReason,
    model: modelFor(phase),
    params: fit ? cleanRecord(fit.params) : {},
    uncertainties: fit ? cleanRecord(fit.uncertainties) : {},
    reasons: inconclusiveReason ? [...uniqueReasons, `inconclusive: ${inconclusiveReason}`] : uniqueReasons,
    runnerUp: { phase: runner, model: modelFor(runner), confidence: clip(probs[runner], 0, 1) },
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

interface ScResult {
  pM1: number;
  /** false when the decision had to rest on a fit that did not converge */
  decided: boolean;
  reason: string;
  secondary: string[];
  fits: ModelFit[];
  fs: SaturationFit | null;
  transition: ModelFit | null;
  quantities: Partial<Record<QuantityKey, Estimate>>;
}

interface Plateau {
  /** number of lowest-temperature points in the plateau */
  k: number;
  level: number;
  se: number;
  tTop: number;
}

/**
 * Model-free plateau at the low-temperature end: the largest set of lowest-T
 * points (searched from the lower half of the drop downward) over which a
 * weighted straight line in ln T changes by no more than its 3σ error plus
 * 10 % of the level (the usual "saturated" criterion R − ρ_QF < 0.1 ρ_QF).
 */
function findPlateau(d: CurveData, sigma: Float64Array, kMax: number): Plateau | null {
  let k = Math.min(kMax, d.n);
  while (k >= 4) {
    let sw = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < k; i++) {
      const w = 1 / (sigma[i]! * sigma[i]!);
      sw += w;
      sx += w * d.lnT[i]!;
      sy += w * d.R[i]!;
    }
    const mx = sx / sw;
    const my = sy / sw;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < k; i++) {
      const w = 1 / (sigma[i]! * sigma[i]!);
      const dx = d.lnT[i]! - mx;
      sxx += w * dx * dx;
      sxy += w * dx * (d.R[i]! - my);
    }
    const b = sxx > 0 ? sxy / sxx : 0;
    let chi2 = 0;
    for (let i = 0; i < k; i++) {
      const e = (d.R[i]! - my - b * (d.lnT[i]! - mx)) / sigma[i]!;
      chi2 += e * e;
    }
    const red = Math.max(1, k > 2 ? chi2 / (k - 2) : 1);
    const span = d.lnT[k - 1]! - d.lnT[0]!;
    const change = Math.abs(b) * span;
    const seChange = sxx > 0 ? Math.sqrt(red / sxx) * span : Infinity;
    // a straight line must describe the stretch (no part of the drop inside)
    if (red <= 4 && change <= 3 * seChange + 0.1 * Math.abs(my)) {
      return { k, level: my, se: Math.sqrt(red / sw), tTop: d.T[k - 1]! };
    }
    k = Math.min(k - 1, Math.floor(k * 0.85));
  }
  return null;
}

function analyzeScSide(d: CurveData, smooth: Float64Array, noise: NoiseEstimate, sigmaRel: number, diag: CurveDiagnostics): ScResult {
  const n = d.n;
  const quantities: Partial<Record<QuantityKey, Estimate>> = {};
  const fits: ModelFit[] = [];
  const secondary: string[] = [];
  let iPeak = 0;
  for (let i = 1; i < n; i++) if (smooth[i]! > smooth[iPeak]!) iPeak = i;
  const rMax = smooth[iPeak]!;
  let rLow = Infinity;
  for (let i = 0; i <= iPeak; i++) if (smooth[i]! < rLow) rLow = smooth[i]!;
  const k = clip(Math.round(n / 60), 2, 8);
  // an instrument resolves at best ~6 decades below the normal state
  const floor = Math.max(Number.isFinite(noise.floor) ? noise.floor : 0, 1e-6 * Math.abs(rMax));
  diag.noiseFloor = floor;
  quantities.Rmax_ohm = { value: rMax, uncertainty: Math.hypot(floor, sigmaRel * rMax) / Math.sqrt(2 * k + 1) };
  const tcOf = (frac: number): Estimate | undefined => {
    const c = crossingBelow(d.T, smooth, iPeak, frac * rMax);
    if (!c) return undefined;
    const j = c.index;
    const dT = d.T[j]! - d.T[j - 1]!;
    const slope = (smooth[j]! - smooth[j - 1]!) / dT;
    const sR = Math.hypot(floor, sigmaRel * frac * rMax) / Math.sqrt(2 * k + 1);
    return { value: c.T, uncertainty: Math.hypot(slope > 0 ? sR / slope : dT, dT / Math.sqrt(12)) };
  };
  const tc90 = tcOf(0.9);
  const tc50 = tcOf(0.5);
  const tc10 = tcOf(0.1);
  if (tc90) quantities.Tc90_K = tc90;
  if (tc50) quantities.Tc50_K = tc50;
  if (tc10) quantities.Tc10_K = tc10;

  // noise model σ_i² = floor² + (σ_rel·R̃_i)² and weights
  const sigma = scratchF64("sc.sigma", n);
  const w = scratchF64("sc.w", n);
  for (let i = 0; i < n; i++) {
    const s = Math.max(smooth[i]!, 0);
    sigma[i] = Math.sqrt(floor * floor + (sigmaRel * s) ** 2);
    w[i] = 1 / (sigma[i]! * sigma[i]!);
  }
  const bottom = Math.max(rLow, 0);
  // Eq. 2 on the lower 80 % of the drop
  // Eq. 2 describes the low-temperature tail: fit it below 20 % of the drop
  // (widened to 50 %, then 80 %, when too few points lie there)
  let iEnd = iPeak + 1;
  for (const frac of [0.2, 0.5, 0.8]) {
    const cut = crossingBelow(d.T, smooth, iPeak, bottom + frac * (rMax - bottom));
    if (cut && cut.index + 1 >= 8) {
      iEnd = cut.index + 1;
      break;
    }
  }
  if (iEnd < 8) iEnd = Math.min(n, Math.max(iPeak + 1, 8));
  // plateau search below the middle of the drop
  const mid = crossingBelow(d.T, smooth, iPeak, bottom + 0.5 * (rMax - bottom));
  const plateau = findPlateau(d, sigma, mid ? mid.index : iPeak);
  const hasPlateau = !!plateau && plateau.k >= 4;
  // Eq. 2: LM-polished when the decision rests on it (no plateau) or when it
  // becomes the reported model (M1, below); otherwise the variable-projection
  // estimate is enough for the candidate list
  const fitFs = (polish: boolean) =>
    iEnd >= 5 ? fitFailedSuperconductor(sliceCurve(d, 0, iEnd), w.subarray(0, iEnd), { polish }) : null;
  let fs = fitFs(!hasPlateau);

  // the transition as a model: a logistic step through the interpolated Tc
  // points (T_mid = Tc50, width from Tc90 − Tc10), for plotting and the
  // candidate list; no least squares (the Tc quantities are the result)
  let transition: ModelFit | null = null;
  if (tc50 && iPeak >= 5) {
    transition = logisticFromTc(sliceCurve(d, 0, iPeak + 1), w.subarray(0, iPeak + 1), rMax, quantities.Rmax_ohm!.uncertainty, tc50, tc90, tc10);
    fits.push(transition);
  }
  const fsOk = !!fs && fs.converged && Number.isFinite(fs.uncertainties.rhoQF_ohm!);

  let rhoQF: number;
  let uQF: number;
  let L: number;
  let reason: string;
  let Lm1: number;
  if (plateau && hasPlateau) {
    rhoQF = plateau.level;
    uQF = Math.max(plateau.se, 1e-12 * Math.abs(rMax));
    const z = rhoQF / uQF;
    const floorRatio = rhoQF / floor;
    const L1 = 1.2 * (z - 5);
    const L2 = 3 * Math.log(Math.max(floorRatio, 1e-6) / 0.7);
    Lm1 = Math.min(L1, L2);
    L = Lm1;
    const where = `${plateau.k} points below ${fmt(plateau.tTop)} K`;
    if (Lm1 >= 0) {
      reason = `ρ_QF = ${fmtPm(rhoQF, uQF, "Ω")} (plateau of ${where}), ${fmt(z, 2)}σ above zero and ${fmt(floorRatio, 2)}× the noise floor (${fmt(floor, 2)} Ω); R levels off at ${fmt((100 * rhoQF) / rMax, 2)} % of R_max (failed superconductor)`;
    } else {
      reason = `R = ${fmtPm(rhoQF, uQF, "Ω")} over the ${where}: zero resistance within ${fmt(Math.abs(z), 2)}σ and ${fmt(Math.abs(floorRatio), 2)}× the noise floor (${fmt(floor, 2)} Ω)`;
    }
  } else {
    // no plateau inside the window: extrapolate with Eq. 2
    let phi = 0;
    if (fsOk && fs) {
      rhoQF = fs.params.rhoQF_ohm!;
      uQF = Math.max(fs.uncertainties.rhoQF_ohm!, 1e-12 * Math.abs(rMax));
      const atMin = rhoQF + fs.params.rho0_ohm! * Math.exp(-fs.params.EaS_K! / d.T[0]!);
      phi = atMin > 0 ? clip(rhoQF / atMin, -1, 1) : 0;
    } else {
      rhoQF = Math.max(smooth[0]!, 0);
      uQF = Math.max(rhoQF, floor);
    }
    const z = rhoQF / uQF;
    const floorRatio = rhoQF / floor;
    // is zero resistance reached by the coldest points? (mean of the k
    // coldest within 3 standard errors of 0)
    const kc = Math.min(n, Math.max(3, Math.min(8, Math.round(0.05 * n))));
    let mc = 0;
    for (let i = 0; i < kc; i++) mc += d.R[i]!;
    mc /= kc;
    let vc = 0;
    for (let i = 0; i < kc; i++) vc += (d.R[i]! - mc) ** 2;
    const sc = Math.max(floor, Math.sqrt(vc / Math.max(kc - 1, 1))) / Math.sqrt(kc);
    const zeroReached = mc <= 3 * sc;
    if (zeroReached) {
      // the coldest points read zero: S unless Eq. 2 contradicts strongly
      L = Math.min(1.2 * (z - 5), 3 * Math.log(Math.max(floorRatio, 1e-6) / 0.7), 10 * (phi - 0.4), -3);
      Lm1 = L;
    } else if (z >= 3) {
      // no zero reading: a significantly positive extrapolated ρ_QF is the evidence
      L = clip(1.2 * (z - 3), 0.5, 4);
      Lm1 = L;
    } else {
      // neither zero nor a finite ρ_QF is established
      L = clip(0.5 * z - 1, -1.5, 0);
      Lm1 = L;
    }
    const upper = Math.max(rhoQF, 0) + 3 * uQF;
    reason =
      `R still falls at the lowest temperature (R(${fmt(d.T[0]!)} K) = ${fmt(smooth[0]!)} Ω, ${zeroReached ? "consistent with zero" : `${fmt(mc / sc, 2)}σ above zero`}); ` +
      (fsOk
        ? `Eq. 2 on the tail extrapolates to ρ_QF = ${fmtPm(rhoQF, uQF, "Ω")} (${fmt(z, 2)}σ, ${fmt(floorRatio, 2)}× the noise floor)`
        : "Eq. 2 fit did not converge");
    secondary.push(`no plateau reached inside the window; upper bound on ρ_QF ${fmt(upper, 2)} Ω = ${fmt((100 * upper) / Math.abs(rMax), 2)} % of R_max`);
  }
  const pM1 = logistic(clip(L, -12, 12));
  if (pM1 >= 0.5 && fs && !fs.polished) fs = fitFs(true);
  if (fs) fits.push(fs);
  if (hasPlateau && fs && fs.converged)
    secondary.push(`Eq. 2 fit: ρ_QF = ${fmtPm(fs.params.rhoQF_ohm!, fs.uncertainties.rhoQF_ohm, "Ω")}, E_aS = ${fmtPm(fs.params.EaS_K!, fs.uncertainties.EaS_K, "K")}`);
  if (fs && fs.converged && Number.isFinite(fs.uncertainties.rhoQF_ohm!)) {
    quantities.rhoQF_ohm = { value: fs.params.rhoQF_ohm!, uncertainty: fs.uncertainties.rhoQF_ohm! };
    const r0 = est(fs.params.rho0_ohm!, fs.uncertainties.rho0_ohm);
    if (r0) quantities.rho0_ohm = r0;
    const ea = est(fs.params.EaS_K!, fs.uncertainties.EaS_K);
    if (ea) quantities.EaS_K = ea;
  }
  if (quantities.Tc90_K) secondary.push(`Tc (90 % of R_max) = ${fmtPm(quantities.Tc90_K.value, quantities.Tc90_K.uncertainty, "K")}`);
  return { pM1, decided: hasPlateau || fsOk, reason, secondary, fits, fs, transition, quantities };
}

interface InsResult {
  pM2: number;
  pI1: number;
  reason: string;
  i1Reason: string;
  secondary: string[];
  fits: ModelFit[];
  fi: SaturationFit | null;
  arrhenius: ModelFit | null;
  vrh: ModelFit | null;
  quantities: Partial<Record<QuantityKey, Estimate>>;
}

function analyzeInsSide(
  d: CurveData,
  centres: Float64Array,
  prof: GridProfile,
  sigmaRel: number,
  opts: Resolved,
  kPeak: number,
  fall: number,
  hump: boolean,
): InsResult | null {
  const G = centres.length;
  // upper end of the insulating window: above the maximum of w, the first
  // place where w turns significantly negative (a metallic high-T part or a
  // superconducting dip) ends it
  let kTopW = -1;
  for (let k = 0; k < G; k++) {
    const sl = prof.slope[k]!;
    if (Number.isFinite(sl) && (kTopW < 0 || -sl > -prof.slope[kTopW]!)) kTopW = k;
  }
  let tTop = d.T[d.n - 1]!;
  if (kTopW >= 0) {
    for (let k = kTopW + 1; k < G; k++) {
      const sl = prof.slope[k]!;
      const se = prof.slopeSE1[k]! * sigmaRel;
      if (Number.isFinite(sl) && -sl + 2 * se < 0) {
        tTop = Math.exp(0.5 * (centres[k - 1]! + centres[k]!));
        break;
      }
    }
  }
  // two conduction channels: w with an interior minimum that rises again on
  // the cold side. The ground state is decided by the cold side (w grows on
  // cooling there: no saturation), and a hopping law is read off there only
  let reentrant = false;
  /** w grows again toward the cold end below an interior minimum */
  let coldRise = false;
  let reentrantNote = "";
  {
    const xCap = Math.log(tTop) + 1e-9;
    const w = (k: number) => -prof.slope[k]!;
    const se = (k: number) => prof.slopeSE1[k]! * sigmaRel;
    // walking up from the cold end: w first falls (hopping) and then rises
    // again significantly (the other channel) — the coldest such minimum
    let k0 = -1;
    let kMin = -1;
    for (let k = 0; k < G && centres[k]! <= xCap; k++) {
      if (!Number.isFinite(prof.slope[k]!)) continue;
      if (k0 < 0) {
        k0 = k;
        kMin = k;
        continue;
      }
      if (w(k) < w(kMin)) {
        kMin = k;
        continue;
      }
      const wm = w(kMin);
      // significant, and beyond what a slow drift of the baseline can do to w
      const rises = (j: number) => w(j) - wm > Math.max(3 * Math.hypot(se(j), se(kMin)), 0.05 * wm + 0.1);
      // the first significant rise of w on warming decides: if w had first
      // fallen from the cold end to this minimum, a second channel takes over
      // above it; if not, the cold end is a saturation side (w falls on
      // cooling there) and there is nothing to cut
      if (!rises(k)) continue;
      if (kMin > k0 && wm > 0 && rises(k0)) {
        const tCut = Math.exp(centres[kMin]!);
        let nBelow = 0;
        while (nBelow < d.n && d.T[nBelow]! <= tCut) nBelow++;
        coldRise = true;
        if (nBelow >= 10 && tCut >= 1.3 * d.T[0]!) {
          tTop = tCut;
          reentrant = true;
          reentrantNote = `w = −d ln R/d ln T has a minimum of ${fmt(wm, 2)} at ${fmt(tCut, 2)} K and grows again on cooling (a second conduction channel above it); insulating laws fitted below ${fmt(tCut, 2)} K`;
        } else {
          reentrantNote = `w = −d ln R/d ln T has a minimum of ${fmt(wm, 2)} at ${fmt(tCut, 2)} K and grows again on cooling: the curve still diverges at the cold end (no saturation)`;
        }
      }
      break;
    }
  }
  // hopping laws describe the activated regime: where w has fallen well below
  // its maximum on the high-T side, a background (a power-law prefactor, weak
  // localization) dominates and would bias the exponent — cut it off when
  // enough window remains
  if (kTopW >= 0 && !reentrant) {
    const wTop = -prof.slope[kTopW]!;
    for (let k = kTopW + 1; k < G && centres[k]! <= Math.log(tTop); k++) {
      const sl = prof.slope[k]!;
      const se = prof.slopeSE1[k]! * sigmaRel;
      if (Number.isFinite(sl) && -sl + 2 * se < ACTIVATED_FRACTION * wTop) {
        const tAct = Math.exp(0.5 * (centres[k - 1]! + centres[k]!));
        let nBelow = 0;
        while (nBelow < d.n && d.T[nBelow]! <= tAct) nBelow++;
        if (tAct >= 3 * d.T[0]! && nBelow >= 12) tTop = tAct;
        break;
      }
    }
  }
  let i1 = d.n;
  while (i1 > 0 && d.T[i1 - 1]! > tTop * (1 + 1e-12)) i1--;
  // positive resistances only
  let i0 = 0;
  while (i0 < i1 && !(d.R[i0]! > 0)) i0++;
  for (let i = i0; i < i1; i++) if (!(d.R[i]! > 0)) return null;
  if (i1 - i0 < 6) return null;
  const sub = sliceCurve(d, i0, i1);
  const fits: ModelFit[] = [];
  const quantities: Partial<Record<QuantityKey, Estimate>> = {};
  const secondary: string[] = [];
  if (reentrantNote) secondary.push(reentrantNote);

  const arr = fitFixedHopping(sub, "arrhenius");
  const es = fitFixedHopping(sub, "es_vrh");
  const mott = fitFixedHopping(sub, "mott_vrh");
  // variable-projection estimates first; the model that ends up reported is
  // LM-polished below
  let free: FreeHoppingFit = fitFreeHopping(sub, { polish: false });
  let fi = fitFailedInsulator(sub, { polish: false });

  // ---- saturation from the logarithmic derivative w = −slope of ln R vs ln T
  let kw0 = -1;
  let kwMax = -1;
  const xTop = Math.log(tTop);
  for (let k = 0; k < G; k++) {
    if (centres[k]! > xTop + 1e-9) break;
    const s = prof.slope[k]!;
    if (!Number.isFinite(s)) continue;
    if (kw0 < 0) kw0 = k;
    if (kwMax < 0 || -s > -prof.slope[kwMax]!) kwMax = k;
  }
  let sW = 0;
  let q = 1;
  let wLo = NaN;
  let wMax = NaN;
  if (kw0 >= 0 && kwMax >= 0) {
    wLo = -prof.slope[kw0]!;
    wMax = -prof.slope[kwMax]!;
    const se0 = prof.slopeSE1[kw0]! * sigmaRel;
    const seM = prof.slopeSE1[kwMax]! * sigmaRel;
    sW = (wMax - wLo) / Math.hypot(se0, seM);
    q = wMax > 0 ? wLo / wMax : 1;
  }
  const hopAicc = Math.min(arr.aicc, es.aicc, mott.aicc, free.converged ? free.aicc : Infinity);
  const dAicc = fi.converged && Number.isFinite(fi.aicc) ? hopAicc - fi.aicc : -Infinity;
  const sigQF = fi.params.sigmaQF_S ?? NaN;
  const uSigQF = fi.uncertainties.sigmaQF_S ?? NaN;
  const zQF = Number.isFinite(uSigQF) && uSigQF > 0 ? sigQF / uSigQF : 0;
  // log-odds for saturation (M2): model-free (w turns over and falls toward
  // 0 at the lowest temperatures) plus model-based (AICc of Eq. 1 against the
  // best hopping law)
  let Lw = 0;
  let resolve = 0;
  if (Number.isFinite(sW)) {
    const seLo = kw0 >= 0 ? prof.slopeSE1[kw0]! * sigmaRel : 0;
    // significance of the fall of w and its size (hopping w only grows on
    // cooling; slow drifts of the baseline can fake a few-% turnover)
    // how well a 25 % turnover of w would be resolved at the low end
    resolve = seLo > 0 ? (0.25 * Math.abs(wMax)) / seLo : 10;
    // saturation needs w falling toward 0 at the cold end: not when w is
    // largest there, nor when it grows again below an interior minimum
    Lw = wLo >= wMax - seLo || coldRise ? -clip(2 * resolve, 1, 8) : clip(0.7 * (sW - 4), -6, 6) + clip(20 * (1 - q - 0.1), -4, 6);
  }
  // AICc is the second opinion: it can tip a borderline case, not override
  // the shape of w (both Eq. 1 and the hopping laws are idealisations) —
  // unless w is too noisy to show the shape
  const aiccCap = 3 + 5 * (1 - Math.min(1, resolve / 4));
  let Lm2 = clip(dAicc / 4, -aiccCap, aiccCap) + Lw;
  if (hump) Lm2 = Math.max(Lm2, 4);
  const pM2 = logistic(clip(Lm2, -12, 12));
  if (pM2 >= 0.5) fi = fitFailedInsulator(sub);
  else free = fitFreeHopping(sub);
  fits.push(arr, es, mott, free, fi);
  const tOnset = kwMax >= 0 ? Math.exp(centres[kwMax]!) : NaN;
  if (fi.converged) {
    const a = est(fi.params.sigmaQF_S!, fi.uncertainties.sigmaQF_S);
    if (a) quantities.sigmaQF_S = a;
    const b = est(fi.params.sigma0_S!, fi.uncertainties.sigma0_S);
    if (b) quantities.sigma0_S = b;
    const c = est(fi.params.EaI_K!, fi.uncertainties.EaI_K);
    if (c) quantities.EaI_K = c;
  }
  let reason: string;
  const wText = Number.isFinite(wLo)
    ? `w = −d ln R/d ln T ${wLo < wMax ? "falls" : "rises"} from ${fmt(wMax, 2)} at ${fmt(tOnset, 2)} K to ${fmt(wLo, 2)} at ${fmt(Math.exp(centres[kw0]!), 2)} K`
    : "w(T) undetermined";
  const aiccText = Number.isFinite(dAicc)
    ? `AICc ${dAicc >= 0 ? "prefers" : "disfavours"} Eq. 1 (failed insulator) over the best hopping law by ${fmt(Math.abs(dAicc), 2)}`
    : "Eq. 1 (failed insulator) fit did not converge";
  if (pM2 >= 0.5) {
    quantities.saturationOnset_K = { value: tOnset, uncertainty: null };
    if (hump) reason = `R passes through a maximum at ${fmt(Math.exp(centres[kPeak]!), 2)} K and decreases by ${fmt(100 * fall, 2)} % on further cooling (saturation)`;
    else reason = `${wText} (saturation, ${fmt(sW, 2)}σ); ${aiccText}`;
    secondary.push(`σ_QF = ${fmtPm(sigQF, uSigQF, "S")} (${fmt(zQF, 2)}σ), E_aI = ${fmtPm(fi.params.EaI_K ?? NaN, fi.uncertainties.EaI_K, "K")}`);
    if (hump) secondary.push(aiccText);
  } else {
    reason = `no saturation: ${wText}${sW > 0 ? ` (${fmt(sW, 2)}σ)` : ""}; ${aiccText}`;
  }

  // ---- I1 vs I2: hopping exponent
  const pHat = free.converged ? free.params.p! : NaN;
  const uP = free.converged ? free.uncertainties.p! : NaN;
  const arrVsVrh = Math.min(es.aicc, mott.aicc) - arr.aicc; // > 0 favours Arrhenius
  let Li1: number;
  if (Number.isFinite(pHat) && Number.isFinite(uP)) {
    Li1 = clip((pHat - opts.pBoundary) / Math.max(uP, 0.05), -10, 10) + clip(arrVsVrh / 6, -4, 4);
  } else {
    Li1 = clip(arrVsVrh / 4, -8, 8);
  }
  // a hopping law that leaves residuals far above the point-to-point noise
  // does not describe the curve (another conduction channel, a prefactor):
  // its exponent is then a poor guide and the odds shrink toward even
  const misfit = free.converged && free.dof > 0 ? Math.sqrt(free.rss / free.dof) / sigmaRel : 1;
  if (misfit > 3) {
    Li1 *= 3 / misfit;
    secondary.push(`the best hopping law leaves residuals ${fmt(misfit, 2)}× the point-to-point noise: the exponent is uncertain`);
  }
  const pI1 = logistic(clip(Li1, -12, 12));
  // Zabrodskii: slope of ln w vs ln T over the window where w is significant
  const wArr = new Float64Array(G);
  const wSE = new Float64Array(G);
  for (let k = 0; k < G; k++) {
    wArr[k] = -prof.slope[k]!;
    wSE[k] = prof.slopeSE1[k]! * sigmaRel;
  }
  const zab = zabrodskiiFit(centres, wArr, wSE, xTop + 1e-9);
  const pZ = zab ? zab.p : NaN;
  if (zab) quantities.zabrodskiiP = { value: zab.p, uncertainty: zab.uncertainty };
  const arrT0 = est(arr.params.T0_K!, arr.uncertainties.T0_K);
  if (arrT0) quantities.arrheniusT0_K = arrT0;
  if (free.converged) {
    const t0 = est(free.params.T0_K!, free.uncertainties.T0_K);
    if (t0) quantities.hoppingT0_K = t0;
    const pp = est(free.params.p!, free.uncertainties.p);
    if (pp) quantities.hoppingP = pp;
  }
  const vrh = es.aicc <= mott.aicc ? es : mott;
  const pText = Number.isFinite(pHat) ? `hopping exponent p = ${fmtPm(pHat, uP)}` : "hopping exponent undetermined";
  const i1Reason =
    pI1 >= 0.5
      ? `${pText} (≥ ${opts.pBoundary} → simply activated, Arrhenius T0 = ${fmtPm(arr.params.T0_K!, arr.uncertainties.T0_K, "K")})`
      : `${pText} (< ${opts.pBoundary} → variable-range hopping, ${vrh.model === "es_vrh" ? "Efros–Shklovskii p = 1/2" : "Mott p = 1/3"}, T0 = ${fmtPm(vrh.params.T0_K!, vrh.uncertainties.T0_K, "K")})`;
  secondary.push(`AICc ${arrVsVrh >= 0 ? "prefers Arrhenius over VRH" : "prefers VRH over Arrhenius"} by ${fmt(Math.abs(arrVsVrh), 2)}`);
  if (Number.isFinite(pZ)) secondary.push(`Zabrodskii slope of ln w vs ln T gives p ≈ ${fmt(pZ, 2)}`);
  return { pM2, pI1, reason, i1Reason, secondary, fits, fi, arrhenius: arr, vrh, quantities };
}
