/**
 * Is this a longitudinal resistance channel at all? (docs/physics.md, "Dead and Hall channels")
 *
 * - no_signal: every reading is exactly zero or identical, or the whole curve is structureless
 *   noise (readings scatter from one to the next as much as overall) around zero, or a positive
 *   floor of |noise| (mean/SD ≈ 1.3–1.9) from a magnitude readout: a channel that is not connected. A film that is superconducting across the whole window looks the same;
 *   without a normal state in the window no phase can be read either way.
 * - not_longitudinal: most readings are negative (unless they are noise around zero below a
 *   normal state twenty times larger: a superconductor read at a few setpoints, most of them at
 *   zero), or the negative readings are a signal rather
 *   than noise (their mean magnitude is many times their own scatter and a sizeable fraction of
 *   the positive readings): a Hall or offset voltage. A superconductor's negative readings are
 *   noise around zero, comparable to their scatter.
 */
import { medianInPlace } from "../../../numeric/select";
import { fmt } from "../format";
import { neighbourLineSigma } from "../noise";
import { scratchF64 } from "../../workspace";

export interface ChannelEvidence {
  code: "no_signal" | "not_longitudinal" | null;
  reason: string;
  /** readings below zero (a signed readout shows itself) */
  negatives: number;
}

/** Robust σ of successive differences (a smooth trend hardly inflates it). */
export function pointToPointSigma(R: ArrayLike<number>, from = 0, to = R.length): number {
  const m = to - from - 1;
  if (m < 2) return NaN;
  const d = scratchF64("channel.diff", m);
  for (let i = 0; i < m; i++) d[i] = Math.abs(R[from + i + 1]! - R[from + i]!);
  return (1.4826 * medianInPlace(d, m)) / Math.SQRT2;
}

export function channelEvidence(R: Float64Array): ChannelEvidence {
  const n = R.length;
  let negatives = 0;
  let zeros = 0;
  let identical = true;
  let maxAbs = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = R[i]!;
    if (r < 0) negatives++;
    if (r === 0) zeros++;
    if (r !== R[0]) identical = false;
    maxAbs = Math.max(maxAbs, Math.abs(r));
    sum += r;
  }
  if (zeros === n) return { code: "no_signal", reason: `the channel reads exactly 0 Ω in all ${n} readings: not connected`, negatives };
  if (identical) return { code: "no_signal", reason: `the channel reads the same value (${fmt(R[0]!)} Ω) in all ${n} readings: no signal`, negatives };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (R[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(n - 1, 1));
  // independent readings scatter as much from one to the next as overall; a curve varies smoothly
  // (judged on 8 readings or more)
  const structureless = n >= 8 && pointToPointSigma(R) >= 0.6 * sd;
  // noise around zero everywhere: nothing but the instrument floor
  if (structureless && Math.abs(mean) <= (3 * sd) / Math.sqrt(n) && maxAbs <= 6 * sd && negatives >= 0.2 * n) {
    return {
      code: "no_signal",
      reason: `every reading is noise around zero (mean ${fmt(mean)} Ω, scatter ${fmt(sd)} Ω, largest |R| ${fmt(maxAbs)} Ω): no normal state in the window`,
      negatives,
    };
  }
  // a magnitude readout of nothing: a positive floor of |noise| (mean/SD ≈ 1.3–1.9) without structure
  if (structureless && negatives === 0 && mean > 0 && sd / mean >= 0.4 && maxAbs <= mean + 6 * sd) {
    return {
      code: "no_signal",
      reason: `every reading is a positive floor of |noise| (mean ${fmt(mean)} Ω, mean/SD ${fmt(mean / sd, 2)}, largest ${fmt(maxAbs)} Ω): no normal state in the window`,
      negatives,
    };
  }
  if (negatives === 0) return { code: null, reason: "", negatives };
  const neg = new Float64Array(negatives);
  let k = 0;
  let maxPos = 0;
  let maxNeg = 0;
  for (let i = 0; i < n; i++) {
    if (R[i]! < 0) {
      neg[k++] = R[i]!;
      maxNeg = Math.max(maxNeg, -R[i]!);
    } else maxPos = Math.max(maxPos, R[i]!);
  }
  let negMean = 0;
  for (let i = 0; i < k; i++) negMean += neg[i]!;
  negMean /= k;
  const negScatter = k >= 3 ? neighbourLineSigma(Array.from({ length: k }, (_, i) => i), neg) : NaN;
  // the negative readings are noise around zero (their mean within 5× their own scatter) below a
  // normal state far above them: a superconductor swept at a few setpoints, most of them in its
  // zero-resistance state
  const zeroBelowNormal = k >= 3 && Math.abs(negMean) <= 5 * negScatter && maxPos > 20 * maxNeg;
  if (negatives > n / 2 && !zeroBelowNormal) {
    return { code: "not_longitudinal", reason: `${negatives} of ${n} readings are negative (median below zero): a Hall or offset signal, not a longitudinal resistance`, negatives };
  }
  if (negatives >= 3) {
    const isSignal = Math.abs(negMean) > 5 * (Number.isFinite(negScatter) && negScatter > 0 ? negScatter : Infinity) && Math.abs(negMean) > 0.1 * maxPos;
    if (isSignal) {
      return {
        code: "not_longitudinal",
        reason: `${negatives} readings are negative with a mean of ${fmt(negMean)} Ω, ${fmt(Math.abs(negMean) / negScatter, 2)}× their own scatter: a sign-indefinite (Hall or offset) signal, not noise around zero`,
        negatives,
      };
    }
  }
  return { code: null, reason: "", negatives };
}
