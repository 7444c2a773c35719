/**
 * A fit worker that survives database restarts. The queue's connections fail while PostgreSQL
 * is away (ECONNRESET, ECONNREFUSED, "terminating connection due to administrator command");
 * such errors are logged instead of ending the process, a probe notices when the database is
 * back, and the worker is then started again on fresh connections, resuming the queue.
 * A heartbeat file (touched while the database answers) lets a container health check see it.
 */
import fs from "node:fs";
import type { Db } from "~/server/db";
import { startWorker, type RunningWorker } from "~/server/jobs/worker";

const CONNECTION_ERROR = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|57P01|57P02|57P03|terminat|Connection terminated|connection.*(closed|ended)|Client has encountered a connection error|Can't reach database|server closed the connection/i;

export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e) return false;
  if (CONNECTION_ERROR.test(`${String(e.code ?? "")} ${String(e.message ?? "")}`)) return true;
  return e.cause !== undefined && e.cause !== error && isConnectionError(e.cause);
}

export interface SupervisorOptions {
  databaseUrl: string;
  db: Db;
  log: (line: string) => void;
  jobDelayMs?: number;
  /** how often the database is probed */
  probeMs?: number;
  heartbeatFile?: string;
}

export interface Supervisor {
  stop(): Promise<void>;
}

export async function superviseWorker(options: SupervisorOptions): Promise<Supervisor> {
  const { db, log } = options;
  const probeMs = options.probeMs ?? 2000;
  let worker: RunningWorker | null = null;
  let healthy = true;
  let stopping = false;
  let restarting: Promise<void> | null = null;

  const start = async () => {
    worker = await startWorker({ databaseUrl: options.databaseUrl, db, log, jobDelayMs: options.jobDelayMs });
  };

  /** Drops the old queue client (its connections are dead) and starts a new one once the database answers. */
  const restart = () =>
    (restarting ??= (async () => {
      const old = worker;
      worker = null;
      // Its connections are dead: give its stop a moment, not the full graceful wait.
      await Promise.race([old?.stop().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
      while (!stopping) {
        try {
          await db.$queryRawUnsafe("SELECT 1");
          await start();
          log("database is back: worker restarted");
          healthy = true;
          return;
        } catch (error) {
          if (!isConnectionError(error)) log(`restart failed: ${(error as Error).message}`);
          await new Promise((r) => setTimeout(r, probeMs));
        }
      }
    })().finally(() => (restarting = null)));

  const onFatal = (error: unknown) => {
    if (stopping) return;
    if (!isConnectionError(error)) {
      log(`worker failed: ${(error as Error)?.stack ?? String(error)}`);
      process.exit(1);
    }
    if (healthy) log(`database connection lost (${(error as Error).message}); waiting for it to return`);
    healthy = false;
  };
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);

  const probe = setInterval(() => {
    if (stopping) return;
    db.$queryRawUnsafe("SELECT 1").then(
      () => {
        if (options.heartbeatFile) fs.writeFile(options.heartbeatFile, String(Date.now()), () => undefined);
        if (!healthy && !restarting) void restart();
      },
      (error: unknown) => onFatal(isConnectionError(error) ? error : Object.assign(new Error(String((error as Error).message)), { code: "ECONNRESET" })),
    );
  }, probeMs);
  probe.unref();

  await start();
  return {
    stop: async () => {
      stopping = true;
      clearInterval(probe);
      await restarting;
      await worker?.stop();
      process.off("uncaughtException", onFatal);
      process.off("unhandledRejection", onFatal);
    },
  };
}
