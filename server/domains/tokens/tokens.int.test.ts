import { describe, expect, it } from "vitest";
import { listSamples } from "~/server/domains/samples/service";
import { makeLab, makeUser, testDb } from "~/server/testing/db";
import { authenticateToken, createApiToken, listApiTokens, revokeApiToken } from "./service";

const listAll = { sort: "createdAt", order: "desc", page: 1, pageSize: 200 } as const;

describe("API tokens", () => {
  it("authenticate as their lab, are stored hashed, and stop working once revoked", async () => {
    const db = testDb();
    const user = await makeUser(db);
    const lab = await makeLab(db, user.id);
    const { token, id, prefix } = await createApiToken(db, user.actor, { labId: lab.id, name: "logger", scopes: ["read", "write"] });
    expect(token.startsWith(prefix)).toBe(true);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const actor = await authenticateToken(db, token);
    expect(actor).toEqual({ kind: "token", tokenId: id, labId: lab.id, userId: user.id, scopes: ["read", "write"] });
    expect(await authenticateToken(db, `${token}x`)).toBeNull();

    await revokeApiToken(db, user.actor, id);
    expect(await authenticateToken(db, token)).toBeNull();
    const [listed] = await listApiTokens(db, user.actor, lab.id);
    expect(listed?.revokedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { at: "asc" }, select: { action: true } });
    // every authentication with the token is audited too (lab page → Audit)
    expect(audit.map((a) => a.action)).toEqual(["token.create", "token.use", "token.revoke"]);
  });

  it("see only their own lab's private samples, even when their creator belongs to other labs", async () => {
    const db = testDb();
    const user = await makeUser(db);
    const labA = await makeLab(db, user.id);
    const labB = await makeLab(db, user.id);
    for (const [labId, name] of [
      [labA.id, "A private"],
      [labB.id, "B private"],
    ] as const) {
      const id = `s-${labId}`;
      await db.sample.create({ data: { id, labId, name, material: "NbSi", lineageRootId: id } });
    }
    const { token } = await createApiToken(db, user.actor, { labId: labA.id, name: "a-only", scopes: ["read"] });
    const actor = (await authenticateToken(db, token))!;
    const seen = await listSamples(db, actor, { ...listAll, labId: undefined });
    const names = seen.items.map((s) => s.name);
    expect(names).toContain("A private");
    expect(names).not.toContain("B private");
  });

  it("stop working when their creator leaves the lab", async () => {
    const db = testDb();
    const owner = await makeUser(db);
    const member = await makeUser(db);
    const lab = await makeLab(db, owner.id);
    await db.membership.create({ data: { labId: lab.id, userId: member.id, role: "MEMBER" } });
    const { token } = await createApiToken(db, member.actor, { labId: lab.id, name: "mine", scopes: ["read"] });
    expect(await authenticateToken(db, token)).not.toBeNull();
    await db.membership.delete({ where: { labId_userId: { labId: lab.id, userId: member.id } } });
    expect(await authenticateToken(db, token)).toBeNull();
  });

  it("cannot be created by a viewer with the write scope, nor by another token", async () => {
    const db = testDb();
    const owner = await makeUser(db);
    const viewer = await makeUser(db);
    const lab = await makeLab(db, owner.id);
    await db.membership.create({ data: { labId: lab.id, userId: viewer.id, role: "VIEWER" } });
    await expect(createApiToken(db, viewer.actor, { labId: lab.id, name: "w", scopes: ["read", "write"] })).rejects.toThrow(/read-only/);
    const { token } = await createApiToken(db, owner.actor, { labId: lab.id, name: "t", scopes: ["read", "write"] });
    const tokenActor = (await authenticateToken(db, token))!;
    await expect(createApiToken(db, tokenActor, { labId: lab.id, name: "t2", scopes: ["read"] })).rejects.toThrow(/cannot create other tokens/);
  });
});
