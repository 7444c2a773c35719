/**
 * Revocable sessions. A session (a signed JWT in a cookie) records the account's session version
 * when it began; every read of the session compares it with the database, so raising the version
 * (sign-out, "sign out everywhere") ends every copy of every session of the account at once.
 */
import type { Db } from "~/server/db";

export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/** True while the account exists and its version is the one the session began with (0 for sessions older than versions). */
export async function isSessionCurrent(db: Db, userId: string, version: number | undefined): Promise<boolean> {
  const current = await currentSessionVersion(db, userId);
  return current !== null && current === (version ?? 0);
}

/** Ends every session of the account. */
export async function revokeSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
