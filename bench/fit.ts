/**
 * Throughput benchmark of the classify command.
 *
 *   npm run bench:fit [-- --count 5000 --mean-points 550 --seed 2024 --hard-fraction 0.3 --runs 1]
 *
 * 1. Writes a labelled synthetic corpus (server/synthetic) to bench/out/
 *    (git-ignored; reused when it already exists with the same parameters).
 * 2. Times the start-up alone (an empty input) of the bundled command and of
 *    tsx, then runs `npm run -s classify -- <corpus> --workers N` (the
 *    prebuilt bundle, scripts/run-bundled.mjs) as a child process: on one core
 *    (`taskset -c 0` where it exists: the target figure), then unpinned for
 *    N = 1 and 2, and times each whole process (start-up, reading, JSON
 *    parsing, analysis, output). Also times `tsx scripts/classify.ts` (the
 *    command before the bundle). With --runs R every row is run R times and
 *    the median is printed with the spread.
 * 3. Prints curves per second and the accuracy of the run against the labels,
 *    checks that every command printed the same bytes, and keeps the output of
 *    the one-core run in bench/out/ (`<corpus>.out.jsonl`) for diffs.
 */
import { spawn } from "node:child_process";
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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
  out: Buffer;
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
      const out = Buffer.concat(chunks);
      const lines = out.toString("utf8").split("\n").filter((l) => l.length > 0);
      let cpuSeconds: number | null = null;
      for (const l of Buffer.concat(errs).toString("utf8").split("\n")) {
        if (l.startsWith('{"cpuUserMs"')) {
          const s = JSON.parse(l) as { cpuUserMs: number; cpuSystemMs: number };
          cpuSeconds = (s.cpuUserMs + s.cpuSystemMs) / 1000;
        } else if (l.trim()) process.stderr.write(`${l}\n`);
      }
      resolve({ seconds, out, lines, code, cpuSeconds });
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const path = join(root, "bench", "out", `fit-corpus-s${seed}-n${count}-p${meanPoints}-h${hardFraction}.jsonl`);
  if (!existsSync(path)) await writeCorpus(path);
  else console.log(`corpus: reusing ${path}`);
  const truth = labels(path);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const hasTaskset = process.platform === "linux" && spawnSync("taskset", ["-c", "0", "true"]).status === 0;
  const oneCore = (cmd: string, args: string[]): [string, string[]] => (hasTaskset ? ["taskset", ["-c", "0", cmd, ...args]] : [cmd, args]);
  const { loadavg, cpus } = await import("node:os");
  const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`node ${process.version}, ${cpus().length} cores, load average ${load()}, ${count} curves`);
  console.log(hasTaskset ? "one core: taskset -c 0" : "one core: taskset not available, the one-core rows are not pinned");

  // start-up alone: an empty input (the first bundled run also builds the bundle when the sources changed)
  const empty = join(root, "bench", "out", "empty.jsonl");
  writeFileSync(empty, "");
  const build = await run(npm, ["run", "-s", "classify", "--", empty]);
  console.log(`  first bundled run (builds .build/ when a source changed): ${build.seconds.toFixed(2)} s`);
  const startups: [string, string, string[]][] = [
    ["npm run -s classify (bundle)", npm, ["run", "-s", "classify", "--", empty]],
    ["node scripts/run-bundled.mjs scripts/classify.ts", process.execPath, ["scripts/run-bundled.mjs", "scripts/classify.ts", empty]],
    ["tsx scripts/classify.ts (before the bundle)", tsx, ["scripts/classify.ts", empty]],
  ];
  for (const [label, cmd, args] of startups) {
    const times: number[] = [];
    for (let r = 0; r < Math.max(3, runs); r++) times.push((await run(...oneCore(cmd, args))).seconds);
    console.log(`  start-up, empty input, one core: ${label}: median ${median(times).toFixed(2)} s (${times.map((t) => t.toFixed(2)).join(", ")})`);
  }

  let reference: Buffer | null = null;
  const row = async (label: string, cmd: string, args: string[], keep = false) => {
    const times: number[] = [];
    const cpu: number[] = [];
    let last: Run | null = null;
    for (let r = 0; r < runs; r++) {
      const res = await run(cmd, args);
      if (res.code !== 0 || res.lines.length !== count) {
        console.log(`  ${label}: exit ${res.code}, ${res.lines.length} lines (expected ${count})`);
        process.exitCode = 1;
        return;
      }
      if (reference === null) reference = res.out;
      else if (!res.out.equals(reference)) {
        console.log(`  ${label}: output differs from the first run's`);
        process.exitCode = 1;
      }
      times.push(res.seconds);
      if (res.cpuSeconds !== null) cpu.push(res.cpuSeconds);
      last = res;
    }
    if (!last) return;
    const wall = median(times);
    const spread = runs > 1 ? ` (${times.map((t) => t.toFixed(2)).join(", ")}; load ${load()})` : "";
    const cpuText = cpu.length ? `, CPU ${median(cpu).toFixed(2)} s (${(count / median(cpu)).toFixed(0)} curves per CPU-second)` : "";
    console.log(`  ${label}: wall ${wall.toFixed(2)} s${spread} → ${(count / wall).toFixed(0)} curves/s${cpuText}; ${accuracy(last.lines, truth)}`);
    if (keep) writeFileSync(`${path.replace(/\.jsonl$/, "")}.out.jsonl`, last.out);
  };
  const classify = (workers: number) => ["run", "-s", "classify", "--", path, "--workers", String(workers)];
  await row(`npm run -s classify --workers 1, one core${hasTaskset ? " (taskset -c 0)" : ""}`, ...oneCore(npm, classify(1)), true);
  for (const workers of [1, 2]) await row(`npm run -s classify --workers ${workers}`, npm, classify(workers));
  await row(`tsx scripts/classify.ts --workers 1, one core (before the bundle)`, ...oneCore(tsx, ["scripts/classify.ts", path, "--workers", "1"]));
  for (const workers of [1, 2]) await row(`tsx scripts/classify.ts --workers ${workers} (before the bundle)`, tsx, ["scripts/classify.ts", path, "--workers", String(workers)]);
  console.log(reference !== null && process.exitCode !== 1 ? "every command printed the same bytes" : "");
}

void main();
