import { describe, expect, it } from "vitest";
import { addMember, makeLab, makeUser, outcome, testDb } from "~/server/testing/db";
import { acceptInvitation, inviteMember, removeMember, updateMemberRole } from "./service";

/** Role changes and invitation accepts run concurrently here, as two browsers would send them. */

const db = testDb();

async function twoOwners() {
  const a = await makeUser(db, "Owner A");
  const b = await makeUser(db, "Owner B");
  const lab = await makeLab(db, a.id);
  await addMember(db, lab.id, b.id, "OWNER");
  return { a, b, labId: lab.id };
}

const owners = (labId: string) => db.membership.count({ where: { labId, role: "OWNER" } });

describe("concurrent role changes", () => {
  it("two owners demoting each other at once: one wins, the lab keeps an owner", async () => {
    for (let round = 0; round < 5; round++) {
      const { a, b, labId } = await twoOwners();
      const results = await Promise.all([
        outcome(updateMemberRole(db, a.actor, { labId, userId: b.id, role: "ADMIN" })),
        outcome(updateMemberRole(db, b.actor, { labId, userId: a.id, role: "ADMIN" })),
      ]);
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      expect(results.filter((r) => r !== "ok").every((r) => r === "FORBIDDEN" || r === "CONFLICT")).toBe(true);
      expect(await owners(labId)).toBe(1);
    }
  });

  it("two owners removing each other at once: the lab keeps an owner", async () => {
    for (let round = 0; round < 5; round++) {
      const { a, b, labId } = await twoOwners();
      const results = await Promise.all([outcome(removeMember(db, a.actor, { labId, userId: b.id })), outcome(removeMember(db, b.actor, { labId, userId: a.id }))]);
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      expect(await owners(labId)).toBe(1);
    }
  });

  it("both owners leaving at once: one stays", async () => {
    const { a, b, labId } = await twoOwners();
    const results = await Promise.all([outcome(removeMember(db, a.actor, { labId, userId: a.id })), outcome(removeMember(db, b.actor, { labId, userId: b.id }))]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    expect(await owners(labId)).toBe(1);
  });
});

describe("concurrent invitation accepts", () => {
  it("8 accepts of one invitation: one 200, the others 409, one membership and one audit event", async () => {
    const owner = await makeUser(db);
    const lab = await makeLab(db, owner.id);
    const invitee = await makeUser(db);
    const { invitationId, token } = await inviteMember(db, owner.actor, { labId: lab.id, email: invitee.email, role: "MEMBER" });
    const results = await Promise.all(Array.from({ length: 8 }, () => outcome(acceptInvitation(db, invitee.actor, token))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(7);
    expect(await db.membership.count({ where: { labId: lab.id, userId: invitee.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: invitationId, action: "invitation.accept" } })).toBe(1);
  });
});
