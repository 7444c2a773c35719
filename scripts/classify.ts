/**
 * Classify R(T) curves from a JSON-lines file.
 *
 *   npm run -s classify -- <input.jsonl> [--workers N]
 *
 * npm runs it from a prebuilt JavaScript bundle (scripts/run-bundled.mjs,
 * rebuilt into .build/ whenever a source changed); `npx tsx scripts/classify.ts`
 * runs the TypeScript directly, with the same output.
 *
 * Input: one JSON object per line, {"id": …, "T": [K…], "R": [Ω…]} with
 * optional "H_Oe", "P_GPa", "readout" ("signed", "magnitude" or "unknown") and
 * "fourProbe" (false for a two-probe measurement: contacts in series);
 * other fields are ignored. Output (stdout): one JSON line per input line, in
 * input order:
 *   {"id","phase","inconclusive","reasonCode","confidence","model","params","uncertainties","reasons","quantities"}
 * "phase" is null when no SIT label applies ("reasonCode" says why); quantities
 * are {"Tc90_K": {"value", "uncertainty"}, "rhoQF_ohm": …, …}.
 * A malformed line yields {"id": <id or null>, "phase": null, "inconclusive": true,
 * "reasons": ["<error>"], …} and processing continues. The input is streamed
 * (constant memory). With --workers N > 1 the curves are analysed by N
 * threads (N − 1 worker threads and the main thread); the output order is
 * preserved. Diagnostics go to stderr only
 * (CLASSIFY_STATS=1 adds the process CPU time there, and the main thread's
 * time in JSON.parse, analysis and JSON.stringify, for benchmarks).
 */
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { analyzeCurve } from "../server/fitting/analysis/analyze-curve";

// ---------------------------------------------------------------- one line

function errorLine(id: unknown, message: string): string {
  return JSON.stringify({
    id: id === undefined ? null : id,
    phase: null,
    inconclusive: true,
    reasonCode: "invalid_input",
    confidence: 0,
    model: null,
    params: {},
    uncertainties: {},
    reasons: [message],
    quantities: {},
  });
}

/**
 * Time spent in JSON.parse, analysis and JSON.stringify of the curves, and when
 * the first line was read (since the process started), milliseconds
 * (CLASSIFY_STATS=1).
 */
const stats = { parseMs: 0, analyzeMs: 0, serializeMs: 0, firstLineMs: -1, lines: 0, enabled: process.env.CLASSIFY_STATS === "1" };

/** Classify one input line; never throws. */
export function classifyLine(line: string): string {
  let obj: unknown;
  const t0 = stats.enabled ? performance.now() : 0;
  if (stats.enabled && stats.firstLineMs < 0) stats.firstLineMs = t0;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    // try to recover the id for the error line
    const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(line);
    let id: unknown = null;
    if (m) {
      try {
        id = JSON.parse(m[1]!);
      } catch {
        id = null;
      }
    }
    return errorLine(id, `malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return errorLine(null, "line is not a JSON object");
  const rec = obj as Record<string, unknown>;
  const id = rec.id;
  if (!Array.isArray(rec.T)) return errorLine(id, 'missing or invalid "T" (expected an array of temperatures in K)');
  if (!Array.isArray(rec.R)) return errorLine(id, 'missing or invalid "R" (expected an array of resistances in Ω)');
  try {
    const t1 = stats.enabled ? performance.now() : 0;
    const readout = rec.readout === "signed" || rec.readout === "magnitude" || rec.readout === "unknown" ? rec.readout : undefined;
    if (rec.readout !== undefined && readout === undefined) return errorLine(id, 'invalid "readout" (expected "signed", "magnitude" or "unknown")');
    if (rec.fourProbe !== undefined && typeof rec.fourProbe !== "boolean") return errorLine(id, 'invalid "fourProbe" (expected true or false)');
    const a = analyzeCurve({
      T: rec.T as number[],
      R: rec.R as number[],
      ...(readout ? { readout } : {}),
      ...(typeof rec.H_Oe === "number" ? { H_Oe: rec.H_Oe } : {}),
      ...(typeof rec.P_GPa === "number" ? { P_GPa: rec.P_GPa } : {}),
      ...(typeof rec.fourProbe === "boolean" ? { fourProbe: rec.fourProbe } : {}),
    });
    const t2 = stats.enabled ? performance.now() : 0;
    const out = JSON.stringify({
      id: id === undefined ? null : id,
      phase: a.phase,
      inconclusive: a.inconclusive,
      reasonCode: a.reasonCode,
      confidence: Math.round(a.confidence * 1e4) / 1e4,
      model: a.model,
      params: a.params,
      uncertainties: a.uncertainties,
      reasons: a.reasons,
      quantities: a.quantities,
    });
    if (stats.enabled) {
      stats.parseMs += t1 - t0;
      stats.analyzeMs += t2 - t1;
      stats.serializeMs += performance.now() - t2;
      stats.lines++;
    }
    return out;
  } catch (err) {
    return errorLine(id, `analysis failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// ---------------------------------------------------------------- line splitting

/**
 * Calls `onLine` for every line of the stream (without the newline; a final
 * line without newline counts, an empty remainder after the last newline does
 * not). Returns a function to pause/resume reading.
 */
function readLines(path: string, onLine: (line: string) => void, onEnd: () => void, onError: (e: Error) => void) {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let carry: Buffer | null = null;
  stream.on("data", (chunk: Buffer | string) => {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      let line: string;
      if (carry) {
        line = Buffer.concat([carry, buf.subarray(start, nl)]).toString("utf8");
        carry = null;
      } else line = buf.toString("utf8", start, nl);
      if (line.endsWith("\r")) line = line.slice(0, -1);
      onLine(line);
      start = nl + 1;
    }
    if (start < buf.length) carry = carry ? Buffer.concat([carry, buf.subarray(start)]) : Buffer.from(buf.subarray(start));
  });
  stream.on("end", () => {
    if (carry && carry.length > 0) {
      let line = carry.toString("utf8");
      if (line.endsWith("\r")) line = line.slice(0, -1);
      onLine(line);
    }
    onEnd();
  });
  stream.on("error", onError);
  return { pause: () => stream.pause(), resume: () => stream.resume() };
}

// ---------------------------------------------------------------- output

class Output {
  private parts: string[] = [];
  private size = 0;
  private waiting: (() => void)[] = [];
  private blocked = false;
  constructor() {
    process.stdout.on("drain", () => {
      this.blocked = false;
      const w = this.waiting;
      this.waiting = [];
      for (const f of w) f();
    });
  }
  write(line: string): void {
    this.parts.push(line);
    this.size += line.length + 1;
    if (this.size >= 1 << 16) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    const ok = process.stdout.write(this.parts.join("\n") + "\n");
    this.parts = [];
    this.size = 0;
    if (!ok) this.blocked = true;
  }
  /** resolves when stdout can take more */
  ready(f: () => void): void {
    if (!this.blocked) f();
    else this.waiting.push(f);
  }
}

// ---------------------------------------------------------------- main

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run -s classify -- <input.jsonl> [--workers N]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { input: string; workers: number } {
  let input: string | null = null;
  let workers = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--workers") {
      workers = Number(argv[++i]);
    } else if (a.startsWith("--workers=")) {
      workers = Number(a.slice("--workers=".length));
    } else if (a.startsWith("--")) {
      usage(`unknown option ${a}`);
    } else if (input === null) input = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!input) usage("missing input file");
  if (!Number.isInteger(workers) || workers < 1) usage("--workers must be a positive integer");
  return { input, workers };
}

function runSingle(input: string): void {
  const out = new Output();
  let reader: { pause: () => void; resume: () => void } | null = null;
  let pending = 0;
  reader = readLines(
    input,
    (line) => {
      out.write(classifyLine(line));
      // keep memory bounded when stdout is slow
      if (++pending % 256 === 0) {
        out.flush();
        reader?.pause();
        out.ready(() => reader?.resume());
      }
    },
    () => out.flush(),
    (e) => {
      process.stderr.write(`classify: cannot read ${input}: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}

const BATCH = 32;
const IN_FLIGHT_PER_WORKER = 4;

/**
 * N analysers: N − 1 worker threads plus the main thread, which also reads
 * the input and writes the output; it takes a queued batch whenever every
 * worker is busy (so it never sits idle, and one thread's start-up and JIT
 * warm-up are saved compared with N workers). Batches are written in input
 * order.
 */
function runWorkers(input: string, nWorkers: number): void {
  const out = new Output();
  // the worker loads this same module; under tsx it must register the
  // TypeScript loader itself first (hooks of the main thread do not carry over)
  const selfUrl = import.meta.url;
  const boot = selfUrl.endsWith(".ts")
    ? `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((api) => { api.register(); return import(${JSON.stringify(selfUrl)}); });`
    : `import(${JSON.stringify(selfUrl)});`;
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const results = new Map<number, string[]>();
  let nextToWrite = 0;
  let nextBatch = 0;
  let inFlight = 0;
  let mainBusy = false;
  let ended = false;
  let finished = false;
  let batch: string[] = [];
  const queue: { seq: number; lines: string[] }[] = [];
  let paused = false;
  let reader: { pause: () => void; resume: () => void } | null = null;

  const writeReady = () => {
    while (results.has(nextToWrite)) {
      for (const l of results.get(nextToWrite)!) out.write(l);
      results.delete(nextToWrite);
      nextToWrite++;
    }
  };
  const maybeFinish = () => {
    if (!finished && ended && inFlight === 0 && !mainBusy && queue.length === 0 && batch.length === 0) {
      finished = true;
      out.flush();
      for (const w of workers) void w.terminate();
    }
  };
  const runMainJob = () => {
    const job = queue.shift();
    if (job) {
      results.set(job.seq, job.lines.map(classifyLine));
      writeReady();
    }
    mainBusy = false;
    dispatch();
    maybeFinish();
  };
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      inFlight++;
      w.postMessage(job);
    }
    if (!mainBusy && queue.length > 0) {
      mainBusy = true;
      setImmediate(runMainJob);
    }
    const limit = nWorkers * IN_FLIGHT_PER_WORKER;
    if (!paused && queue.length + inFlight >= limit) {
      paused = true;
      reader?.pause();
    } else if (paused && queue.length + inFlight < limit / 2 && results.size < limit) {
      paused = false;
      out.ready(() => reader?.resume());
    }
  };
  const enqueue = () => {
    if (batch.length === 0) return;
    queue.push({ seq: nextBatch++, lines: batch });
    batch = [];
    dispatch();
  };
  for (let i = 0; i < nWorkers - 1; i++) {
    const w = new Worker(boot, { eval: true, workerData: { classifyWorker: true } });
    w.on("message", (msg: { seq: number; lines: string[] }) => {
      inFlight--;
      results.set(msg.seq, msg.lines);
      writeReady();
      idle.push(w);
      dispatch();
      maybeFinish();
    });
    w.on("error", (e) => {
      process.stderr.write(`classify: worker failed: ${e.message}\n`);
      process.exit(1);
    });
    workers.push(w);
    idle.push(w);
  }
  reader = readLines(
    input,
    (line) => {
      batch.push(line);
      if (batch.length >= BATCH) enqueue();
    },
    () => {
      enqueue();
      ended = true;
      maybeFinish();
    },
    (e) => {
      process.stderr.write(`classify: cannot read ${input}: ${e.message}\n`);
      process.exit(1);
    },
  );
}

if (!isMainThread && (workerData as { classifyWorker?: boolean } | null)?.classifyWorker) {
  parentPort!.on("message", (job: { seq: number; lines: string[] }) => {
    parentPort!.postMessage({ seq: job.seq, lines: job.lines.map(classifyLine) });
  });
} else if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { input, workers } = parseArgs(process.argv.slice(2));
  if (process.env.CLASSIFY_STATS === "1") {
    // CPU time of the whole process (all threads), for benchmarks on busy machines
    process.on("exit", () => {
      const u = process.cpuUsage();
      process.stderr.write(
        `${JSON.stringify({ cpuUserMs: u.user / 1000, cpuSystemMs: u.system / 1000, uptimeMs: process.uptime() * 1000, mainThread: { lines: stats.lines, firstLineMs: stats.firstLineMs, parseMs: stats.parseMs, analyzeMs: stats.analyzeMs, serializeMs: stats.serializeMs } })}\n`,
      );
    });
  }
  if (workers === 1) runSingle(input);
  else runWorkers(input, workers);
}
