import { describe, expect, it } from "vitest";
import { addMember, makeUser, testDb } from "~/server/testing/db";
import { acceptInvitation, createLab, getLab, inviteMember, removeMember, updateLabCitation, updateMemberRole } from "./service";

describe("labs, roles and invitations", () => {
  it("makes the creator the owner and records the creation", async () => {
    const db = testDb();
    const owner = await makeUser(db, "Owner");
    const lab = await createLab(db, owner.actor, { name: "Cryo Transport Group" });
    const view = await getLab(db, owner.actor, lab.id);
    expect(view.myRole).toBe("OWNER");
    expect(view.members.map((m) => m.role)).toEqual(["OWNER"]);
    expect(lab.slug).toMatch(/^cryo-transport-group/);
    expect(await db.auditEvent.count({ where: { entityId: lab.id, action: "lab.create" } })).toBe(1);
  });

  it("records how the lab asks to be cited: admins only, empty clears it", async () => {
    const db = testDb();
    const owner = await makeUser(db, "Owner");
    const member = await makeUser(db, "Member");
    const lab = await createLab(db, owner.actor, { name: "Citation Lab" });
    await addMember(db, lab.id, member.id, "MEMBER");
    await updateLabCitation(db, owner.actor, { labId: lab.id, citation: "  Please cite doi:10.1234/x  " });
    expect((await getLab(db, member.actor, lab.id)).citation).toBe("Please cite doi:10.1234/x");
    await expect(updateLabCitation(db, member.actor, { labId: lab.id, citation: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getLab(db, owner.actor, lab.id)).citation).toBe("Please cite doi:10.1234/x");
    await updateLabCitation(db, owner.actor, { labId: lab.id, citation: "" });
    expect((await getLab(db, owner.actor, lab.id)).citation).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: lab.id, action: "lab.citation.update" } })).toBe(2);
  });

  it("binds an invitation to its address, uses it once, and grants its role", async () => {
    const db = testDb();
    const owner = await makeUser(db, "Owner");
    const invitee = await makeUser(db, "Invitee");
    const stranger = await makeUser(db, "Stranger");
    const lab = await createLab(db, owner.actor, { name: "Invite Lab" });
    const { token } = await inviteMember(db, owner.actor, { labId: lab.id, email: invitee.email, role: "VIEWER" });
    const stored = await db.invitation.findFirstOrThrow({ where: { labId: lab.id } });
    expect(stored.tokenHash).not.toBe(token);
    await expect(acceptInvitation(db, stranger.actor, token)).rejects.toThrow(/sent to/);
    await acceptInvitation(db, invitee.actor, token);
    await expect(acceptInvitation(db, invitee.actor, token)).rejects.toThrow(/already used/);
    expect((await getLab(db, invitee.actor, lab.id)).myRole).toBe("VIEWER");
    await expect(getLab(db, stranger.actor, lab.id)).rejects.toThrow(/not found/);
  });

  it("lets an admin manage members but not owners, and never leaves a lab without an owner", async () => {
    const db = testDb();
    const owner = await makeUser(db, "Owner");
    const admin = await makeUser(db, "Admin");
    const member = await makeUser(db, "Member");
    const lab = await createLab(db, owner.actor, { name: "Roles Lab" });
    await addMember(db, lab.id, admin.id, "ADMIN");
    await addMember(db, lab.id, member.id, "MEMBER");

    await updateMemberRole(db, admin.actor, { labId: lab.id, userId: member.id, role: "VIEWER" });
    await expect(updateMemberRole(db, admin.actor, { labId: lab.id, userId: member.id, role: "OWNER" })).rejects.toThrow(/owner/);
    await expect(updateMemberRole(db, admin.actor, { labId: lab.id, userId: owner.id, role: "MEMBER" })).rejects.toThrow(/owner/);
    await expect(removeMember(db, admin.actor, { labId: lab.id, userId: owner.id })).rejects.toThrow(/owner/);
    await expect(updateMemberRole(db, member.actor, { labId: lab.id, userId: admin.id, role: "VIEWER" })).rejects.toThrow(/admin role/);
    await expect(updateMemberRole(db, owner.actor, { labId: lab.id, userId: owner.id, role: "ADMIN" })).rejects.toThrow(/at least one owner/);
    await expect(inviteMember(db, admin.actor, { labId: lab.id, email: "x@test.invalid", role: "OWNER" })).rejects.toThrow(/owner/);

    await removeMember(db, member.actor, { labId: lab.id, userId: member.id }); // leaving is always allowed
    const view = await getLab(db, owner.actor, lab.id);
    expect(view.members.map((m) => [m.name, m.role])).toEqual([
      ["Owner", "OWNER"],
      ["Admin", "ADMIN"],
    ]);
  });
});
