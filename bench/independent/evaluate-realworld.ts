/**
 * Runs the engine's public analyzeCurve on the clean SIT corpus
 * (generator.ts) and on the real-world families (realworld.ts), and prints:
 * per-class accuracy on the clean curves (clear and hard apart), per family
 * the acceptable rate and the breakdown of answers, Tc90 against the truth,
 * the calibration of the confidence, and the worst answers.
 *
 *   npx tsx bench/independent/evaluate-realworld.ts [--seed 11] [--count 1500] [--per-family 150]
 *        [--hard-fraction 0.4] [--families a,b] [--no-sit] [--worst 15] [--json]
 *        [--out bench/out/realworld.jsonl] [--results bench/out/realworld-results.jsonl]
 */
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";
import { analyzeCurve, ENGINE_VERSION } from "~/server/fitting";
import { cliArgs } from "../../scripts/lib/args";
import { readVerdict } from "./engine-verdict";
import { generateCurve } from "./generator";
import { isRealWorldFamily, iterateRealWorld, realWorldToJsonLine, REALWORLD_FAMILY_LIST, type TRealWorldFamily } from "./realworld";
import type { TReadout } from "./realworld-measure";
import {
  calibrationTable,
  confusionTable,
  familyTable,
  tc90Exclusion,
  transitionFromTruth,
  sitAccuracyTable,
  summary,
  targetLines,
  tc90Table,
  worstTable,
  type TEvalRecord,
} from "./realworld-report";

interface TArgs {
  seed: number;
  count: number;
  perFamily: number;
  hardFraction: number;
  families: TRealWorldFamily[];
  sit: boolean;
  worst: number;
  json: boolean;
  out: string | null;
  results: string | null;
}

function parseArgs(argv: string[]): TArgs {
  const { get, num, flag } = cliArgs(argv);
  const fams = (get("families") ?? "").split(",").filter((f) => f.length > 0);
  for (const f of fams) if (!isRealWorldFamily(f)) throw new Error(`unknown family ${f}; known: ${REALWORLD_FAMILY_LIST.join(", ")}`);
  return {
    seed: num("seed", 11),
    count: num("count", 1500),
    perFamily: num("per-family", 150),
    hardFraction: num("hard-fraction", 0.4),
    families: fams.length ? (fams as TRealWorldFamily[]) : REALWORLD_FAMILY_LIST,
    sit: !flag("no-sit"),
    worst: num("worst", 15),
    json: flag("json"),
    out: get("out") ?? null,
    results: get("results") ?? null,
  };
}

/** The engine on one curve; the input carries `readout` whether or not the engine knows it yet. */
function analyze(input: { T: number[]; R: number[]; readout?: TReadout; H_Oe?: number; P_GPa?: number }) {
  try {
    return { verdict: readVerdict(analyzeCurve(input)) };
  } catch (e) {
    return { verdict: null, error: e instanceof Error ? e.message : String(e) };
  }
}

function open(file: string | null): WriteStream | null {
  if (!file) return null;
  mkdirSync(dirname(file), { recursive: true });
  return createWriteStream(file);
}

async function write(stream: WriteStream | null, line: string): Promise<void> {
  if (stream && !stream.write(line + "\n")) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
}

async function close(stream: WriteStream | null): Promise<void> {
  if (stream) await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const corpusOut = open(args.out);
  const resultsOut = open(args.results);
  const sit: TEvalRecord[] = [];
  const rw: TEvalRecord[] = [];
  const t0 = performance.now();
  const progress = (n: number): void => {
    if (!args.json && n % 500 === 0) process.stderr.write(`  ${n} curves\n`);
  };

  if (args.sit) {
    for (let i = 0; i < args.count; i++) {
      const c = generateCurve(args.seed, i, { hardFraction: args.hardFraction });
      const res = analyze({ T: c.T, R: c.R, ...(c.H_Oe !== undefined ? { H_Oe: c.H_Oe } : {}), ...(c.P_GPa !== undefined ? { P_GPa: c.P_GPa } : {}) });
      const excluded = c.phase === "S" ? tc90Exclusion(Number(c.truth.Tc90_K), Number(c.truth.Tmax_K), c.T, transitionFromTruth(c.truth)) : null;
      const rec: TEvalRecord = {
        source: "sit",
        id: c.id,
        family: c.family,
        difficulty: c.difficulty,
        expected: c.phase,
        acceptable: { conclusive: [c.phase], inconclusive: true, equivalent: [], noted: [] },
        Tc90truth: c.phase === "S" && excluded === null ? Number(c.truth.Tc90_K) : null,
        Tc90excluded: excluded,
        ...res,
        truth: c.truth,
      };
      sit.push(rec);
      await write(resultsOut, JSON.stringify({ ...rec, truth: undefined }));
      progress(sit.length);
    }
  }
  for (const c of iterateRealWorld({ seed: args.seed, perFamily: args.perFamily, hardFraction: args.hardFraction, families: args.families })) {
    await write(corpusOut, realWorldToJsonLine(c));
    const res = analyze({ T: c.T, R: c.R, ...(c.readout !== undefined ? { readout: c.readout } : {}), ...(c.H_Oe !== undefined ? { H_Oe: c.H_Oe } : {}) });
    const excluded = c.expected === "S" ? tc90Exclusion(Number(c.truth.Tc90_K), Number(c.truth.Tmax_K), c.T, transitionFromTruth(c.truth)) : null;
    const rec: TEvalRecord = {
      source: "realworld",
      id: c.id,
      family: c.family,
      difficulty: c.difficulty,
      expected: c.expected,
      acceptable: c.acceptable,
      Tc90truth: c.expected === "S" && excluded === null ? Number(c.truth.Tc90_K) : null,
      Tc90excluded: excluded,
      ...res,
      truth: c.truth,
    };
    rw.push(rec);
    await write(resultsOut, JSON.stringify({ ...rec, truth: undefined }));
    progress(sit.length + rw.length);
  }
  await close(corpusOut);
  await close(resultsOut);
  const seconds = (performance.now() - t0) / 1000;

  const s = summary(sit, rw);
  if (args.json) {
    console.log(JSON.stringify({ engineVersion: ENGINE_VERSION, seed: args.seed, count: args.count, perFamily: args.perFamily, hardFraction: args.hardFraction, seconds, ...s }, null, 2));
    return;
  }
  const out: string[] = [];
  out.push(
    `engine ${ENGINE_VERSION}; seed ${args.seed}; clean SIT corpus ${sit.length} curves, real-world ${rw.length} curves (${args.perFamily} per family, hard fraction ${args.hardFraction}); ` +
      `${seconds.toFixed(1)} s; engine errors ${s.errors}`,
  );
  out.push("");
  out.push(targetLines(s));
  if (sit.length) {
    out.push("", sitAccuracyTable(sit));
    out.push("", confusionTable(sit.filter((r) => r.difficulty === "clear"), "clean SIT, clear"));
    out.push("", confusionTable(sit.filter((r) => r.difficulty === "hard"), "clean SIT, hard"));
  }
  out.push("", familyTable(rw));
  out.push("", confusionTable(rw, "real-world families"));
  out.push("", tc90Table([...sit, ...rw]));
  out.push("", calibrationTable([...sit, ...rw], "all curves"));
  if (sit.length) out.push("", calibrationTable(sit, "clean SIT corpus"));
  out.push("", calibrationTable(rw, "real-world families"));
  if (args.worst > 0) out.push("", worstTable([...rw, ...sit], args.worst));
  console.log(out.join("\n"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
