/**
 * Benchmark of the phase diagram and of permalinks.
 *
 *   npx tsx bench/diagram.ts [--queries 200] [--resolutions 200] [--rounds 3] [--keep] [--reuse]
 *   npx tsx bench/diagram.ts --load [--readers 20] [--uploaders 10] [--requests 600] [--seconds 90] [--think 0] [--keep] [--reuse]
 *
 * 1. Starts an embedded PostgreSQL under .data/bench-diagram (or uses BENCH_DATABASE_URL), creates
 *    a fresh database with every migration, and seeds 20 labs, 2,000 samples and 100,000 fitted
 *    curves (bench/diagram-data.ts). `--keep` leaves the database for the next run, `--reuse`
 *    takes such a database as it is instead of seeding again.
 * 2. Runs 200 varied diagram queries (axes, scales, filters, legend, facets; anonymous visitors
 *    and members of different labs) through the tRPC caller, so that input and output validation
 *    count, with the cache of finished views off, and reports p50/p95 of the server-side time.
 *    Every query runs in 3 rounds and counts with the median of its runs (the machine is shared;
 *    the first-run figures are printed too). Then the same views once more from the cache.
 * 3. Creates 40 permalinks of varied views (up to the 20,000-point limit) and resolves them 200
 *    times as different viewers (3 rounds likewise), and reports p50/p95.
 * With `--load`, instead: the tRPC router over HTTP on loopback in a child process, concurrent
 * readers and writers (see loadMode), p50/p95 as the readers see them.
 * Targets on a 2-core machine: diagram p95 < 100 ms, under load p95 < 300 ms, permalink
 * resolution p95 < 50 ms.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createDb, type Db } from "../server/db";
import { ANONYMOUS, userActor, type Actor } from "../server/domains/access/actor";
import type { TDiagramQuery } from "../server/domains/diagrams/schemas";
import { setDiagramCache } from "../server/domains/diagrams/cache";
import { createCaller } from "../server/trpc/root";
import { labIds, median, prepareBenchDatabase, rng, sampleIds, SAMPLES, stats, variedQueries } from "./diagram-data";
import { cliArgs } from "../scripts/lib/args";
import { WEB_SERVER_NODE_FLAGS } from "../scripts/lib/launcher";

const { num: arg, flag } = cliArgs(process.argv.slice(2));
const QUERIES = arg("queries", 200);
const RESOLUTIONS = arg("resolutions", 200);
const ROUNDS = arg("rounds", 3);
const READERS = arg("readers", 20);
const UPLOADERS = arg("uploaders", 10);
const LOAD_REQUESTS = arg("requests", 600);
const LOAD_SECONDS = arg("seconds", 90);
/** pause of each reader between an answer and its next request (0: as fast as answers come) */
const THINK_MS = arg("think", 0);
const fmt = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const bench = await prepareBenchDatabase("sit_bench_diagram", { reuse: flag("reuse") });
  const url = bench.url;
  if (flag("load")) {
    await loadMode(url);
    await bench.close({ keep: flag("keep") });
    return;
  }
  const db: Db = createDb(url, { max: 10 });
  const caller = (actor: Actor) => createCaller({ db, actor, headers: new Headers() });

  // ── diagram queries ──
  // Each query runs in ${ROUNDS} rounds (all queries, then all again…); its time is the median of its
  // runs, so that a burst of another process on this shared machine does not decide a percentile.
  const queries = variedQueries(QUERIES, labIds, sampleIds);
  // Cold: every run builds its diagram (the cache of finished views is off), so that a repeated
  // query measures the work, not the cache.
  setDiagramCache(false);
  for (const { actor, query } of queries.slice(0, 10)) await caller(actor).diagram.get(query); // warm-up
  const runs: number[][] = queries.map(() => []);
  const modes = { points: 0, aggregated: 0 };
  let drawn = 0;
  let matched = 0;
  const slowest: { ms: number; query: TDiagramQuery; actor: string; total: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, { actor, query }] of queries.entries()) {
      const t = performance.now();
      const d = await caller(actor).diagram.get(query);
      runs[i]!.push(performance.now() - t);
      if (round > 0) continue;
      modes[d.mode]++;
      drawn += d.points.count;
      matched += d.total;
      slowest.push({ ms: 0, query, actor: actor.kind === "anonymous" ? "anonymous" : actor.userId, total: d.total });
    }
  }
  const times = runs.map(median);
  slowest.forEach((s, i) => (s.ms = times[i]!));
  const qs = stats(times);
  const first = stats(runs.map((r) => r[0]!));
  console.log(`diagram query, uncached (${QUERIES} varied queries, tRPC caller with validation; median of ${ROUNDS} runs per query):`);
  console.log(`  p50 ${fmt(qs.p50)}  p95 ${fmt(qs.p95)}  max ${fmt(qs.max)}  mean ${fmt(qs.mean)}   target p95 < 100 ms: ${qs.p95 < 100 ? "met" : "NOT met"}`);
  console.log(`  first run of each query alone: p50 ${fmt(first.p50)}  p95 ${fmt(first.p95)}`);
  console.log(`  ${modes.points} drawn point by point (${Math.round(drawn / Math.max(1, modes.points))} points on average), ${modes.aggregated} aggregated; ${Math.round(matched / QUERIES)} matching curves on average`);
  for (const s of slowest.sort((a, b) => b.ms - a.ms).slice(0, 3)) {
    console.log(`  slow: ${fmt(s.ms)} ${s.actor} ${s.query.y}~${s.query.x} total=${s.total} labs=${s.query.labIds.length} materials=${s.query.materials.length} samples=${s.query.sampleIds.length} facet=${s.query.facetBy}`);
  }

  // Warm: the same views asked again in the same state of the database, from the cache.
  setDiagramCache(true);
  const warm: number[] = [];
  for (const { actor, query } of queries) {
    await caller(actor).diagram.get(query);
    const t = performance.now();
    await caller(actor).diagram.get(query);
    warm.push(performance.now() - t);
  }
  const ws = stats(warm);
  console.log(`  a view asked again (from the cache of finished views, same database snapshot): p50 ${fmt(ws.p50)}  p95 ${fmt(ws.p95)}`);
  setDiagramCache(false);

  // ── permalinks ──
  const r = rng(7);
  const links: { id: string; points: number }[] = [];
  for (const { actor, query } of variedQueries(400, labIds, sampleIds)) {
    if (links.length >= 40 || actor.kind === "anonymous") continue;
    const narrowed: TDiagramQuery = { ...query, labIds: query.labIds.length > 0 ? query.labIds : [r.pick(labIds)] };
    try {
      const link = await caller(actor).permalink.create({ query: narrowed });
      links.push({ id: link.id, points: link.pointCount });
    } catch {
      // a view above the permalink limit: skipped, as the page would ask to narrow it
    }
  }
  const sizes = stats(links.map((l) => l.points));
  const viewers: Actor[] = [ANONYMOUS, ...labIds.slice(0, 5).map((_, i) => userActor(`bu-${i + 1}`))];
  for (const link of links.slice(0, 5)) await caller(ANONYMOUS).permalink.get({ id: link.id }); // warm-up
  const resolveRuns: number[][] = Array.from({ length: RESOLUTIONS }, () => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < RESOLUTIONS; i++) {
      const link = links[i % links.length]!;
      const viewer = viewers[(i * 7) % viewers.length]!;
      const t = performance.now();
      await caller(viewer).permalink.get({ id: link.id });
      resolveRuns[i]!.push(performance.now() - t);
    }
  }
  const resolveTimes = resolveRuns.map(median);
  const rs = stats(resolveTimes);
  console.log(`\npermalink resolution (${links.length} permalinks of ${Math.round(sizes.p50)} points at the median, ${Math.round(sizes.max)} at most; ${RESOLUTIONS} resolutions by 6 viewers):`);
  console.log(`  p50 ${fmt(rs.p50)}  p95 ${fmt(rs.p95)}  max ${fmt(rs.max)}  mean ${fmt(rs.mean)}   target p95 < 50 ms: ${rs.p95 < 50 ? "met" : "NOT met"}`);
  const rsFirst = stats(resolveRuns.map((r) => r[0]!));
  console.log(`  first run of each resolution alone: p50 ${fmt(rsFirst.p50)}  p95 ${fmt(rsFirst.p95)}`);
  console.log(`load average of the machine (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(", ")} on ${os.cpus().length} cores`);
  console.log(JSON.stringify({ bench: "diagram", diagram: qs, diagramRepeated: ws, permalink: rs, permalinkSizes: sizes, modes }));

  await db.$disconnect();
  await bench.close({ keep: flag("keep") });
}

/**
 * Load mode: the app's tRPC router served over HTTP on loopback by a child process
 * (bench/diagram-server.ts), READERS concurrent readers asking varied diagrams as anonymous
 * visitors and members (each timed from the request to the parsed response, as a browser sees
 * it), while UPLOADERS writers store a new fitted curve each every ~100 ms (so the database
 * changes under the readers and no finished view can be served twice). Bounded by LOAD_REQUESTS
 * answers or LOAD_SECONDS, whichever comes first; the written curves are removed afterwards.
 */
async function loadMode(url: string): Promise<void> {
  const root = path.resolve(import.meta.dirname, "..");
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : []), ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? WEB_SERVER_NODE_FLAGS), "--import", "tsx", path.join(root, "bench/diagram-server.ts")], {
    cwd: root,
    env: { ...process.env, BENCH_DB_URL: url, BENCH_PORT: "0", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`the benchmark server exited with ${code}`)));
  });
  const queries = variedQueries(400, labIds, sampleIds);
  const ask = async (i: number): Promise<number> => {
    const { actor, query } = queries[i % queries.length]!;
    const input = encodeURIComponent(JSON.stringify({ json: query }));
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/trpc/diagram.get?input=${input}`, { headers: actor.kind === "user" ? { "x-bench-user": actor.userId } : {} });
    const body = await res.text();
    if (!res.ok) throw new Error(`diagram.get answered ${res.status}: ${body.slice(0, 200)}`);
    JSON.parse(body);
    return performance.now() - t;
  };
  for (let i = 0; i < 10; i++) await ask(i); // warm-up (JIT, connections)

  let stop = false;
  let written = 0;
  const writers = Array.from({ length: UPLOADERS }, async (_, u) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const r = rng(1000 + u);
    for (let n = 0; !stop; n++) {
      const id = `bup-${u}-${n}`;
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "Curve" (id, "labId", "sampleId", kind, quantity, "fieldOe", "pressureDirection", "annealStage", "pointCount", "tK", r, "tMinK", "tMaxK", "rMin", "rMax", "contentHash")
         SELECT $1, s."labId", s.id, 'RT', 'SHEET_RESISTANCE', $3, 'UNKNOWN', s."annealStage", 4, '\\x0000000000000000'::bytea, '\\x0000000000000000'::bytea, 0.05, 300, 1, 1e4, $1 FROM "Sample" s WHERE s.id = $2`,
        [id, `bsm-${r.int(1, SAMPLES)}`, r.int(0, 50) * 20],
      );
      await client.query(
        `INSERT INTO "FitResult" (id, "curveId", "engineVersion", "isCurrent", model, params, uncertainties, phase, confidence, inconclusive, reasons, candidates, quantities, diagnostics, "inputHash")
         VALUES ('f-' || $1, $1, '0.1.0', true, 'bench', '{}', '{}', $2::"Phase", 0.8, false, '[]', '[]', '{"Tc90_K": {"value": 1, "uncertainty": 0.1}}', '{}', 'x')`,
        [id, r.pick(["S", "M1", "M2", "I1", "I2"])],
      );
      await client.query("COMMIT");
      written++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.end();
  });

  const times: number[] = [];
  let next = 0;
  let failures = 0;
  const t0 = performance.now();
  const deadline = t0 + LOAD_SECONDS * 1000;
  const readers = Array.from({ length: READERS }, async () => {
    while (next < LOAD_REQUESTS && performance.now() < deadline) {
      const i = next++;
      try {
        times.push(await ask(i));
      } catch (error) {
        failures++;
        if (failures <= 3) console.error(error);
      }
      if (THINK_MS > 0) await new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));
    }
  });
  await Promise.all(readers);
  const seconds = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(writers);
  const load = os.loadavg();
  child.kill("SIGTERM");
  const cleanup = new pg.Client({ connectionString: url });
  await cleanup.connect();
  await cleanup.query(`DELETE FROM "Curve" WHERE id LIKE 'bup-%'`);
  await cleanup.end();
  const ls = stats(times);
  console.log(`diagram under load (${READERS} concurrent readers over HTTP on loopback${THINK_MS > 0 ? `, each pausing ${THINK_MS} ms ± 50 % between answers` : ", each asking again as soon as answered"}, ${UPLOADERS} writers storing a fitted curve every ~100 ms each):`);
  console.log(`  ${times.length} answers in ${seconds.toFixed(1)} s (${(times.length / seconds).toFixed(1)}/s), ${failures} failed; ${written} curves written meanwhile`);
  console.log(`  p50 ${fmt(ls.p50)}  p95 ${fmt(ls.p95)}  max ${fmt(ls.max)}  mean ${fmt(ls.mean)}   target p95 < 300 ms: ${ls.p95 < 300 ? "met" : "NOT met"}`);
  console.log(`load average of the machine (1, 5, 15 min): ${load.map((l) => l.toFixed(2)).join(", ")} on ${os.cpus().length} cores`);
  console.log(JSON.stringify({ bench: "diagram-load", readers: READERS, uploaders: UPLOADERS, answers: times.length, failures, written, seconds, latency: ls }));
}

await main();
