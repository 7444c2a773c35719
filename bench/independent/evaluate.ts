/**
 * Accuracy of the classification engine on the independent corpus.
 *
 *   npx tsx bench/independent/evaluate.ts --seed 7 --count 3000 [--hard-fraction 0.4] [--worst 20]
 *        [--out bench/out/independent.jsonl | --no-jsonl] [--results bench/out/independent-results.jsonl]
 *        [--exclude I1-parallel,I2-parallel] [--no-families] [--json]
 *
 * Generates the corpus (bench/independent/generator.ts), writes it as JSON
 * lines (one curve per line: id, T, R, H_Oe?, P_GPa?, phase, difficulty,
 * family, truth), runs analyzeCurve on every curve and prints: confusion
 * matrices (clear, hard), per-class accuracy counted both ways (best guess;
 * strict, where an inconclusive result is wrong), inconclusive rates and
 * reasons, the calibration of the confidence, per-family accuracy and the
 * worst misclassifications with their parameters and the engine's reasons.
 * With --results, one JSON line per curve with the engine's verdict. With
 * --exclude, the listed families are generated (the corpus stays the same)
 * but left out of the JSON lines and of the statistics.
 */
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";
import { analyzeCurve, ENGINE_VERSION, type CurveAnalysis } from "~/server/fitting";
import { curveToJsonLine, generateCurve, PHASE_LIST, type TDifficulty, type TIndependentCurve, type TPhase } from "./generator";
import { cliArgs } from "../../scripts/lib/args";
import { readVerdict } from "./engine-verdict";

interface TArgs {
  seed: number;
  count: number;
  hardFraction: number;
  worst: number;
  out: string | null;
  results: string | null;
  families: boolean;
  json: boolean;
  exclude: Set<string>;
}

function parseArgs(argv: string[]): TArgs {
  const { get, num } = cliArgs(argv);

  const out = get("out") ?? "bench/out/independent.jsonl";
  return {
    seed: num("seed", 7),
    count: num("count", 3000),
    hardFraction: num("hard-fraction", 0.4),
    worst: num("worst", 20),
    out: argv.includes("--no-jsonl") ? null : out,
    results: get("results") ?? null,
    families: !argv.includes("--no-families"),
    json: argv.includes("--json"),
    exclude: new Set((get("exclude") ?? "").split(",").filter((f) => f.length > 0)),
  };
}

/** the engine's label; "NONE" when it gives no SIT label */
type TPred = TPhase | "NONE" | "error";

interface TRecord {
  curve: Pick<TIndependentCurve, "id" | "phase" | "difficulty" | "family" | "truth">;
  pred: TPred;
  confidence: number;
  inconclusive: boolean;
  inconclusiveReason: string | null;
  model: string;
  reasons: string[];
  runnerUp: CurveAnalysis["runnerUp"];
  params: Record<string, number>;
  error?: string;
}

const pct = (a: number, b: number): string => (b === 0 ? "   —  " : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

function confusion(records: TRecord[], title: string): string {
  const cols: TPred[] = [...PHASE_LIST, "NONE", "error"];
  const lines: string[] = [];
  lines.push(`${title} (rows: truth, columns: engine best guess; [inconclusive among them])`);
  lines.push(`${"".padEnd(6)}${cols.map((c) => c.padStart(11)).join("")}${"n".padStart(7)}${"acc".padStart(8)}`);
  for (const t of PHASE_LIST) {
    const row = records.filter((r) => r.curve.phase === t);
    const cells = cols.map((c) => {
      const inCell = row.filter((r) => r.pred === c);
      const inc = inCell.filter((r) => r.inconclusive).length;
      return `${inCell.length}${inc ? `[${inc}]` : ""}`.padStart(11);
    });
    const right = row.filter((r) => r.pred === t).length;
    lines.push(`${t.padEnd(6)}${cells.join("")}${String(row.length).padStart(7)}${pct(right, row.length).padStart(8)}`);
  }
  return lines.join("\n");
}

function accuracyTable(records: TRecord[]): string {
  const lines: string[] = [];
  lines.push("per-class accuracy: best guess | strict (inconclusive = wrong) | inconclusive rate");
  lines.push(`${"class".padEnd(6)}${"diff".padEnd(7)}${"n".padStart(6)}${"best".padStart(9)}${"strict".padStart(9)}${"inconcl".padStart(9)}`);
  const groups: (TDifficulty | "all")[] = ["clear", "hard", "all"];
  for (const t of [...PHASE_LIST, "all"] as const) {
    for (const d of groups) {
      const sel = records.filter((r) => (t === "all" || r.curve.phase === t) && (d === "all" || r.curve.difficulty === d));
      const best = sel.filter((r) => r.pred === r.curve.phase).length;
      const strict = sel.filter((r) => r.pred === r.curve.phase && !r.inconclusive).length;
      const inc = sel.filter((r) => r.inconclusive).length;
      lines.push(`${t.padEnd(6)}${d.padEnd(7)}${String(sel.length).padStart(6)}${pct(best, sel.length).padStart(9)}${pct(strict, sel.length).padStart(9)}${pct(inc, sel.length).padStart(9)}`);
    }
  }
  return lines.join("\n");
}

function inconclusiveReasons(records: TRecord[]): string {
  const counts = new Map<string, { n: number; right: number }>();
  for (const r of records) {
    if (!r.inconclusive) continue;
    // group by the reason with its numbers blanked
    const key = (r.inconclusiveReason ?? "(no reason)").replace(/[-+]?\d[\d.eE+-]*/g, "#").slice(0, 110);
    const c = counts.get(key) ?? { n: 0, right: 0 };
    c.n++;
    if (r.pred === r.curve.phase) c.right++;
    counts.set(key, c);
  }
  const lines = ["inconclusive reasons (numbers blanked): count, best guess right"];
  for (const [k, v] of [...counts.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, 15)) lines.push(`${String(v.n).padStart(6)} ${String(v.right).padStart(5)}  ${k}`);
  return lines.join("\n");
}

function calibration(records: TRecord[]): string {
  const lines = ["confidence calibration (best guess right, all curves)"];
  lines.push(`${"bin".padEnd(12)}${"n".padStart(6)}${"mean conf".padStart(11)}${"right".padStart(9)}${"strict".padStart(9)}`);
  let ece = 0;
  const valid = records.filter((r) => r.pred !== "error");
  for (let b = 0; b < 10; b++) {
    const lo = b / 10;
    const hi = (b + 1) / 10;
    const sel = valid.filter((r) => r.confidence >= lo && (b === 9 ? r.confidence <= hi : r.confidence < hi));
    if (sel.length === 0) {
      lines.push(`[${lo.toFixed(1)}, ${hi.toFixed(1)}${b === 9 ? "]" : ")"}`.padEnd(12) + "0".padStart(6));
      continue;
    }
    const mean = sel.reduce((s, r) => s + r.confidence, 0) / sel.length;
    const right = sel.filter((r) => r.pred === r.curve.phase).length;
    const strict = sel.filter((r) => r.pred === r.curve.phase && !r.inconclusive).length;
    ece += (sel.length / valid.length) * Math.abs(mean - right / sel.length);
    lines.push(
      `[${lo.toFixed(1)}, ${hi.toFixed(1)}${b === 9 ? "]" : ")"}`.padEnd(12) +
        `${String(sel.length).padStart(6)}${mean.toFixed(3).padStart(11)}${pct(right, sel.length).padStart(9)}${pct(strict, sel.length).padStart(9)}`,
    );
  }
  lines.push(`expected calibration error (best guess): ${ece.toFixed(3)}`);
  return lines.join("\n");
}

function familyTable(records: TRecord[]): string {
  const fams = new Map<string, TRecord[]>();
  for (const r of records) {
    const list = fams.get(r.curve.family) ?? [];
    list.push(r);
    fams.set(r.curve.family, list);
  }
  const lines = ["per family: n, best-guess accuracy, strict accuracy, inconclusive rate, wrong guesses"];
  const order = [...fams.keys()].sort((a, b) => a.localeCompare(b));
  for (const f of order) {
    const sel = fams.get(f)!;
    const best = sel.filter((r) => r.pred === r.curve.phase).length;
    const strict = sel.filter((r) => r.pred === r.curve.phase && !r.inconclusive).length;
    const inc = sel.filter((r) => r.inconclusive).length;
    const wrong = new Map<string, number>();
    for (const r of sel) if (r.pred !== r.curve.phase) wrong.set(r.pred, (wrong.get(r.pred) ?? 0) + 1);
    const w = [...wrong.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(" ");
    lines.push(`${f.padEnd(24)}${String(sel.length).padStart(5)}${pct(best, sel.length).padStart(9)}${pct(strict, sel.length).padStart(9)}${pct(inc, sel.length).padStart(9)}   ${w}`);
  }
  return lines.join("\n");
}

function fmt(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : Math.abs(v) >= 1e4 || Math.abs(v) < 1e-2 ? v.toExponential(2) : v.toPrecision(3);
  return String(v);
}

const TRUTH_SKIP = new Set(["attempts", "nPoints"]);

function worstTable(records: TRecord[], k: number): string {
  const wrong = records
    .filter((r) => r.pred !== r.curve.phase)
    .sort((a, b) => b.confidence - a.confidence || Number(a.inconclusive) - Number(b.inconclusive));
  const lines = [`${k} worst misclassifications (wrong best guess, highest confidence first) of ${wrong.length}`];
  for (const r of wrong.slice(0, k)) {
    lines.push("");
    lines.push(
      `${r.curve.id}  ${r.curve.family} (${r.curve.difficulty})  truth ${r.curve.phase} → engine ${r.pred} conf ${r.confidence.toFixed(2)}${r.inconclusive ? " INCONCLUSIVE" : ""} model ${r.model}` +
        (r.runnerUp ? `  runner-up ${r.runnerUp.phase} ${r.runnerUp.confidence.toFixed(2)}` : ""),
    );
    const truth = Object.entries(r.curve.truth)
      .filter(([key]) => !TRUTH_SKIP.has(key))
      .map(([key, v]) => `${key}=${fmt(v)}`)
      .join(" ");
    lines.push(`  truth: n=${fmt(r.curve.truth.nPoints)} ${truth}`);
    if (r.error) lines.push(`  error: ${r.error}`);
    if (r.inconclusiveReason) lines.push(`  inconclusive: ${r.inconclusiveReason}`);
    for (const reason of r.reasons.slice(0, 4)) lines.push(`  · ${reason}`);
  }
  return lines.join("\n");
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const open = (file: string | null): WriteStream | null => {
    if (!file) return null;
    mkdirSync(dirname(file), { recursive: true });
    return createWriteStream(file);
  };
  const corpusOut = open(args.out);
  const resultsOut = open(args.results);
  const records: TRecord[] = [];
  let genMs = 0;
  let fitMs = 0;
  let points = 0;
  for (let i = 0; i < args.count; i++) {
    const g0 = performance.now();
    const c = generateCurve(args.seed, i, { hardFraction: args.hardFraction });
    genMs += performance.now() - g0;
    if (args.exclude.has(c.family)) continue;
    points += c.T.length;
    if (corpusOut) await write(corpusOut, curveToJsonLine(c) + "\n");
    const f0 = performance.now();
    let rec: TRecord;
    const curve = { id: c.id, phase: c.phase, difficulty: c.difficulty, family: c.family, truth: c.truth };
    try {
      const a = analyzeCurve({
        T: c.T,
        R: c.R,
        ...(c.H_Oe !== undefined ? { H_Oe: c.H_Oe } : {}),
        ...(c.P_GPa !== undefined ? { P_GPa: c.P_GPa } : {}),
      });
      const v = readVerdict(a);
      rec = {
        curve,
        pred: v.label,
        confidence: v.confidence,
        inconclusive: v.inconclusive,
        inconclusiveReason: v.inconclusiveReason ?? v.reasonCode,
        model: v.model ?? "-",
        reasons: v.reasons,
        runnerUp: a.runnerUp,
        params: a.params,
      };
    } catch (e) {
      rec = {
        curve,
        pred: "error",
        confidence: 0,
        inconclusive: true,
        inconclusiveReason: "engine threw",
        model: "-",
        reasons: [],
        runnerUp: null,
        params: {},
        error: e instanceof Error ? e.message : String(e),
      };
    }
    fitMs += performance.now() - f0;
    records.push(rec);
    if (resultsOut) await write(resultsOut, JSON.stringify(rec) + "\n");
    if (!args.json && (i + 1) % 500 === 0) process.stderr.write(`  ${i + 1}/${args.count}\n`);
  }
  if (corpusOut) await close(corpusOut);
  if (resultsOut) await close(resultsOut);

  const clear = records.filter((r) => r.curve.difficulty === "clear");
  const hard = records.filter((r) => r.curve.difficulty === "hard");
  const right = records.filter((r) => r.pred === r.curve.phase).length;
  const strict = records.filter((r) => r.pred === r.curve.phase && !r.inconclusive).length;
  if (args.json) {
    const summary = {
      engineVersion: ENGINE_VERSION,
      seed: args.seed,
      count: args.count,
      hardFraction: args.hardFraction,
      bestGuessAccuracy: right / records.length,
      strictAccuracy: strict / records.length,
      clearBestGuess: clear.filter((r) => r.pred === r.curve.phase).length / Math.max(1, clear.length),
      hardBestGuess: hard.filter((r) => r.pred === r.curve.phase).length / Math.max(1, hard.length),
      inconclusiveRate: records.filter((r) => r.inconclusive).length / records.length,
      errors: records.filter((r) => r.pred === "error").length,
      msPerCurve: fitMs / records.length,
    };
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  const out: string[] = [];
  out.push(
    `independent corpus: seed ${args.seed}, ${records.length} curves (${clear.length} clear, ${hard.length} hard), ${points} points; engine ${ENGINE_VERSION}` +
      (args.exclude.size > 0 ? `; excluded families: ${[...args.exclude].join(", ")}` : ""),
  );
  out.push(
    `generation ${(genMs / records.length).toFixed(2)} ms/curve, analyzeCurve ${(fitMs / records.length).toFixed(2)} ms/curve; ` +
      `engine errors ${records.filter((r) => r.pred === "error").length}` +
      (args.out ? `; corpus written to ${args.out}` : ""),
  );
  out.push(`overall: best guess ${pct(right, records.length)}, strict ${pct(strict, records.length)}, inconclusive ${pct(records.filter((r) => r.inconclusive).length, records.length)}`);
  out.push("");
  out.push(confusion(clear, "CLEAR"));
  out.push("");
  out.push(confusion(hard, "HARD"));
  out.push("");
  out.push(accuracyTable(records));
  out.push("");
  out.push(inconclusiveReasons(records));
  out.push("");
  out.push(calibration(records));
  out.push("");
  out.push(calibration(clear).replace("all curves", "clear curves"));
  out.push("");
  out.push(calibration(hard).replace("all curves", "hard curves"));
  if (args.families) {
    out.push("");
    out.push(familyTable(records));
  }
  if (args.worst > 0) {
    out.push("");
    out.push(worstTable(records, args.worst));
  }
  console.log(out.join("\n"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
