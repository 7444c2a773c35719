/** Pieces of a CurveAnalysis shared by the orchestrator and the early answers. */
import { ENGINE_VERSION } from "../version";
import type { CurveAnalysis, CurveDiagnostics, Estimate, ModelFit, ModelId, Phase, ReasonCode, Readout } from "../types";

export function est(value: number, unc: number | null | undefined): Estimate | undefined {
  if (!Number.isFinite(value)) return undefined;
  return { value, uncertainty: unc !== undefined && unc !== null && Number.isFinite(unc) ? unc : null };
}

export function cleanRecord(r: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  // (Object.keys: the order of Object.entries without a [key, value] array per entry)
  for (const k of Object.keys(r)) {
    const v = r[k]!;
    if (Number.isFinite(v)) out[k] = v;
  }
  return out;
}

export function cleanFit(f: ModelFit): ModelFit {
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

/** The model that stands for a phase when no fit was chosen. */
export function defaultModel(phase: Phase | null): ModelId | null {
  if (phase === null) return null;
  return phase === "S" ? "sc_transition" : phase === "M1" ? "failed_superconductor" : phase === "M2" ? "failed_insulator" : phase === "I1" ? "arrhenius" : "es_vrh";
}

/** Crude direction-only guess used when the data are too poor for the analysis. */
export function crudeGuess(R: Float64Array): Phase {
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

export function emptyDiagnostics(nPoints = 0): CurveDiagnostics {
  return { nPoints, nUsed: 0, Tmin: NaN, Tmax: NaN, noiseFloor: null, relativeNoise: null, dropped: [], warnings: [] };
}

/** An answer given before any model is fitted: no label (phase null) or a crude, inconclusive guess. */
export function earlyAnswer(args: {
  diag: CurveDiagnostics;
  phase: Phase | null;
  reasonCode: ReasonCode;
  reason: string;
  confidence: number;
  inconclusive: boolean;
  readout: Readout;
}): CurveAnalysis {
  return {
    engineVersion: ENGINE_VERSION,
    phase: args.phase,
    confidence: args.confidence,
    inconclusive: args.inconclusive,
    inconclusiveReason: args.inconclusive || args.phase === null ? args.reason : null,
    reasonCode: args.reasonCode,
    readout: args.readout,
    model: defaultModel(args.phase),
    params: {},
    uncertainties: {},
    reasons: [args.reason],
    runnerUp: null,
    candidates: [],
    quantities: {},
    diagnostics: args.diag,
  };
}

/** Linear interpolation of a smoothed curve in ln T at temperature t (null outside the window). */
export function interpAt(lnT: Float64Array, s: Float64Array, t: number): number | null {
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
