/**
 * Writes a labelled synthetic corpus as JSON lines.
 *
 *   npx tsx scripts/gen-corpus.ts --seed 1 --count 5000 --hard-fraction 0.3 [--mean-points 550] [--out file.jsonl]
 *
 * Each line: {"id","T":[…],"R":[…],"H_Oe"?,"P_GPa"?,"phase","difficulty","truth":{…}}.
 * Without --out (or with --out -) lines go to standard output.
 */
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { generateCorpus } from "../server/synthetic/corpus";
import type { LabelledCurve } from "../server/synthetic/types";
import { cliArgs } from "./lib/args";

interface Args {
  seed: number;
  count: number;
  hardFraction: number;
  meanPoints?: number;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const { get, num } = cliArgs(argv);

  const args: Args = {
    seed: num("seed", 1)!,
    count: num("count", 1000)!,
    hardFraction: num("hard-fraction", 0.3)!,
    out: get("out") ?? "-",
  };
  const mp = num("mean-points");
  if (mp !== undefined) args.meanPoints = mp;
  if (!(args.hardFraction >= 0 && args.hardFraction <= 1)) throw new Error("--hard-fraction must be in [0, 1]");
  if (!(Number.isInteger(args.count) && args.count >= 0)) throw new Error("--count must be a non-negative integer");
  return args;
}

export function curveToJsonLine(c: LabelledCurve): string {
  const obj: Record<string, unknown> = { id: c.id, T: Array.from(c.T), R: Array.from(c.R) };
  if (c.H_Oe !== undefined) obj.H_Oe = c.H_Oe;
  if (c.P_GPa !== undefined) obj.P_GPa = c.P_GPa;
  obj.phase = c.phase;
  obj.difficulty = c.difficulty;
  obj.truth = c.truth;
  return JSON.stringify(obj);
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const stream: Writable = args.out === "-" ? process.stdout : createWriteStream(args.out);
  const started = performance.now();
  let n = 0;
  let points = 0;
  let buffer = "";
  for (const curve of generateCorpus({
    seed: args.seed,
    count: args.count,
    hardFraction: args.hardFraction,
    ...(args.meanPoints !== undefined ? { meanPoints: args.meanPoints } : {}),
  })) {
    buffer += curveToJsonLine(curve) + "\n";
    n++;
    points += curve.T.length;
    if (buffer.length > 1 << 20) {
      await write(stream, buffer);
      buffer = "";
    }
  }
  if (buffer) await write(stream, buffer);
  if (stream !== process.stdout) await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`gen-corpus: ${n} curves, ${points} points (mean ${(points / Math.max(1, n)).toFixed(1)}) in ${seconds.toFixed(2)} s\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`gen-corpus: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
