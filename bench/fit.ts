/**
 * Throughput benchmark of the classify command.
 *
 *   npm run bench:fit [-- --count 5000 --mean-points 550 --seed 2024 --hard-fraction 0.3 --runs 1]
 *
 * 1. Writes a labelled synthetic corpus (server/synthetic) to bench/out/
 *    (git-ignored; reused when it already exists with the same parameters).
 * 2. Runs `npm run -s classify -- <corpus> --workers N` as a child process for
 *    N = 1 and 2 and times the whole process (start-up, reading, JSON parsing,
 *    analysis, output). Also times `tsx scripts/classify.ts` directly (the
 *    same command without npm's own start-up).
 * 3. Prints curves per second and the accuracy of the run against the labels.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "../server/synthetic";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function arg(name: string, def: number): number {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return v === undefined ? def : Number(v);
}

const count = arg("count", 5000);
const meanPoints = arg("mean-points", 550);
const seed = arg("seed", 2024);
const hardFraction = arg("hard-fraction", 0.3);
const runs = arg("runs", 1);

async function writeCorpus(path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  let points = 0;
  const t0 = performance.now();
  for (const c of generateCorpus({ seed, count, hardFraction, meanPoints })) {
    points += c.T.length;
    const obj: Record<string, unknown> = { id: c.id, T: Array.from(c.T), R: Array.from(c.R) };
    if (c.H_Oe !== undefined) obj.H_Oe = c.H_Oe;
    if (c.P_GPa !== undefined) obj.P_GPa = c.P_GPa;
    obj.phase = c.phase;
    obj.difficulty = c.difficulty;
    obj.truth = c.truth;
    if (!out.write(JSON.stringify(obj) + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  renameSync(tmp, path);
  console.log(`corpus: ${count} curves, ${points} points (mean ${(points / count).toFixed(0)}) written in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${path}`);
}

function labels(path: string): Map<string, { phase: string; difficulty: string }> {
  const m = new Map<string, { phase: string; difficulty: string }>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line) continue;
    // the label fields follow the arrays; avoid parsing the arrays again
    const id = /"id":"([^"]*)"/.exec(line)?.[1];
    const phase = /"phase":"([^"]*)"/.exec(line)?.[1];
    const difficulty = /"difficulty":"([^"]*)"/.exec(line)?.[1];
    if (id && phase && difficulty) m.set(id, { phase, difficulty });
  }
  return m;
}

interface Run {
  seconds: number;
  lines: string[];
  code: number | null;
  cpuSeconds: number | null;
}

function run(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CLASSIFY_STATS: "1" } });
    const chunks: Buffer[] = [];
    const errs: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => chunks.push(b));
    child.stderr.on("data", (b: Buffer) => errs.push(b));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const lines = Buffer.concat(chunks).toString("utf8").split("\n").filter((l) => l.length > 0);
      let cpuSeconds: number | null = null;
      for (const l of Buffer.concat(errs).toString("utf8").split("\n")) {
        if (l.startsWith('{"cpuUserMs"')) {
          const s = JSON.parse(l) as { cpuUserMs: number; cpuSystemMs: number };
          cpuSeconds = (s.cpuUserMs + s.cpuSystemMs) / 1000;
        } else if (l.trim()) process.stderr.write(`${l}\n`);
      }
      resolve({ seconds, lines, code, cpuSeconds });
    });
  });
}

function accuracy(lines: string[], truth: Map<string, { phase: string; difficulty: string }>) {
  const t = { clear: [0, 0], hard: [0, 0], inconclusive: 0 };
  for (const l of lines) {
    const o = JSON.parse(l) as { id: string; phase: string | null; inconclusive: boolean };
    const lab = truth.get(o.id);
    if (!lab) continue;
    const bucket = lab.difficulty === "hard" ? t.hard : t.clear;
    bucket[1]!++;
    if (o.phase === lab.phase) bucket[0]!++;
    if (o.inconclusive) t.inconclusive++;
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) : "-");
  return `accuracy clear ${pct(t.clear[0]!, t.clear[1]!)} % (n=${t.clear[1]}), hard ${pct(t.hard[0]!, t.hard[1]!)} % (n=${t.hard[1]}), inconclusive ${t.inconclusive}`;
}

async function main(): Promise<void> {
  const path = join(root, "bench", "out", `fit-corpus-s${seed}-n${count}-p${meanPoints}-h${hardFraction}.jsonl`);
  if (!existsSync(path)) await writeCorpus(path);
  else console.log(`corpus: reusing ${path}`);
  const truth = labels(path);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const { loadavg, cpus } = await import("node:os");
  console.log(`node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}, ${count} curves`);
  for (const workers of [1, 2]) {
    for (let r = 0; r < runs; r++) {
      const res = await run(npm, ["run", "-s", "classify", "--", path, "--workers", String(workers)]);
      if (res.code !== 0 || res.lines.length !== count) {
        console.log(`  npm run classify --workers ${workers}: exit ${res.code}, ${res.lines.length} lines (expected ${count})`);
        process.exitCode = 1;
        continue;
      }
      const cpu = res.cpuSeconds !== null ? `, CPU ${res.cpuSeconds.toFixed(2)} s (${(count / res.cpuSeconds).toFixed(0)} curves per CPU-second)` : "";
      console.log(
        `  npm run -s classify --workers ${workers}: wall ${res.seconds.toFixed(2)} s → ${(count / res.seconds).toFixed(0)} curves/s${cpu}; ${accuracy(res.lines, truth)}`,
      );
    }
    const direct = await run(tsx, ["scripts/classify.ts", path, "--workers", String(workers)]);
    console.log(`  tsx scripts/classify.ts --workers ${workers}: wall ${direct.seconds.toFixed(2)} s → ${(count / direct.seconds).toFixed(0)} curves/s`);
  }
}

void main();
