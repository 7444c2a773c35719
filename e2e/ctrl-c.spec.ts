/**
 * Ctrl-C under load. `npm start` runs as it does in a terminal — npm leading a process group of
 * its own — with 20 concurrent uploaders and a few large uploads in flight; then SIGINT goes to
 * the whole group, as the terminal sends it. Expected: every request the server had accepted is
 * answered (none fails, no 500), the launcher stops the web server, then the workers, then the
 * database, PostgreSQL shuts down cleanly (it starts again without recovery), and no process of
 * the run is left. A second run kills the launcher outright (SIGKILL): its children and the
 * database must still end, not linger as orphans.
 *
 * Serves the production build the end-to-end run already made (SKIP_BUILD=true), on its own
 * ports and data folder (CTRL_C_PORT, CTRL_C_PG_PORT).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createDb } from "~/server/db";
import { userActor } from "~/server/domains/access/actor";
import { createApiToken } from "~/server/domains/tokens/service";
import { startEmbeddedPostgres } from "~/server/platform/embedded-postgres";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.CTRL_C_PORT ?? 3117);
const PG_PORT = Number(process.env.CTRL_C_PG_PORT ?? 54359);
const base = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sit-ctrl-c-"));
// Run as root, the embedded server runs as another user, who must be able to enter the folder.
fs.chmodSync(dataDir, 0o755);

test.describe.configure({ mode: "serial" });
test.afterAll(() => {
  for (const pid of processesOfRun()) killQuietly(pid);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone already
  }
}

/** Every process whose command line or environment names this run's data folder. */
function processesOfRun(): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    for (const file of ["cmdline", "environ"]) {
      try {
        if (fs.readFileSync(`/proc/${pid}/${file}`, "latin1").includes(dataDir)) {
          found.push(pid);
          break;
        }
      } catch {
        // gone, or not ours to read
      }
    }
  }
  return found;
}

function readProc(pid: number, file: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "latin1");
  } catch {
    return "";
  }
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function launch(): Run {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    EMBEDDED_PG_PORT: String(PG_PORT),
    DATA_DIR: dataDir,
    SKIP_BUILD: "true",
    FIT_WORKERS: "1",
    SEED_DEMO: "false",
    RATE_LIMIT_UPLOADS_PER_HOUR: "1000000",
    SHUTDOWN_GRACE_SECONDS: "60",
  };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_URL;
  // detached: npm leads a process group of its own, as a terminal's foreground job does.
  const child = spawn("npm", ["start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

async function healthy(run: Run, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (run.child.exitCode !== null) throw new Error(`the app stopped while starting:\n${run.output()}`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app did not become healthy:\n${run.output()}`);
}

async function gone(timeoutMs: number): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  let left = processesOfRun();
  while (left.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    left = processesOfRun();
  }
  return left;
}

/** A lab with a sample and `count` write tokens, made directly in the run's database. */
async function uploadTargets(count: number): Promise<{ sampleId: string; tokens: string[] }> {
  const db = createDb(`postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/sit_atlas`, { max: 2 });
  try {
    const stamp = Date.now();
    const user = await db.user.create({ data: { email: `ctrl-c-${stamp}@test.invalid`, name: "Ctrl-C" }, select: { id: true } });
    const lab = await db.lab.create({ data: { slug: `ctrl-c-${stamp}`, name: "Ctrl-C lab", memberships: { create: { userId: user.id, role: "OWNER" } } }, select: { id: true } });
    const sampleId = `s-ctrl-c-${stamp}`;
    await db.sample.create({ data: { id: sampleId, labId: lab.id, name: "film", material: "a-InO", lineageRootId: sampleId } });
    const tokens = await Promise.all(
      Array.from({ length: count }, (_, i) => createApiToken(db, userActor(user.id), { labId: lab.id, name: `uploader ${i}`, scopes: ["read", "write"] }).then((t) => t.token)),
    );
    return { sampleId, tokens };
  } finally {
    await db.$disconnect();
  }
}

let serial = 0;
function csv(rows: number): string {
  const tag = `${process.pid}-${serial++}-${Math.random()}`;
  const lines = Array.from({ length: rows }, (_, k) => `${(2 + k * (100 / rows)).toFixed(5)},${(1000 * Math.exp(2 / (2 + k * (100 / rows))) + (serial % 97)).toFixed(4)}`);
  return `# ${tag}\nT (K),R (Ohm)\n${lines.join("\n")}\n`;
}

const upload = (sampleId: string, token: string, rows: number) =>
  fetch(`${base}/api/v1/uploads?sampleId=${sampleId}&fileName=f-${serial}.csv`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: csv(rows),
  }).then(async (res) => ({ status: res.status, text: (await res.text()).slice(0, 300) }));

test("Ctrl-C (SIGINT to the process group) under uploads: no request fails, the database stops last and cleanly, no process is left", async () => {
  test.setTimeout(420_000);
  const run = launch();
  await healthy(run, 240_000);
  const { sampleId, tokens } = await uploadTargets(24);
  const answers: string[] = [];
  let signalAt = Infinity;
  let running = true;
  const failures: string[] = [];
  const uploader = async (token: string) => {
    while (running) {
      const sentAt = Date.now();
      try {
        const res = await upload(sampleId, token, 200);
        answers.push(String(res.status));
        if (res.status !== 200 && res.status !== 201) failures.push(`${res.status} ${res.text}`);
      } catch (error) {
        // Once the signal came the server accepts no new connections: refused is expected then
        // (and for a request still on its way to the server at that moment). A request sent
        // well before it was in flight and must have been answered.
        answers.push("no connection");
        if (sentAt < signalAt - 100) failures.push(`sent ${signalAt - sentAt} ms before the signal: ${String((error as Error).cause ?? error)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  const load = tokens.slice(0, 20).map(uploader);
  await new Promise((r) => setTimeout(r, 3000));
  // Large uploads, well in flight when the signal comes: each must still be answered 201.
  const large = tokens.slice(20).map((token) => upload(sampleId, token, 60_000));
  await new Promise((r) => setTimeout(r, 400));
  const before = processesOfRun();
  expect(before.length).toBeGreaterThanOrEqual(4); // npm, launcher, web server, worker, postgres …
  signalAt = Date.now();
  process.kill(-run.child.pid!, "SIGINT");
  const largeAnswers = await Promise.all(large.map((p) => p.then((r) => `${r.status}`, (e: unknown) => `failed: ${String((e as Error).cause ?? e)}`)));
  const exit = await run.exited;
  running = false;
  await Promise.all(load);

  const output = run.output();
  expect(largeAnswers, output).toEqual(largeAnswers.map((a) => (a === "200" ? "200" : "201")));
  expect(failures, output).toEqual([]);
  expect(answers.filter((a) => a === "201" || a === "200").length).toBeGreaterThan(20);
  // npm passes the interrupt on once its script has ended; the launcher itself exited 0.
  expect(exit.signal === "SIGINT" || exit.code === 0 || exit.code === 130, `${JSON.stringify(exit)}\n${output}`).toBe(true);
  // In order: the web server drained, then everything stopped with the database last.
  const drained = output.indexOf("web server: no new connections");
  const stopped = output.indexOf("stopped: web server, workers, database");
  expect(drained, output).toBeGreaterThan(-1);
  expect(stopped, output).toBeGreaterThan(drained);
  expect(output).not.toMatch(/exited \(SIGINT\)|terminating connection due to administrator command/);
  expect(await gone(10_000), output).toEqual([]);
  expect(fs.existsSync(path.join(dataDir, "pg/postmaster.pid"))).toBe(false);

  // Cleanly shut down: the server starts again without crash recovery.
  let log = "";
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: PG_PORT, database: "sit_atlas", log: (line) => (log += `${line}\n`) });
  await pg.stop();
  expect(log).toMatch(/database system was shut down at/);
  expect(log).not.toMatch(/not properly shut down|automatic recovery|interrupted/);
});

test("the launcher killed outright (SIGKILL): the web server, the workers and the database still end", async () => {
  test.setTimeout(300_000);
  const run = launch();
  await healthy(run, 240_000);
  // The launcher is the parent of the guards of its children (server/platform/guarded-process.ts).
  const guard = processesOfRun().find((pid) => readProc(pid, "cmdline").startsWith("/bin/sh\0-c\0"));
  const launcher = guard ? Number(/PPid:\s+(\d+)/.exec(readProc(guard, "status"))?.[1]) : undefined;
  expect(launcher, run.output()).toBeGreaterThan(1);
  expect(readProc(launcher!, "cmdline")).toContain("scripts/start.ts");
  process.kill(launcher!, "SIGKILL");
  expect(await gone(60_000), run.output()).toEqual([]);
  await run.exited;
  expect(await fetch(`${base}/api/health`).then(() => "answered", () => "refused")).toBe("refused");
});
