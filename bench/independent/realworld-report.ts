/**
 * Scores and tables of evaluate-realworld.ts: per-class accuracy on the clean
 * SIT corpus, acceptable rates per real-world family, Tc90 against the truth,
 * and the calibration of the confidence. Pure functions of the records.
 */
import type { TDifficulty, TTruthValue } from "./generator";
import { transitionFraction, type TTransition } from "./laws";
import { answerKey, type TVerdict } from "./engine-verdict";
import { isAcceptable, OUTCOMES, UNCALIBRATED_FAMILIES, type TAcceptable, type TOutcome } from "./realworld";

export interface TEvalRecord {
  source: "sit" | "realworld";
  id: string;
  family: string;
  difficulty: TDifficulty;
  expected: TOutcome;
  acceptable: TAcceptable;
  /** Tc90 of the truth for superconductors (90 % of the normal state just above the drop); null when not measurable */
  Tc90truth: number | null;
  /** why a superconductor is left out of the Tc90 score (see tc90Exclusion) */
  Tc90excluded?: TTc90Exclusion | null;
  /** null when the engine threw */
  verdict: TVerdict | null;
  error?: string;
  truth: Record<string, TTruthValue>;
}

const SIT_PHASES: readonly TOutcome[] = ["S", "M1", "M2", "I1", "I2"];
export const TC90_TOLERANCE = 0.15;
/** Tc90 is measurable when the window reaches this factor above it (the normal state must be seen) */
export const TC90_WINDOW_MARGIN = 1.2;

export type TTc90Exclusion = "window" | "sparse";

/** The top of the window must show the normal state: the transition fraction there at least this. */
export const TC90_NORMAL_REACHED = 0.97;

/** The transition of a curve, rebuilt from its truth (`shape` and the `tr_*` parameters); null when there is none. */
export function transitionFromTruth(truth: Record<string, TTruthValue>): TTransition | null {
  if (typeof truth.shape !== "string") return null;
  const tr: Record<string, number | string> = { kind: truth.shape };
  for (const [k, v] of Object.entries(truth)) if (k.startsWith("tr_") && typeof v === "number") tr[k.slice(3)] = v;
  return tr as unknown as TTransition;
}

/**
 * Whether a curve can show its Tc90 to within the tolerance: the window must reach
 * TC90_WINDOW_MARGIN × above it and reach the normal state (a transition fraction of at least
 * TC90_NORMAL_REACHED at its top: a broad Aslamazov–Larkin or BKT tail that still rises there
 * hides the normal state the 90 % refers to), and the two readings that bracket Tc90 must lie
 * no more than TC90_TOLERANCE × Tc90 apart (any value between them is then within the tolerance).
 */
export function tc90Exclusion(Tc90: number, Tmax: number, temps: readonly number[] = [], tr: TTransition | null = null): TTc90Exclusion | null {
  if (!Number.isFinite(Tc90) || Tc90 * TC90_WINDOW_MARGIN > Tmax) return "window";
  if (tr !== null && transitionFraction(Tmax, tr) < TC90_NORMAL_REACHED) return "window";
  if (temps.length === 0) return null;
  let below = -Infinity;
  let above = Infinity;
  for (const t of temps) {
    if (t <= Tc90 && t > below) below = t;
    if (t >= Tc90 && t < above) above = t;
  }
  return above - below <= TC90_TOLERANCE * Tc90 ? null : "sparse";
}

/** The truth's Tc90 if the curve can show it (see tc90Exclusion), otherwise null. */
export function measurableTc90(Tc90: number, Tmax: number, temps: readonly number[] = []): number | null {
  return tc90Exclusion(Tc90, Tmax, temps) === null ? Tc90 : null;
}

export const isCorrect = (r: TEvalRecord): boolean =>
  r.verdict !== null && (r.verdict.label === r.expected || r.acceptable.equivalent.includes(r.verdict.label));
export const isStrictCorrect = (r: TEvalRecord): boolean => isCorrect(r) && !r.verdict!.inconclusive;
export const isAcceptableRecord = (r: TEvalRecord): boolean => r.verdict !== null && isAcceptable(r.acceptable, r.verdict);
/** the looser reading: no conclusive SIT label outside the acceptable ones (a conclusive "no label" always passes) */
export const hasNoWrongSitLabel = (r: TEvalRecord): boolean =>
  r.verdict !== null && (r.verdict.inconclusive || r.verdict.label === "NONE" || r.acceptable.conclusive.includes(r.verdict.label));

const pct = (a: number, b: number): string => (b === 0 ? "    —" : `${((100 * a) / b).toFixed(1)}%`.padStart(6));
const frac = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const cnt = <T>(xs: readonly T[], p: (x: T) => boolean): number => xs.reduce((s, x) => s + (p(x) ? 1 : 0), 0);

export function sitAccuracyTable(records: readonly TEvalRecord[]): string {
  const lines = ["clean SIT corpus: per-class accuracy (best guess | strict: inconclusive counted wrong | inconclusive | no label)"];
  lines.push(`${"class".padEnd(7)}${"diff".padEnd(7)}${"n".padStart(6)}${"best".padStart(8)}${"strict".padStart(8)}${"inconcl".padStart(9)}${"NONE".padStart(8)}`);
  for (const d of ["clear", "hard"] as const) {
    for (const ph of [...SIT_PHASES, "all"] as const) {
      const sel = records.filter((r) => r.difficulty === d && (ph === "all" || r.expected === ph));
      const none = cnt(sel, (r) => r.verdict?.label === "NONE");
      lines.push(
        `${ph.padEnd(7)}${d.padEnd(7)}${String(sel.length).padStart(6)}${pct(cnt(sel, isCorrect), sel.length).padStart(8)}${pct(cnt(sel, isStrictCorrect), sel.length).padStart(8)}` +
          `${pct(cnt(sel, (r) => r.verdict?.inconclusive === true), sel.length).padStart(9)}${pct(none, sel.length).padStart(8)}`,
      );
    }
  }
  return lines.join("\n");
}

export function confusionTable(records: readonly TEvalRecord[], title: string): string {
  const cols = [...OUTCOMES, "error"] as const;
  const lines = [`${title} (rows: expected, columns: answer; [inconclusive among them])`];
  lines.push(`${"".padEnd(7)}${cols.map((c) => c.padStart(10)).join("")}`);
  for (const row of OUTCOMES) {
    const sel = records.filter((r) => r.expected === row);
    if (sel.length === 0) continue;
    const cells = cols.map((c) => {
      const inCell = sel.filter((r) => (r.verdict ? r.verdict.label === c : c === "error"));
      const inc = cnt(inCell, (r) => r.verdict?.inconclusive === true);
      return `${inCell.length}${inc ? `[${inc}]` : ""}`.padStart(10);
    });
    lines.push(`${row.padEnd(7)}${cells.join("")}`);
  }
  return lines.join("\n");
}

function breakdown(sel: readonly TEvalRecord[], top = 7): string {
  const m = new Map<string, number>();
  for (const r of sel) {
    const k = r.verdict ? answerKey(r.verdict) : "error";
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

export function familyTable(records: readonly TEvalRecord[]): string {
  const fams = [...new Set(records.map((r) => r.family))];
  const lines = [
    "real-world families: acceptable = no conclusive wrong label (see README); correct = the expected label (best guess);",
    "noSIT = no conclusive wrong SIT label (a conclusive NONE passes); badConf = mean confidence of the unacceptable answers;",
    "answers: label, ? when inconclusive, :reasonCode",
    `${"family".padEnd(25)}${"n".padStart(5)}${"accept".padStart(8)}${"clear".padStart(8)}${"hard".padStart(8)}${"noSIT".padStart(8)}${"correct".padStart(9)}${"inconcl".padStart(9)}${"badConf".padStart(9)}   answers`,
  ];
  for (const f of fams) {
    const sel = records.filter((r) => r.family === f);
    const c = sel.filter((r) => r.difficulty === "clear");
    const h = sel.filter((r) => r.difficulty === "hard");
    const bad = sel.filter((r) => !isAcceptableRecord(r) && r.verdict !== null);
    const badConf = bad.length ? (bad.reduce((acc, r) => acc + r.verdict!.confidence, 0) / bad.length).toFixed(2) : "—";
    lines.push(
      `${f.padEnd(25)}${String(sel.length).padStart(5)}${pct(cnt(sel, isAcceptableRecord), sel.length).padStart(8)}${pct(cnt(c, isAcceptableRecord), c.length).padStart(8)}` +
        `${pct(cnt(h, isAcceptableRecord), h.length).padStart(8)}${pct(cnt(sel, hasNoWrongSitLabel), sel.length).padStart(8)}${pct(cnt(sel, isCorrect), sel.length).padStart(9)}${pct(cnt(sel, (r) => r.verdict?.inconclusive === true), sel.length).padStart(9)}${badConf.padStart(9)}   ${breakdown(sel)}`,
    );
    const noted = sel[0]?.acceptable.noted ?? [];
    for (const lab of noted) {
      const k = cnt(sel, (r) => r.verdict !== null && !r.verdict.inconclusive && r.verdict.label === lab);
      lines.push(`${"".padEnd(25)}  conclusive ${lab} (acceptable, counted apart): ${k} of ${sel.length} (${pct(k, sel.length).trim()})`);
    }
  }
  return lines.join("\n");
}

export interface TTc90Stats {
  n: number;
  within: number;
  missing: number;
  medianRelError: number | null;
}

export function tc90Stats(records: readonly TEvalRecord[]): TTc90Stats {
  const sel = records.filter((r) => r.expected === "S" && r.Tc90truth !== null);
  const errs: number[] = [];
  let missing = 0;
  for (const r of sel) {
    const v = r.verdict?.Tc90_K ?? null;
    if (v === null) missing++;
    else errs.push(Math.abs(v / r.Tc90truth! - 1));
  }
  errs.sort((a, b) => a - b);
  return {
    n: sel.length,
    within: cnt(errs, (e) => e <= TC90_TOLERANCE),
    missing,
    medianRelError: errs.length ? errs[Math.floor(errs.length / 2)]! : null,
  };
}

export function tc90Table(records: readonly TEvalRecord[]): string {
  const lines = [`Tc90 of superconductors (engine quantities.Tc90_K within ${100 * TC90_TOLERANCE} % of the truth; no value counts as a miss)`];
  lines.push(`${"family".padEnd(25)}${"n".padStart(6)}${"within".padStart(9)}${"missing".padStart(9)}${"median |err|".padStart(14)}`);
  const fams = [...new Set(records.filter((r) => r.expected === "S" && r.Tc90truth !== null).map((r) => (r.source === "sit" ? "SIT corpus (S)" : r.family)))];
  const row = (name: string, sel: readonly TEvalRecord[]): string => {
    const s = tc90Stats(sel);
    return `${name.padEnd(25)}${String(s.n).padStart(6)}${pct(s.within, s.n).padStart(9)}${String(s.missing).padStart(9)}${(s.medianRelError === null ? "—" : `${(100 * s.medianRelError).toFixed(1)}%`).padStart(14)}`;
  };
  for (const f of fams) lines.push(row(f, records.filter((r) => (r.source === "sit" ? "SIT corpus (S)" : r.family) === f)));
  lines.push(row("all superconductors", records));
  for (const why of ["window", "sparse"] as const) {
    const left = records.filter((r) => r.Tc90excluded === why);
    if (left.length === 0) continue;
    const what =
      why === "window"
        ? `Tc90 above Tmax/${TC90_WINDOW_MARGIN}, or the transition still rises at the top of the window (below ${100 * TC90_NORMAL_REACHED} % of the normal state): the normal state is not seen`
        : `the readings bracketing Tc90 are more than ${100 * TC90_TOLERANCE} % of Tc90 apart`;
    lines.push(`  (${left.length} superconductors left out: ${what} — ${[...new Set(left.map((r) => r.family))].join(", ")})`);
  }
  // by the shape of the transition: broad tails (al) and two steps put Tc90 far above the steep drop
  const shapes = [...new Set(records.filter((r) => r.expected === "S" && r.Tc90truth !== null).map((r) => String(r.truth.shape ?? "?")))].sort();
  for (const sh of shapes) lines.push(row(`  shape ${sh}`, records.filter((r) => String(r.truth.shape ?? "?") === sh)));
  return lines.join("\n");
}

export interface TBin {
  lo: number;
  hi: number;
  n: number;
  meanConfidence: number | null;
  accuracy: number | null;
}

export interface TCalibration {
  bins: TBin[];
  ece: number;
  /** bins with at least 50 curves whose accuracy is more than 5 points from their mean confidence */
  binsOff: number;
}

/**
 * Reliability bins of width 0.1; right = the answered label (the best guess when inconclusive) is
 * the expected one. Families in UNCALIBRATED_FAMILIES are left out.
 */
export function calibration(records: readonly TEvalRecord[]): TCalibration {
  const valid = records.filter((r) => r.verdict !== null && !UNCALIBRATED_FAMILIES.has(r.family));
  const bins: TBin[] = [];
  let ece = 0;
  let binsOff = 0;
  for (let b = 0; b < 10; b++) {
    const lo = b / 10;
    const hi = (b + 1) / 10;
    const sel = valid.filter((r) => r.verdict!.confidence >= lo && (b === 9 ? r.verdict!.confidence <= hi : r.verdict!.confidence < hi));
    if (sel.length === 0) {
      bins.push({ lo, hi, n: 0, meanConfidence: null, accuracy: null });
      continue;
    }
    const mean = sel.reduce((s, r) => s + r.verdict!.confidence, 0) / sel.length;
    const acc = cnt(sel, isCorrect) / sel.length;
    ece += (sel.length / valid.length) * Math.abs(mean - acc);
    if (sel.length >= 50 && Math.abs(mean - acc) > 0.05) binsOff++;
    bins.push({ lo, hi, n: sel.length, meanConfidence: mean, accuracy: acc });
  }
  return { bins, ece, binsOff };
}

export function calibrationTable(records: readonly TEvalRecord[], title: string): string {
  const cal = calibration(records);
  const lines = [
    `calibration, ${title}: right = answered label (best guess when inconclusive; NONE for no label) is the expected one` +
      ` (without ${[...UNCALIBRATED_FAMILIES].join(", ")})`,
  ];
  lines.push(`${"bin".padEnd(12)}${"n".padStart(6)}${"mean conf".padStart(11)}${"accuracy".padStart(10)}${"gap".padStart(8)}`);
  for (const b of cal.bins) {
    const name = `[${b.lo.toFixed(1)}, ${b.hi.toFixed(1)}${b.hi === 1 ? "]" : ")"}`.padEnd(12);
    if (b.n === 0) lines.push(`${name}${"0".padStart(6)}`);
    else lines.push(`${name}${String(b.n).padStart(6)}${b.meanConfidence!.toFixed(3).padStart(11)}${pct(b.accuracy! * b.n, b.n).padStart(10)}${(100 * (b.accuracy! - b.meanConfidence!)).toFixed(1).padStart(8)}`);
  }
  lines.push(`expected calibration error ${cal.ece.toFixed(3)}; bins with ≥ 50 curves off by > 5 points: ${cal.binsOff}`);
  const worst = cal.bins
    .filter((b) => b.n >= 20)
    .sort((a, b) => Math.abs(b.accuracy! - b.meanConfidence!) - Math.abs(a.accuracy! - a.meanConfidence!))
    .slice(0, 3);
  if (worst.length)
    lines.push(
      `worst bins (n ≥ 20): ${worst.map((b) => `[${b.lo.toFixed(1)}, ${b.hi.toFixed(1)}) n=${b.n} conf ${b.meanConfidence!.toFixed(2)} right ${(100 * b.accuracy!).toFixed(0)}%`).join("; ")}`,
    );
  return lines.join("\n");
}

const fmt = (v: TTruthValue): string =>
  typeof v === "number" ? (Number.isInteger(v) ? String(v) : Math.abs(v) >= 1e4 || Math.abs(v) < 1e-2 ? v.toExponential(2) : v.toPrecision(3)) : String(v);

/** The unacceptable answers given with the highest confidence. */
export function worstTable(records: readonly TEvalRecord[], k: number): string {
  const bad = records.filter((r) => !isAcceptableRecord(r)).sort((a, b) => (b.verdict?.confidence ?? 0) - (a.verdict?.confidence ?? 0));
  const lines = [`${Math.min(k, bad.length)} of ${bad.length} unacceptable answers, highest confidence first`];
  for (const r of bad.slice(0, k)) {
    const v = r.verdict;
    lines.push("");
    lines.push(`${r.id}  ${r.family} (${r.difficulty})  expected ${r.expected} → ${v ? `${answerKey(v)} conf ${v.confidence.toFixed(2)} model ${v.model ?? "-"}` : `error: ${r.error}`}`);
    lines.push(`  truth: ${Object.entries(r.truth).filter(([key]) => key !== "attempts").map(([key, val]) => `${key}=${fmt(val)}`).join(" ")}`);
    for (const reason of v?.reasons.slice(0, 3) ?? []) lines.push(`  · ${reason}`);
  }
  return lines.join("\n");
}

/** The figures of issue 8's targets, for --json and the PASS/FAIL lines. */
export function summary(sit: readonly TEvalRecord[], rw: readonly TEvalRecord[]) {
  const perClass = (d: TDifficulty) =>
    Object.fromEntries(SIT_PHASES.map((ph) => {
      const sel = sit.filter((r) => r.difficulty === d && r.expected === ph);
      return [ph, frac(cnt(sel, isCorrect), sel.length)];
    }));
  const clear = sit.filter((r) => r.difficulty === "clear");
  const hard = sit.filter((r) => r.difficulty === "hard");
  const families = Object.fromEntries(
    [...new Set(rw.map((r) => r.family))].map((f) => {
      const sel = rw.filter((r) => r.family === f);
      const answers: Record<string, number> = {};
      for (const r of sel) {
        const key = r.verdict ? answerKey(r.verdict) : "error";
        answers[key] = (answers[key] ?? 0) + 1;
      }
      return [f, { n: sel.length, acceptable: frac(cnt(sel, isAcceptableRecord), sel.length), noWrongSitLabel: frac(cnt(sel, hasNoWrongSitLabel), sel.length), correct: frac(cnt(sel, isCorrect), sel.length), answers }];
    }),
  );
  const all = [...sit, ...rw];
  const tc = tc90Stats(all);
  return {
    sit: {
      n: sit.length,
      clear: { n: clear.length, bestGuess: frac(cnt(clear, isCorrect), clear.length), strict: frac(cnt(clear, isStrictCorrect), clear.length), perClass: perClass("clear") },
      hard: { n: hard.length, bestGuess: frac(cnt(hard, isCorrect), hard.length), strict: frac(cnt(hard, isStrictCorrect), hard.length), perClass: perClass("hard") },
    },
    realworld: { n: rw.length, acceptable: frac(cnt(rw, isAcceptableRecord), rw.length), families },
    tc90: { ...tc, fraction: frac(tc.within, tc.n), leftOutWindow: cnt(all, (r) => r.Tc90excluded === "window"), leftOutSparse: cnt(all, (r) => r.Tc90excluded === "sparse") },
    calibration: { all: calibration(all), sit: calibration(sit), realworld: calibration(rw) },
    errors: cnt(all, (r) => r.verdict === null),
  };
}

export function targetLines(s: ReturnType<typeof summary>): string {
  const ok = (b: boolean): string => (b ? "PASS" : "FAIL");
  const f = (x: number | null): string => (x === null ? "—" : `${(100 * x).toFixed(1)} %`);
  const minClear = Math.min(...Object.values(s.sit.clear.perClass).map((x) => x ?? 0));
  const fam = Object.entries(s.realworld.families);
  const worstFam = fam.reduce<[string, number]>((w, [k, v]) => ((v.acceptable ?? 0) < w[1] ? [k, v.acceptable ?? 0] : w), ["—", 1]);
  const cal = s.calibration.all;
  return [
    "targets (issue 8)",
    `${ok((s.sit.clear.bestGuess ?? 0) >= 0.98 && minClear >= 0.95)}  clean clear curves ≥ 98 %, every class ≥ 95 %: ${f(s.sit.clear.bestGuess)}, lowest class ${f(minClear)}`,
    `${ok((s.sit.hard.bestGuess ?? 0) >= 0.85)}  clean hard curves ≥ 85 %: ${f(s.sit.hard.bestGuess)}`,
    `${ok(worstFam[1] >= 0.95)}  every real-world family acceptable on ≥ 95 %: lowest ${worstFam[0]} ${f(worstFam[1])}`,
    `${ok((s.tc90.fraction ?? 0) >= 0.95)}  Tc90 within 15 % on ≥ 95 % of superconductors: ${f(s.tc90.fraction)} of ${s.tc90.n}`,
    `${ok(cal.ece <= 0.03 && cal.binsOff === 0)}  calibration: ECE ≤ 0.03 and every bin with ≥ 50 curves within 5 points: ECE ${cal.ece.toFixed(3)}, ${cal.binsOff} bins off`,
  ].join("\n");
}
