/**
 * Restart under load: starts the app as `npm start` does (embedded PostgreSQL, a fit worker, the
 * web server), runs 20 concurrent uploaders against POST /api/v1/uploads, restarts the app with
 * SIGTERM in the middle, and counts the answers. A request the stopping server no longer accepts
 * fails to connect (and is retried by a real client); what must never happen is a 500.
 *
 *   npx tsx bench/restart-under-uploads.ts [--port 3213] [--pg-port 54433] [--uploaders 20] [--seconds 6]
 *
 * Needs a production build (.next); it is served as it is (SKIP_BUILD=true). Exits with 1 when
 * any answer was a 500.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "~/server/db";
import { userActor } from "~/server/domains/access/actor";
import { createApiToken } from "~/server/domains/tokens/service";
import { cliArgs } from "../scripts/lib/args";

const args = cliArgs(process.argv.slice(2));
const port = args.num("port", 3213);
const pgPort = args.num("pg-port", 54433);
const uploaders = args.num("uploaders", 20);
const seconds = args.num("seconds", 6);
const ROOT = path.resolve(import.meta.dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sit-restart-"));
fs.chmodSync(dataDir, 0o755);
const base = `http://127.0.0.1:${port}`;

function launch(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, SKIP_BUILD: "true", FIT_WORKERS: "1", SEED_DEMO: "false", RATE_LIMIT_UPLOADS_PER_HOUR: "1000000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (b: Buffer) => process.env.VERBOSE && process.stdout.write(b));
  child.stderr!.on("data", (b: Buffer) => process.stderr.write(b));
  return child;
}

async function healthy(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the app did not become healthy");
}

const stopped = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));

let app = launch();
await healthy(180_000);
const db = createDb(`postgresql://postgres:postgres@127.0.0.1:${pgPort}/sit_atlas`, { max: 2 });
const user = await db.user.create({ data: { email: `restart-${Date.now()}@test.invalid`, name: "Restart" }, select: { id: true } });
const lab = await db.lab.create({ data: { slug: `restart-${Date.now()}`, name: "Restart lab", memberships: { create: { userId: user.id, role: "OWNER" } } }, select: { id: true } });
const sampleId = `s-restart-${Date.now()}`;
await db.sample.create({ data: { id: sampleId, labId: lab.id, name: "film", material: "a-InO", lineageRootId: sampleId } });
const tokens = await Promise.all(Array.from({ length: uploaders }, (_, i) => createApiToken(db, userActor(user.id), { labId: lab.id, name: `uploader ${i}`, scopes: ["read", "write"] }).then((t) => t.token)));
await db.$disconnect();

const statuses = new Map<string, number>();
const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
let running = true;
let serial = 0;
/** where the load is: before the restart, while the app stops and starts, after it */
let phase = "before";
const firstErrors: string[] = [];

async function uploader(token: string): Promise<void> {
  while (running) {
    const tag = `${process.pid}-${serial++}`;
    const rows = Array.from({ length: 200 }, (_, k) => `${(2 + k * 0.1).toFixed(2)},${(1000 * Math.exp(2 / (2 + k * 0.1)) + (serial % 97)).toFixed(3)}`);
    const body = `# ${tag}\nT (K),R (Ohm)\n${rows.join("\n")}\n`;
    try {
      const res = await fetch(`${base}/api/v1/uploads?sampleId=${sampleId}&fileName=${tag}.csv`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, body });
      const text = await res.text();
      count(`${phase} ${res.status}`);
      if (res.status >= 500 && firstErrors.length < 3) firstErrors.push(`${phase}: ${text.slice(0, 300)}`);
    } catch {
      count(`${phase} no connection`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const load = tokens.map((t) => uploader(t));
await new Promise((r) => setTimeout(r, seconds * 1000));
const t0 = Date.now();
phase = "restart";
app.kill("SIGTERM");
await stopped(app);
const stopMs = Date.now() - t0;
app = launch();
await healthy(180_000);
const downMs = Date.now() - t0;
phase = "after";
await new Promise((r) => setTimeout(r, seconds * 1000));
running = false;
await Promise.all(load);
app.kill("SIGTERM");
await stopped(app);
fs.rmSync(dataDir, { recursive: true, force: true });

const summary = [...statuses.entries()].sort().map(([k, v]) => `${k}: ${v}`).join(", ");
const fiveHundreds = [...statuses.entries()].filter(([k]) => / 5\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0);
console.log(`${uploaders} uploaders, restart after ${seconds} s (stopped in ${stopMs} ms, serving again after ${downMs} ms)`);
console.log(`answers: ${summary}`);
console.log(`5xx answers: ${fiveHundreds}`);
for (const e of firstErrors) console.log(`  ${e}`);
process.exit(fiveHundreds === 0 ? 0 : 1);
