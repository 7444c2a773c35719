/**
 * Reads the engine's answer through its public shape only, tolerant of the
 * versions in use: `phase` is a label, or null or "NONE" when no SIT label
 * applies; `reasonCode` may be absent (older engines); the input may not know
 * `readout` yet (it is then ignored by the engine).
 */
import type { TOutcome } from "./realworld-types";

const LABELS = new Set(["S", "M1", "M2", "I1", "I2"]);

export interface TVerdict {
  /** the label, or its best guess when inconclusive; "NONE" when no SIT label applies */
  label: TOutcome;
  inconclusive: boolean;
  reasonCode: string | null;
  inconclusiveReason: string | null;
  confidence: number;
  model: string | null;
  reasons: string[];
  Tc90_K: number | null;
}

function asLabel(v: unknown): TOutcome | null {
  if (typeof v === "string" && LABELS.has(v)) return v as TOutcome;
  if (v === "NONE") return "NONE";
  return null;
}

export function readVerdict(analysis: unknown): TVerdict {
  const a = (analysis ?? {}) as Record<string, unknown>;
  const inconclusive = a.inconclusive === true;
  let label = asLabel(a.phase);
  if (label === null && inconclusive) {
    // an engine may keep the best guess of an unlabelled, inconclusive answer apart
    const bg = a.bestGuess as unknown;
    label = asLabel(bg) ?? asLabel((bg as Record<string, unknown> | null)?.phase);
  }
  const q = (a.quantities ?? {}) as Record<string, { value?: unknown } | undefined>;
  const tc = q.Tc90_K?.value;
  const conf = typeof a.confidence === "number" && Number.isFinite(a.confidence) ? a.confidence : 0;
  return {
    label: label ?? "NONE",
    inconclusive,
    reasonCode: typeof a.reasonCode === "string" ? a.reasonCode : null,
    inconclusiveReason: typeof a.inconclusiveReason === "string" ? a.inconclusiveReason : null,
    confidence: Math.min(1, Math.max(0, conf)),
    model: typeof a.model === "string" ? a.model : null,
    reasons: Array.isArray(a.reasons) ? a.reasons.filter((r): r is string => typeof r === "string") : [],
    Tc90_K: typeof tc === "number" && Number.isFinite(tc) ? tc : null,
  };
}

/** A short form of an answer: "S", "S?" (inconclusive best guess S), "NONE:no_signal", "NONE?:reentrant". */
export function answerKey(v: TVerdict): string {
  const base = `${v.label}${v.inconclusive ? "?" : ""}`;
  return v.reasonCode ? `${base}:${v.reasonCode}` : base;
}
