/**
 * The rising side of the SIT: does the divergence saturate (M2, a failed insulator), or is it an
 * insulator (I1/I2, hopping-exponent.ts)? (docs/physics.md, "Saturation" and "Insulators that are not
 * M2")
 *
 * The insulating window ends where w = −d ln R/d ln T turns significantly negative above its
 * maximum (a metallic high-T part, a superconducting dip); two conduction channels (w with an
 * interior minimum and growing again on cooling below it) leave only the cold side to the
 * hopping laws. Saturation means w → 0 at the cold end **in absolute terms**: a fall of w from
 * one large value to another (donor freeze-out, two activated channels) is not a saturation.
 * Log-odds for M2: the shape of w (significance and size of its fall, and how close to 0 it
 * ends), with AICc of Eq. 1 against the best hopping law as a second opinion.
 */
import { sliceCurve, type CurveData } from "../../models/common";
import { fitFixedHopping, fitFreeHopping, type FreeHoppingFit } from "../../models/hopping";
import { fitFailedInsulator, type SaturationFit } from "../../models/saturation";
import type { Estimate, ModelFit, QuantityKey } from "../../types";
import { fmt, fmtPm } from "../format";
import { est } from "../result";
import type { GridProfile } from "../smoothing";
import { fitLine } from "../../models/linear-fit";
import { hoppingExponentEvidence, MIN_HOPPING_EXPONENT } from "./hopping-exponent";
import { metalBelowMaximum } from "./metal-fall";
import { clip, logistic } from "../math";
import { neighbourLineSigma } from "../noise";

/** Fraction of the maximum of w below which the high-T side is no longer fitted by the insulating laws. */
const ACTIVATED_FRACTION = 0.15;
/** w at the cold end below which the divergence has saturated (w → 0); above 1 it has not. */
export const SATURATED_W = 0.5;
/**
 * The cold end's own scatter of ln R replaces the curve's relative noise in the standard error of
 * w there when it is more than this many times larger (a thermometer's scatter on a steep rise
 * gives δR/R = w·δT/T; a line digitised from a figure scatters most where it is steepest).
 */
const NOISIER_COLD_END = 2;
/**
 * Readings an insulating window needs for the shape of w: the profile's local lines hold at least
 * 8 readings each, and a turnover of w (a rise, then a fall towards 0) needs three independent
 * estimates of it: 24 readings. Below it the shape says nothing (a window of fewer than 16 has a
 * single line's slope, repeated), AICc alone guesses, and the answer is inconclusive
 * (`too_few_points`).
 */
const SPARSE_WINDOW = 24;

/**
 * A lower bound (2σ) of w = −d ln R/d ln T on the three coldest readings of the window [i0, i1)
 * (a straight line in ln R vs ln T), with `sigma` the relative noise; NaN with fewer readings.
 */
function coldestW(d: CurveData, i0: number, i1: number, sigma: number): number {
  if (i1 - i0 < 3) return NaN;
  const line = fitLine(d.lnT, d.lnR, null, i0, i0 + 3, true);
  return line.ok ? -line.b - 2 * sigma * Math.sqrt(line.varB) : NaN;
}

/**
 * The relative scatter of the readings under the coldest cell of the profile with a slope
 * (`kw0`), from i0 (the insulating window's cold end), about their neighbours' line, when it
 * exceeds NOISIER_COLD_END × σ_rel; else σ_rel.
 */
function coldEndSigma(d: CurveData, i0: number, prof: GridProfile, kw0: number, sigmaRel: number): number {
  const m = Math.min(d.n, i0 + Math.max(8, prof.count[kw0]!));
  const local = neighbourLineSigma(d.lnT, d.lnR, i0, m);
  return Number.isFinite(local) && local > NOISIER_COLD_END * sigmaRel ? local : sigmaRel;
}

export interface InsOptions {
  pBoundary: number;
}

export interface InsResult {
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
  /** w at the cold end of the insulating window */
  wLo: number;
  /** w falls significantly toward the cold end (by ≥ 20 %, ≥ 4σ) but has not reached 0 */
  unfinishedTurnover: boolean;
  /**
   * a saturation read from a cold end whose w is too uncertain to be near 0 (w + 2σ ≥ 3 ×
   * SATURATED_W): why M2 is only a best guess, else null
   */
  unresolvedSaturation: string | null;
  /** the insulating window holds too few readings for the shape of w: why M2/I1/I2 is only a best guess, else null */
  sparseWindow: string | null;
  /** the free hopping exponent lies below every hopping law's: why I1/I2 is only a best guess, else null */
  belowHopping: string | null;
  /** w stays below the smallest hopping exponent across the window: why no insulating label (M2, I1, I2) is supported, else null */
  noDivergence: string | null;
  /** a maximum warmer than 40 K followed by a metal's fall: why no SIT label applies, else null */
  metalBelowMaximum: string | null;
}

/**
 * The insulating window [i0, i1) of the readings (see the module's note: above the maximum of w the
 * first significantly negative w ends it, a second conduction channel leaves the cold side only,
 * the high-T background is cut off), or null when it holds fewer than 6 positive readings. A
 * function of its own, apart from the fits and their reasons (see scan.ts).
 */
function insulatingWindow(
  d: CurveData,
  centres: Float64Array,
  prof: GridProfile,
  sigmaRel: number,
): { i0: number; i1: number; tTop: number; coldRise: boolean; reentrantNote: string } | null {
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
  return { i0, i1, tTop, coldRise, reentrantNote };
}

/** The coldest grid point of the window with a defined w, and the one where w is largest (−1: none). */
function wRange(centres: Float64Array, slope: Float64Array, xTop: number): { kw0: number; kwMax: number } {
  let kw0 = -1;
  let kwMax = -1;
  for (let k = 0; k < centres.length; k++) {
    if (centres[k]! > xTop + 1e-9) break;
    const s = slope[k]!;
    if (!Number.isFinite(s)) continue;
    if (kw0 < 0) kw0 = k;
    if (kwMax < 0 || -s > -slope[kwMax]!) kwMax = k;
  }
  return { kw0, kwMax };
}

export function analyzeInsSide(
  d: CurveData,
  centres: Float64Array,
  prof: GridProfile,
  sigmaRel: number,
  opts: InsOptions,
  kPeak: number,
  fall: number,
  hump: boolean,
): InsResult | null {
  const win = insulatingWindow(d, centres, prof, sigmaRel);
  if (!win) return null;
  const { i0, i1, tTop, coldRise, reentrantNote } = win;
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
  const xTop = Math.log(tTop);
  const { kw0, kwMax } = wRange(centres, prof.slope, xTop);
  let sW = 0;
  let q = 1;
  let wLo = NaN;
  let wMax = NaN;
  const sigmaCold = kw0 >= 0 ? coldEndSigma(d, i0, prof, kw0, sigmaRel) : sigmaRel;
  // the standard error of w at the cold end
  const seLo = kw0 >= 0 ? prof.slopeSE1[kw0]! * sigmaCold : 0;
  if (kw0 >= 0 && kwMax >= 0) {
    wLo = -prof.slope[kw0]!;
    wMax = -prof.slope[kwMax]!;
    const seM = prof.slopeSE1[kwMax]! * sigmaRel;
    sW = (wMax - wLo) / Math.hypot(seLo, seM);
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
  const sparse = i1 - i0 < SPARSE_WINDOW;
  if (Number.isFinite(sW) && !sparse) {
    // significance of the fall of w and its size (hopping w only grows on
    // cooling; slow drifts of the baseline can fake a few-% turnover)
    // how well a 25 % turnover of w would be resolved at the low end
    resolve = seLo > 0 ? (0.25 * Math.abs(wMax)) / seLo : 10;
    // saturation needs w falling toward 0 at the cold end: not when w is
    // largest there, nor when it grows again below an interior minimum
    Lw = wLo >= wMax - seLo || coldRise ? -clip(2 * resolve, 1, 8) : clip(0.7 * (sW - 4), -6, 6) + clip(20 * (1 - q - 0.1), -4, 6);
    // and w must end near 0 in absolute terms: a fall from one large value to another is two
    // activated channels crossing over, not a saturation
    // between SATURATED_W and 3× it the fall of w may still be a saturation under way (the answer
    // is then inconclusive, decide.ts); above, it is not one
    if (wLo - 2 * seLo > 3 * SATURATED_W) Lw = Math.min(Lw, clip(6 * (3 * SATURATED_W - (wLo - 2 * seLo)), -12, -2));
  }
  // a sparse window's w at the cold end from its three coldest readings alone: when even its
  // lower bound is large, R still diverges there (the shape of w is then resolved enough)
  const wColdLow = sparse ? coldestW(d, i0, i1, sigmaCold) : NaN;
  const sparseDivergence = sparse && wColdLow > 3 * SATURATED_W;
  if (sparseDivergence) Lw = clip(6 * (3 * SATURATED_W - wColdLow), -12, -2);
  const unsaturated = sparse ? sparseDivergence : Number.isFinite(wLo) && wLo - 2 * seLo > 3 * SATURATED_W;
  // AICc is the second opinion: it can tip a borderline case, not override
  // the shape of w (both Eq. 1 and the hopping laws are idealisations) —
  // unless w is too noisy to show the shape
  const aiccCap = 3 + 5 * (1 - Math.min(1, resolve / 4));
  // …and it cannot argue for a saturation that w has not reached
  let Lm2 = clip(dAicc / 4, -aiccCap, unsaturated ? 0 : aiccCap) + Lw;
  if (hump && wLo < SATURATED_W) Lm2 = Math.max(Lm2, 4);
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
  const wText = sparseDivergence
    ? `w = −d ln R/d ln T on the three coldest readings is at least ${fmt(wColdLow, 2)} (2σ; ${i1 - i0} readings in the insulating window, too few for its profile)`
    : sparse
    ? `w = −d ln R/d ln T not resolved (${i1 - i0} readings in the insulating window, fewer than ${SPARSE_WINDOW}: fewer than three independent estimates of it)`
    : Number.isFinite(wLo)
    ? `w = −d ln R/d ln T ${wLo < wMax ? "falls" : "rises"} from ${fmt(wMax, 2)} at ${fmt(tOnset, 2)} K to ${fmt(wLo, 2)} at ${fmt(Math.exp(centres[kw0]!), 2)} K`
    : "w(T) undetermined";
  const aiccText = Number.isFinite(dAicc)
    ? `AICc ${dAicc >= 0 ? "prefers" : "disfavours"} Eq. 1 (failed insulator) over the best hopping law by ${fmt(Math.abs(dAicc), 2)}`
    : "Eq. 1 (failed insulator) fit did not converge";
  if (pM2 >= 0.5) {
    quantities.saturationOnset_K = { value: tOnset, uncertainty: null };
    if (hump) reason = `R passes through a maximum at ${fmt(Math.exp(centres[kPeak]!), 2)} K and decreases by ${fmt(100 * fall, 2)} % on further cooling (saturation)`;
    else reason = sparse ? `${wText}; ${aiccText}` : `${wText} (saturation, ${fmt(sW, 2)}σ); ${aiccText}`;
    secondary.push(`σ_QF = ${fmtPm(sigQF, uSigQF, "S")} (${fmt(zQF, 2)}σ), E_aI = ${fmtPm(fi.params.EaI_K ?? NaN, fi.uncertainties.EaI_K, "K")}`);
    if (hump) secondary.push(aiccText);
  } else if (sparseDivergence) {
    reason = `no saturation: ${wText}, so w stays large at the cold end (≫ 0): R still diverges; ${aiccText}`;
  } else if (sparse) {
    reason = `${wText}; ${aiccText}`;
  } else {
    const stillLarge = Number.isFinite(wLo) && wLo >= SATURATED_W && wLo < wMax;
    reason = `no saturation: ${wText}${sW > 0 ? ` (${fmt(sW, 2)}σ)` : ""}${stillLarge ? `, but w stays large at the cold end (${fmt(wLo, 2)}, ≫ 0): R still diverges` : ""}; ${aiccText}`;
  }

  const hop = hoppingExponentEvidence({ centres, prof, sigmaRel, opts, xTop, free, arr, es, mott });
  secondary.push(...hop.secondary);
  Object.assign(quantities, hop.quantities);
  const unfinishedTurnover = sW >= 4 && 1 - q >= 0.2 && wLo - 2 * seLo >= SATURATED_W && wLo < 3 * SATURATED_W && !coldRise;
  const seMax = kwMax >= 0 ? prof.slopeSE1[kwMax]! * sigmaRel : Infinity;
  const noDivergence =
    Number.isFinite(wMax) && wMax + 2 * seMax < MIN_HOPPING_EXPONENT
      ? `w = −d ln R/d ln T stays at or below ${fmt(wMax, 2)} across the insulating window (R(${fmt(d.T[i0]!)} K)/R(${fmt(d.T[i1 - 1]!)} K) = ${fmt(d.R[i0]! / d.R[i1 - 1]!)}), below every hopping exponent (p ≥ ¼): the window holds no activated or hopping divergence, nor an insulating rise that then saturates, whichever law fits best`
      : null;
  const metal = hump ? metalBelowMaximum(d, Math.exp(centres[kPeak]!), sigmaRel) : null;
  // M2 needs w → 0 shown, not only allowed: a cold end too scattered to bound w near 0
  const unresolvedSaturation =
    pM2 >= 0.5 && !hump && Number.isFinite(wLo) && wLo + 2 * seLo >= 3 * SATURATED_W
      ? `w = −d ln R/d ln T at the cold end is ${fmtPm(wLo, seLo)}${sigmaCold > sigmaRel ? ` (the coldest readings scatter ${fmt(sigmaCold / sigmaRel, 2)}× more than the rest)` : ""}: too uncertain to show that it reaches 0 (saturation) rather than staying large (divergence)`
      : null;
  const sparseWindow =
    sparse && !sparseDivergence
      ? `only ${i1 - i0} readings in the insulating window (fewer than ${SPARSE_WINDOW}): the shape of w = −d ln R/d ln T, saturation or divergence, is not resolved; the label is AICc's guess`
      : null;
  return { pM2, pI1: hop.pI1, reason, i1Reason: hop.reason, secondary, fits, fi, arrhenius: arr, vrh: hop.vrh, quantities, wLo, unfinishedTurnover, unresolvedSaturation, belowHopping: hop.belowHopping, sparseWindow, noDivergence, metalBelowMaximum: metal };
}
