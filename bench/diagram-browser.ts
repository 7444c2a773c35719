/**
 * Browser benchmark of the phase diagram page with 100,000 matching curves.
 *
 *   npm run bench:diagram:browser [-- --runs 3 --port 3190 --keep --reuse]
 *
 * 1. Makes the database of bench/diagram-data.ts (20 labs, 2,000 samples, 100,000 fitted curves)
 *    under the name sit_bench_diagram_browser, with every sample public, so that an anonymous
 *    visitor's default view matches all 100,000 curves.
 * 2. Starts the app as `npm start` does (scripts/start.ts: builds it when its sources changed,
 *    then `next start`) on that database, with no fit worker.
 * 3. Drives Debian's Chromium through Playwright (as the end-to-end tests do; CHROMIUM_PATH to use
 *    another) and measures, in fresh browser contexts:
 *    - first render: from navigation to /diagram until the chart of the answer is drawn;
 *    - filter change: from a click on a legend entry (hiding a label) or on a lab filter until
 *      the chart shows the new answer, with the page's main-thread time in script, style, layout
 *      and all tasks meanwhile (Chrome DevTools Protocol Performance metrics).
 *    Each measure is taken `runs` times and reported as median and worst.
 * Targets: first render < 1.5 s, filter change < 200 ms.
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { chromium, type Page } from "@playwright/test";
import { median, prepareBenchDatabase, SAMPLES, CURVES_PER_SAMPLE } from "./diagram-data";
import { cliArgs } from "../scripts/lib/args";

const { num: arg, flag } = cliArgs(process.argv.slice(2));
const RUNS = arg("runs", 3);
const PORT = arg("port", 3190);
const root = path.resolve(import.meta.dirname, "..");
const base = `http://127.0.0.1:${PORT}`;

async function waitForHealth(child: ChildProcess, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the app did not answer /api/health in time");
}

/** Waits until the chart shows an answer that is not the one given (and is not updating). */
async function waitForChart(page: Page, previous: string | null): Promise<string> {
  const handle = await page.waitForFunction(
    (prev) => {
      const chart = document.querySelector('[data-testid="diagram-chart"]');
      const summary = document.querySelector('[data-testid="diagram-summary"]')?.textContent ?? "";
      const updating = [...document.querySelectorAll("span")].some((s) => s.textContent === "updating…");
      if (!chart || updating) return null;
      const drawn = chart.querySelector('[data-testid="diagram-bins"] path, [data-testid="diagram-points"] .diagram-point');
      if (!drawn) return null;
      const state = `${chart.getAttribute("data-mode")}|${chart.getAttribute("data-count")}|${summary}`;
      return state !== prev ? state : null;
    },
    previous,
    { timeout: 60_000, polling: "raf" },
  );
  return (await handle.jsonValue()) as string;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

/** The last diagram request of the page: its time on the wire and in the server, and the time since its answer arrived. */
async function lastRequest(page: Page): Promise<string> {
  const r = await page.evaluate(() => {
    const entries = performance.getEntriesByType("resource").filter((e) => e.name.includes("diagram.get")) as PerformanceResourceTiming[];
    const last = entries.at(-1);
    return last ? { request: last.responseEnd - last.startTime, after: performance.now() - last.responseEnd, bytes: last.encodedBodySize } : null;
  });
  return r ? `request ${fmt(r.request)} (${Math.round(r.bytes / 1024)} kB), drawn ${fmt(r.after)} after its answer` : "no diagram request from the browser (the data came with the page, or from the page's cache)";
}

async function main(): Promise<void> {
  const bench = await prepareBenchDatabase("sit_bench_diagram_browser", { reuse: flag("reuse") });
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  const open = await client.query(`UPDATE "Sample" SET visibility = 'PUBLIC' WHERE id LIKE 'bsm-%' AND visibility <> 'PUBLIC'`);
  if (open.rowCount) console.log(`made ${open.rowCount} samples public`);
  const matching = (await client.query(`SELECT count(*)::int AS n FROM "DiagramPoint" WHERE "isCurrent" AND visibility = 'PUBLIC'`)).rows[0].n as number;
  await client.query("VACUUM ANALYZE");
  await client.end();
  console.log(`${matching.toLocaleString("en")} curves match the default view of an anonymous visitor (${SAMPLES * CURVES_PER_SAMPLE} seeded)\n`);

  const app = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/start.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: bench.url, PORT: String(PORT), FIT_WORKERS: "0", SEED_DEMO: "false", DATA_DIR: path.join(root, ".data/bench-browser"), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const stopApp = async () => {
    if (app.exitCode !== null) return;
    const exited = new Promise((resolve) => app.once("exit", resolve));
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      app.kill("SIGTERM");
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  };
  try {
    await waitForHealth(app, 15 * 60_000);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    });
    // warm-up: compiles the page's code paths in the server and fills the connections
    {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      await page.goto(`${base}/diagram`);
      await waitForChart(page, null);
      await page.close();
    }
    const first: number[] = [];
    const change: { what: string; ms: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      // the page's main-thread time by kind (Chrome DevTools Protocol), to tell drawing from waiting
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      const metrics = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value])) as Record<string, number>;
      // a different view each run (all 100,000 curves have a confidence above 0.5), so that no run is answered from the cache of finished views
      const view = `/diagram?conf=0.0${run + 1}`;
      const t0 = performance.now();
      await page.goto(`${base}${view}`);
      let state = await waitForChart(page, null);
      first.push(performance.now() - t0);
      console.log(`run ${run + 1}: first render ${fmt(first.at(-1)!)} (${state.split("|").slice(0, 2).join(", ")} curves drawn); ${await lastRequest(page)}`);
      for (const [what, locator] of [
        ["hide the M2 label", page.getByTestId("legend-M2")],
        ["show it again", page.getByTestId("legend-M2")],
        ["hide the S label", page.getByTestId("legend-S")],
      ] as const) {
        await page.evaluate(() => performance.clearResourceTimings());
        const before = await metrics();
        const t = performance.now();
        await locator.click();
        state = await waitForChart(page, state);
        change.push({ what, ms: performance.now() - t });
        const after = await metrics();
        const spent = (key: string) => fmt(((after[key] ?? 0) - (before[key] ?? 0)) * 1000);
        console.log(`  filter change (${what}): ${fmt(change.at(-1)!.ms)}; ${await lastRequest(page)}; main thread: script ${spent("ScriptDuration")}, style ${spent("RecalcStyleDuration")}, layout ${spent("LayoutDuration")}, all tasks ${spent("TaskDuration")}`);
      }
      await context.close();
    }
    await browser.close();
    const worst = (xs: number[]) => Math.max(...xs);
    const changes = change.map((c) => c.ms);
    console.log(`\ndiagram page in Chromium, ${matching.toLocaleString("en")} matching curves, ${RUNS} runs:`);
    console.log(`  first render   median ${fmt(median(first))}  worst ${fmt(worst(first))}   target < 1.5 s: ${median(first) < 1500 ? "met" : "NOT met"}`);
    console.log(`  filter change  median ${fmt(median(changes))}  worst ${fmt(worst(changes))}   target < 200 ms: ${median(changes) < 200 ? "met" : "NOT met"}`);
    console.log(`load average of the machine (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(", ")} on ${os.cpus().length} cores`);
    console.log(JSON.stringify({ bench: "diagram-browser", matching, firstRender: first, filterChange: change }));
  } finally {
    await stopApp();
    await bench.close({ keep: flag("keep") });
  }
}

await main();
