import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import type { LabRole } from "~/generated/prisma/enums";
import { createDb, type Db } from "~/server/db";
import { userActor, type Actor } from "~/server/domains/access/actor";
import { AppError } from "~/server/errors";
import { closeRateLimitDatabase, setRateLimitDatabase } from "~/server/security/rate-limit";

let shared: Db | null = null;

/** A client on this run's test database, closed after the file's tests. */
export function testDb(): Db {
  if (!shared) {
    shared = createDb(inject("databaseUrl"), { max: 4 });
    // Throttling counts in the same test database.
    setRateLimitDatabase(inject("databaseUrl"));
    const db = shared;
    afterAll(async () => {
      await closeRateLimitDatabase();
      await db.$disconnect();
      shared = null;
    });
  }
  return shared;
}

export function uid(prefix = ""): string {
  return `${prefix}${randomUUID().slice(0, 8)}`;
}

/** A user of its own, with a random (verified) e-mail address. */
export async function makeUser(db: Db, name = "Test User"): Promise<{ id: string; email: string; actor: Actor }> {
  const email = `${uid("u-")}@test.invalid`;
  const user = await db.user.create({ data: { email, name, emailVerified: new Date() }, select: { id: true } });
  return { id: user.id, email, actor: userActor(user.id) };
}

/** A lab of its own with the given user in the given role. */
export async function makeLab(db: Db, userId: string, role: LabRole = "OWNER"): Promise<{ id: string }> {
  return db.lab.create({
    data: { slug: uid("lab-"), name: `Lab ${uid()}`, memberships: { create: { userId, role } } },
    select: { id: true },
  });
}

export async function addMember(db: Db, labId: string, userId: string, role: LabRole): Promise<void> {
  await db.membership.create({ data: { labId, userId, role } });
}

/**
 * A user who signs in only through an identity provider (ORCID by default): no password, no
 * confirmed address (a synthetic one, as the provider gives none), a linked account whose id is
 * the ORCID iD.
 */
export async function makeProviderUser(
  db: Db,
  name = "Provider User",
  provider = "orcid",
): Promise<{ id: string; accountId: string; actor: Actor }> {
  const digits = () => String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
  const accountId = provider === "orcid" ? `0000-${digits()}-${digits()}-${digits()}` : uid("sub-");
  const user = await db.user.create({
    data: { email: `${accountId}@${provider}.invalid`, name, accounts: { create: { type: "oauth", provider, providerAccountId: accountId } } },
    select: { id: true },
  });
  return { id: user.id, accountId, actor: userActor(user.id) };
}

/** How a call ended, for tests that race calls: "ok", the AppError code, or "unexpected: …". */
export const outcome = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`),
  );
