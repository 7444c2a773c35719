/**
 * The isotherm analysis: crossing point (H_c, R_c) from adjacent pairs, its drift, zν from a
 * scaling collapse and from the slope of ∂R/∂H at H_c, with reason codes. Pure and
 * deterministic. See README.md for the method and every threshold.
 */
import { COLLAPSE_BAND, fitCollapse, noiseLnR, windowPoints } from "./collapse";
import { combineCrossings, contradicts, scanPair, slopesAt } from "./crossing";
import { gls } from "./linalg";
import { median, prepareIsotherms, transposeFieldSweeps } from "./prepare";
import type { CollapseResult, Estimate, FieldSweepInput, IsothermInput, Reason, ScalingOptions, ScalingResult, TFailureCode, WindowFit } from "./types";
import { SCALING_VERSION } from "./version";

export const DEFAULTS: Required<ScalingOptions> = {
  deltaMax: 0.1,
  localWindow: 0.1,
  significance: 3,
  maxDrift: 0.05,
  masterDegree: 3,
};

/** Largest relative scatter of the pairwise crossing fields and resistances about H_c and R_c. */
const MAX_SPREAD_H = 0.1;
const MAX_SPREAD_R = 0.25;

/**
 * Pairs are isotherms `stride` apart in temperature order: neighbours for up to 6 isotherms,
 * then every isotherm with the one (n − 1)/3 further on, so that each pair fans out enough to
 * locate its crossing.
 */
export function pairStride(n: number): number {
  return n <= 6 ? 1 : Math.floor((n - 1) / 3);
}

const WINDOW_FACTORS = [0.5, 0.75, 1.5, 2];

function fail(base: Omit<ScalingResult, "reasonCode" | "version">, code: TFailureCode, message: string): ScalingResult {
  return { version: SCALING_VERSION, ...base, reasonCode: code, reasons: [{ code, message }, ...base.reasons] };
}

const fmt = (v: number, d = 3) => v.toPrecision(d);

export function analyzeIsotherms(input: readonly IsothermInput[], options: ScalingOptions = {}): ScalingResult {
  const o = { ...DEFAULTS, ...options };
  const prep = prepareIsotherms(input);
  const isos = prep.isotherms;
  const base: Omit<ScalingResult, "reasonCode" | "version"> = {
    crossing: false,
    reasons: prep.reasons,
    Hc_Oe: null,
    Rc: null,
    znu: null,
    znuSlope: null,
    drift: null,
    pairs: [],
    collapse: null,
    isotherms: isos.map((i) => ({ T_K: i.T_K, points: i.H.length })),
    fieldRange_Oe: prep.range,
  };
  if (isos.length < 3)
    return fail(base, "too_few_isotherms", `${isos.length} isotherm${isos.length === 1 ? "" : "s"} at distinct temperatures; a crossing and a collapse need at least 3.`);
  const signed = isos.find((i) => {
    let lo = 0;
    let hi = 0;
    for (const r of i.R) [lo, hi] = [Math.min(lo, r), Math.max(hi, Math.abs(r))];
    return lo < -0.2 * hi;
  });
  if (signed)
    return fail(base, "not_longitudinal", `The ${fmt(signed.T_K)} K isotherm takes both signs (down to ${fmt(Math.min(...signed.R))}): a Hall or offset signal, not a longitudinal resistance.`);
  const range = prep.range;
  if (!range) return fail(base, "no_common_range", "The isotherms share no field range with enough points on each.");

  // 1. adjacent pairs
  const stride = pairStride(isos.length);
  const scans = isos.slice(0, -stride).map((cold, i) => scanPair(cold, isos[i + stride]!, range, o.localWindow, o.significance));
  base.pairs = scans.map((s) => s.pair);
  const sit = scans.flatMap((s, i) => (s.pair.kind === "sit" ? [i] : []));
  const reversed = scans.filter((s) => s.pair.kind === "reversed").length;
  const rangeText = `${fmt(range[0])}–${fmt(range[1])} Oe`;
  if (reversed > 0)
    base.reasons.push({ code: "reversed_crossing", message: `${reversed} pair${reversed > 1 ? "s" : ""} cross the other way (the colder isotherm higher at low field): not a field-tuned SIT crossing.` });
  if (sit.length === 0)
    return fail(base, "no_crossing", `No crossing in the measured range (${rangeText}): no adjacent pair of isotherms crosses with the colder one below at low field and above at high field by ${o.significance}σ.`);
  const H0 = median(sit.map((i) => scans[i]!.candidate!));
  const cands = sit.map((i) => scans[i]!.candidate!);
  if (cands.length >= 2 && median(cands.map((h) => Math.abs(h - H0))) / H0 > MAX_SPREAD_H)
    return fail(base, "no_common_crossing", `The adjacent pairs cross at scattered fields (${cands.map((h) => fmt(h)).join(", ")} Oe): no common crossing.`);
  const against = scans.flatMap((s, i) => (s.pair.kind !== "sit" && contradicts(isos[i]!, isos[i + stride]!, H0, range, o.localWindow, o.significance) ? [i] : []));
  if (against.length >= sit.length)
    return fail(base, "no_common_crossing", `Only ${sit.length} of ${scans.length} adjacent pairs cross near ${fmt(H0)} Oe, and ${against.length} are significantly apart there.`);
  if (sit.length < scans.length)
    base.reasons.push({ code: "partial_crossing", message: `${sit.length} of ${scans.length} adjacent pairs cross significantly; the others are too close to tell${against.length ? ` (${against.length} apart near the crossing)` : ""}.` });

  // 2. combined crossing, iterated once about its own value
  let comb: ReturnType<typeof combineCrossings> = combineCrossings(isos, sit, H0, range, o.localWindow, stride);
  if (comb) comb = combineCrossings(isos, sit, comb.Hc.value, range, o.localWindow, stride) ?? comb;
  if (!comb) return fail(base, "no_crossing", `No crossing in the measured range (${rangeText}): the local fits around ${fmt(H0)} Oe do not intersect.`);
  // crossings at zero resistance (superconducting feet) are not critical points
  const rMax = Math.max(...isos.flatMap((i) => Array.from(i.Rs).filter(Number.isFinite)));
  const atZero = comb.pairIndex.filter((_, q) => !(comb!.r[q]! > 0.02 * rMax && comb!.r[q]! > 3 * comb!.sr[q]!));
  if (atZero.length > 0) {
    const rest = sit.filter((i) => !atZero.includes(i));
    if (rest.length === 0) return fail(base, "no_crossing", `No crossing in the measured range (${rangeText}): the isotherms meet only where R is within noise of zero.`);
    comb = combineCrossings(isos, rest, comb.Hc.value, range, o.localWindow, stride);
    if (!comb) return fail(base, "no_crossing", `No crossing in the measured range (${rangeText}).`);
  }
  comb.pairIndex.forEach((i, q) => {
    const p = base.pairs[i]!;
    p.H_Oe = comb.h[q]!;
    p.R = comb.r[q]!;
    p.uncertaintyH = comb.sh[q]!;
    p.uncertaintyR = comb.sr[q]!;
  });
  base.crossing = true;
  base.Hc_Oe = comb.Hc;
  base.Rc = comb.Rc;
  base.drift = comb.drift;
  const Hc = comb.Hc.value;
  const cb = comb;
  if (comb.drift && comb.drift.significance > o.significance) {
    const rel = Math.abs(comb.drift.relativeAcrossRange);
    const text = `The crossing field moves by ${fmt(100 * comb.drift.relativeAcrossRange, 2)} % of H_c across the measured temperatures (${fmt(comb.drift.significance, 2)}σ)`;
    if (rel > o.maxDrift) {
      base.Hc_Oe = null;
      base.Rc = null;
      base.crossing = false;
      return fail(base, "crossing_drifts", `${text}: more than its uncertainty and more than ${100 * o.maxDrift} %, so there is no single critical point.`);
    }
    base.reasons.push({ code: "crossing_drift", message: `${text}; H_c's uncertainty includes the scatter.` });
  }

  const spread = (v: number[], c: number) => Math.sqrt(v.reduce((a, x) => a + (x - c) ** 2, 0) / v.length) / Math.abs(c);
  if (cb.h.length >= 2 && (spread(cb.h, cb.Hc.value) > MAX_SPREAD_H || spread(cb.r, cb.Rc.value) > MAX_SPREAD_R)) {
    base.Hc_Oe = null;
    base.Rc = null;
    base.crossing = false;
    return fail(base, "no_common_crossing", `The adjacent pairs cross at scattered points (fields ${cb.h.map((h) => fmt(h)).join(", ")} Oe; resistances ${cb.r.map((r) => fmt(r)).join(", ")}): no common crossing.`);
  }
  // 3. zν from the slope of ∂R/∂H at H_c against 1/T
  const slopes = slopesAt(comb, Hc).filter((s) => s.s > 0 && s.sd > 0 && s.s > 2 * s.sd);
  if (slopes.length >= 3) {
    const y = slopes.map((s) => Math.log(s.s));
    // each slope's own variance, plus the common shift of every ln ∂R/∂H when H_c moves by its uncertainty
    const m = slopes.length;
    const g = slopes.map((s) => {
      const f = comb.fits[s.k]!;
      return (2 * f.beta[2]!) / (f.H0 * f.H0) / s.s;
    });
    const c = new Array<number>(m * m).fill(0);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) c[i * m + j] = (i === j ? (slopes[i]!.sd / slopes[i]!.s) ** 2 : 0) + g[i]! * g[j]! * comb.Hc.uncertainty ** 2;
    const x = slopes.flatMap((s) => [1, Math.log(1 / isos[s.k]!.T_K)]);
    const reg = gls(y, c, x, 2);
    if (reg && reg.beta[1]! > 0) {
      const p = reg.beta[1]!;
      const sp = Math.sqrt(reg.cov[3]!) * Math.sqrt(Math.max(1, reg.chi2 / (slopes.length - 2)));
      base.znuSlope = { value: 1 / p, uncertainty: sp / (p * p) };
    }
  }
  if (!base.znuSlope) base.reasons.push({ code: "slope_failed", message: "∂R/∂H at H_c is not resolved on at least 3 isotherms, or does not grow on cooling: no slope estimate of zν." });

  // 4. collapse
  const Rc = comb.Rc.value;
  const collapse = collapseAt(isos, Hc, Rc, o.deltaMax, o.masterDegree);
  if (!collapse.fit) {
    return { version: SCALING_VERSION, ...base, reasonCode: "collapse_failed", reasons: [{ code: "collapse_failed", message: collapse.why }, ...base.reasons] };
  }
  const f = collapse.fit;
  const windows: WindowFit[] = WINDOW_FACTORS.map((m) => {
    const d = o.deltaMax * m;
    const c = collapseAt(isos, Hc, Rc, d, o.masterDegree);
    return { deltaMax: d, znu: c.fit && !c.fit.atBound ? c.fit.znu : null, points: c.fit?.n ?? 0 };
  });
  const sensitivity = Math.max(0, ...windows.flatMap((w) => (w.znu ? [Math.abs(w.znu.value - f.znu.value)] : [])));
  const rms = Math.sqrt(f.rss / f.n);
  const result: CollapseResult = {
    deltaMax: o.deltaMax,
    band: collapse.band,
    points: f.n,
    Hc_Oe: f.Hc,
    znu: f.znu,
    master: { coefficients: f.coefficients, uScale: f.uScale, T_ref: f.Tref },
    rmsLnR: rms,
    noiseLnR: collapse.noise,
    windows,
    sensitivity,
  };
  base.collapse = result;
  base.znu = f.znu;
  if (sensitivity > 2 * f.znu.uncertainty)
    base.reasons.push({ code: "window_sensitive", message: `zν changes by up to ${fmt(sensitivity, 2)} between windows |δ| ≤ ${WINDOW_FACTORS.map((m) => fmt(m * o.deltaMax, 2)).join(", ")} (uncertainty ${fmt(f.znu.uncertainty, 2)}).` });
  if (collapse.noise > 0 && rms > 3 * collapse.noise)
    base.reasons.push({ code: "poor_collapse", message: `The isotherms scatter about the master curve by ${fmt(100 * rms, 2)} % against ${fmt(100 * collapse.noise, 2)} % noise within them.` });
  if (base.znuSlope && Math.abs(base.znuSlope.value - f.znu.value) > 3 * Math.hypot(base.znuSlope.uncertainty, f.znu.uncertainty))
    base.reasons.push({ code: "methods_disagree", message: `zν from the collapse (${fmt(f.znu.value)}) and from the slope at H_c (${fmt(base.znuSlope.value)}) differ by more than 3σ.` });
  return { version: SCALING_VERSION, ...base, reasonCode: null };
}

const BANDS = [COLLAPSE_BAND, 0.75, 1];

/** The collapse in a window, with the narrowest resistance band that keeps 3 isotherms. */
function collapseAt(isos: Parameters<typeof windowPoints>[0], Hc: number, Rc: number, deltaMax: number, K: number): { fit: ReturnType<typeof fitCollapse>; noise: number; why: string; band: number } {
  for (const band of BANDS) {
    const w = windowPoints(isos, Hc, Rc, deltaMax, band);
    if (!w) continue;
    const fit = fitCollapse(w.pts, Hc, deltaMax, K);
    const noise = noiseLnR(w.pts);
    if (!fit) return { fit: null, noise, why: "The collapse fit did not converge.", band };
    if (fit.atBound) return { fit: null, noise, why: `The collapse has no minimum inside 0.15 ≤ zν ≤ 8 and |H_c shift| < δ_max/2 (best zν ≈ ${fmt(fit.znu.value, 2)}).`, band };
    return { fit, noise, why: "", band };
  }
  return { fit: null, noise: Number.NaN, band: BANDS[BANDS.length - 1]!, why: `Fewer than 3 isotherms with 4 positive readings within |δ| ≤ ${deltaMax} and R within a factor e^${BANDS[BANDS.length - 1]} of R_c: no collapse.` };
}

/** The same analysis for R(T) sweeps at fixed fields, transposed into isotherms first. */
export function analyzeFieldSweeps(sweeps: readonly FieldSweepInput[], options: ScalingOptions = {}): ScalingResult {
  return analyzeIsotherms(transposeFieldSweeps(sweeps), options);
}

export type { Estimate, Reason };
