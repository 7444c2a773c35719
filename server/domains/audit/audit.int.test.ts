import { describe, expect, it } from "vitest";
import { hashPassword } from "~/server/auth/password";
import { verifyCredentials } from "~/server/auth/sign-in";
import { userActor } from "~/server/domains/access/actor";
import { authenticateToken, createApiToken } from "~/server/domains/tokens/service";
import { addMember, makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { createCaller } from "~/server/trpc/root";
import { recordAudit } from "./service";

/** The lab's audit page: members' sign-ins, downloads, token use and role changes, for admins only, with filters. */

const db = testDb();
const caller = (userId: string) => createCaller({ db, actor: userActor(userId), headers: new Headers() });

describe("lab audit trail", () => {
  it("lists members' sign-ins and the lab's token use to admins, filters them, and refuses members", async () => {
    const owner = await makeUser(db, "Owner");
    const lab = await makeLab(db, owner.id);
    const email = `${uid("m-")}@test.invalid`;
    const member = await db.user.create({ data: { email, name: "Member", passwordHash: await hashPassword("member-password"), emailVerified: new Date() }, select: { id: true } });
    await addMember(db, lab.id, member.id, "MEMBER");
    const outsider = await makeUser(db, "Outsider");

    expect(await verifyCredentials(db, { email, password: "member-password", ip: "10.9.9.9" })).toMatchObject({ id: member.id });
    const token = await createApiToken(db, owner.actor, { labId: lab.id, name: "logger", scopes: ["read"] });
    await authenticateToken(db, token.token);
    // A download of the lab's (public) file by another lab's member.
    await recordAudit(db, { actor: outsider.actor, labId: lab.id, action: "upload.download", entityType: "Upload", entityId: "u1" });

    const all = await caller(owner.id).lab.audit({ labId: lab.id, limit: 50 });
    const actions = all.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.signIn", "token.use", "token.create", "upload.download"]));
    const signIns = await caller(owner.id).lab.audit({ labId: lab.id, kind: "signIn", limit: 50 });
    expect(signIns.map((e) => [e.action, e.actor.userId, e.actor.email])).toEqual([["auth.signIn", member.id, email]]);
    const byMember = await caller(owner.id).lab.audit({ labId: lab.id, userId: member.id, limit: 50 });
    expect(byMember.every((e) => e.actor.userId === member.id)).toBe(true);
    const download = all.find((e) => e.action === "upload.download")!;
    expect(download.actor).toMatchObject({ userId: outsider.id, name: "Outsider", email: null });

    await expect(caller(member.id).lab.audit({ labId: lab.id, limit: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
