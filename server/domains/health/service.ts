import { db } from "~/server/db";

export interface Health {
  status: "ok" | "degraded";
  db: "ok" | "unreachable";
}

/** Answers whether the database responds, within two seconds. */
export async function checkHealth(): Promise<Health> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
    ]);
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "degraded", db: "unreachable" };
  }
}
