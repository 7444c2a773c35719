import { describe, expect, it } from "vitest";
import { makeUser, testDb } from "~/server/testing/db";
import { currentSessionVersion, isSessionCurrent, revokeSessions } from "./session-version";

const db = testDb();

describe("revocable sessions", () => {
  it("a session stays valid until the account's sessions are revoked, then every copy ends", async () => {
    const user = await makeUser(db);
    const began = await currentSessionVersion(db, user.id);
    expect(began).toBe(0);
    expect(await isSessionCurrent(db, user.id, began!)).toBe(true);
    expect(await isSessionCurrent(db, user.id, undefined)).toBe(true);
    await revokeSessions(db, user.id);
    expect(await isSessionCurrent(db, user.id, began!)).toBe(false);
    expect(await isSessionCurrent(db, user.id, undefined)).toBe(false);
    // A session begun after the revocation is valid.
    expect(await isSessionCurrent(db, user.id, (await currentSessionVersion(db, user.id))!)).toBe(true);
  });

  it("a session of a deleted account is not valid", async () => {
    const user = await makeUser(db);
    await db.user.delete({ where: { id: user.id } });
    expect(await isSessionCurrent(db, user.id, 0)).toBe(false);
  });
});
