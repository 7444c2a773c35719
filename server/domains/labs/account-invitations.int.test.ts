import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "~/server/domains/access/actor";
import { addMember, makeLab, makeProviderUser, makeUser, outcome, testDb } from "~/server/testing/db";
import { claimInvitation, confirmInvitationClaim, getInvitation, inviteAccount } from "./account-invitations";
import { acceptInvitation, getLab, inviteMember, listMyLabs, revokeInvitation } from "./service";

/**
 * Account-bound invitations for ORCID/OIDC accounts: claimed by one account, confirmed by an
 * admin, never a bearer link. Concurrent calls run here as two browsers would send them.
 */

const db = testDb();

async function setting() {
  const owner = await makeUser(db, "Owner");
  const lab = await makeLab(db, owner.id);
  await db.sample.create({ data: { id: `s-${lab.id}`, labId: lab.id, name: "Secret film title", material: "a-InO", lineageRootId: `s-${lab.id}` } });
  const link = await inviteAccount(db, owner.actor, { labId: lab.id, role: "MEMBER" });
  return { owner, labId: lab.id, ...link };
}

const audits = (invitationId: string, action: string) => db.auditEvent.count({ where: { entityId: invitationId, action } });
const isMember = async (labId: string, userId: string) => (await db.membership.count({ where: { labId, userId } })) === 1;

describe("account-bound invitations", () => {
  it("happy path: claimed by an ORCID account, shown to the admin with the ORCID iD, membership only after the confirmation", async () => {
    const { owner, labId, invitationId, token } = await setting();
    const invitee = await makeProviderUser(db, "Ines Invitee");
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(stored).toMatchObject({ kind: "ACCOUNT", email: null });
    expect(stored.tokenHash).not.toBe(token);

    // Before membership: the lab's public name and the role, nothing of its data.
    const anonymous = await getInvitation(db, ANONYMOUS, token);
    expect(anonymous).toMatchObject({ kind: "ACCOUNT", role: "MEMBER", isUsable: true, claim: "open", me: null, email: null, labId: null });
    expect(JSON.stringify(anonymous)).not.toMatch(/Secret film|sampleCount|"count"/);
    const before = await getInvitation(db, invitee.actor, token);
    expect(before.me).toEqual({ name: "Ines Invitee", identities: [{ provider: "orcid", label: "ORCID", accountId: invitee.accountId }] });

    expect(await claimInvitation(db, invitee.actor, token)).toEqual({ status: "pending", labId: null });
    const pending = await getInvitation(db, invitee.actor, token);
    expect(pending).toMatchObject({ claim: "mine", isUsable: true });
    expect(pending.claimedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(pending)).not.toMatch(/Secret film/);
    // Claimed is not a member: the lab stays closed to the claimant.
    expect(await isMember(labId, invitee.id)).toBe(false);
    await expect(getLab(db, invitee.actor, labId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listMyLabs(db, invitee.actor)).map((l) => l.id)).not.toContain(labId);
    // Claiming again changes nothing.
    expect(await claimInvitation(db, invitee.actor, token)).toEqual({ status: "pending", labId: null });

    const adminView = await getLab(db, owner.actor, labId);
    expect(adminView.invitations).toHaveLength(1);
    expect(adminView.invitations[0]).toMatchObject({
      id: invitationId,
      kind: "ACCOUNT",
      email: null,
      claim: { userId: invitee.id, name: "Ines Invitee", identities: [{ provider: "orcid", label: "ORCID", accountId: invitee.accountId }] },
    });

    expect(await confirmInvitationClaim(db, owner.actor, { invitationId, claimantId: invitee.id })).toEqual({ labId });
    expect((await getLab(db, invitee.actor, labId)).myRole).toBe("MEMBER");
    expect(await claimInvitation(db, invitee.actor, token)).toEqual({ status: "confirmed", labId });
    expect(await getInvitation(db, invitee.actor, token)).toMatchObject({ claim: "confirmed", isUsable: false, labId });
    await expect(confirmInvitationClaim(db, owner.actor, { invitationId, claimantId: invitee.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getLab(db, owner.actor, labId)).invitations).toHaveLength(0);
    expect([await audits(invitationId, "invitation.create"), await audits(invitationId, "invitation.claim"), await audits(invitationId, "invitation.confirm")]).toEqual([1, 1, 1]);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row).toMatchObject({ claimedById: invitee.id, acceptedById: invitee.id, confirmedById: owner.id });
  });

  it("works for a generic OpenID Connect account too", async () => {
    const { owner, labId, invitationId, token } = await setting();
    const invitee = await makeProviderUser(db, "Olga OIDC", "oidc");
    await claimInvitation(db, invitee.actor, token);
    const claim = (await getLab(db, owner.actor, labId)).invitations[0]!.claim!;
    expect(claim.identities).toEqual([{ provider: "oidc", label: expect.any(String), accountId: invitee.accountId }]);
    await confirmInvitationClaim(db, owner.actor, { invitationId, claimantId: invitee.id });
    expect(await isMember(labId, invitee.id)).toBe(true);
  });

  it("a second account cannot take over a claimed link, nor learn who claimed it", async () => {
    const { owner, labId, invitationId, token } = await setting();
    const invitee = await makeProviderUser(db, "Rightful Invitee");
    const mallory = await makeProviderUser(db, "Mallory");
    await claimInvitation(db, invitee.actor, token);

    await expect(claimInvitation(db, mallory.actor, token)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already claimed by another account/) });
    const seen = await getInvitation(db, mallory.actor, token);
    expect(seen).toMatchObject({ claim: "other", isUsable: false, claimedAt: null });
    expect(JSON.stringify(seen)).not.toContain("Rightful");
    expect(JSON.stringify(seen)).not.toContain(invitee.accountId);
    // The admin confirms the claimant they saw; naming another account does nothing.
    await expect(confirmInvitationClaim(db, owner.actor, { invitationId, claimantId: mallory.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await isMember(labId, mallory.id)).toBe(false);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).claimedById).toBe(invitee.id);
    expect(await audits(invitationId, "invitation.claim")).toBe(1);
  });

  it("is claimed only by identity-provider accounts, and the two kinds of invitation do not mix", async () => {
    const { owner, labId, token } = await setting();
    const passwordUser = await makeUser(db, "Password only");
    await expect(claimInvitation(db, passwordUser.actor, token)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/ORCID/) });
    await expect(acceptInvitation(db, passwordUser.actor, token)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const provider = await makeProviderUser(db);
    await expect(acceptInvitation(db, provider.actor, token)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const byMail = await inviteMember(db, owner.actor, { labId, email: passwordUser.email, role: "MEMBER" });
    await expect(claimInvitation(db, provider.actor, byMail.token)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(confirmInvitationClaim(db, owner.actor, { invitationId: byMail.invitationId, claimantId: provider.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A member cannot claim a link of their own lab (nothing to join).
    const member = await makeProviderUser(db, "Already in");
    await addMember(db, labId, member.id, "VIEWER");
    await expect(claimInvitation(db, member.actor, token)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.invitation.findFirstOrThrow({ where: { tokenHash: { not: "" }, labId, kind: "ACCOUNT" } })).claimedById).toBeNull();
  });

  it("only admins create, see and confirm links; an admin cannot hand out the owner role", async () => {
    const { owner, labId, invitationId, token } = await setting();
    const admin = await makeUser(db, "Admin");
    const member = await makeUser(db, "Member");
    await addMember(db, labId, admin.id, "ADMIN");
    await addMember(db, labId, member.id, "MEMBER");
    await expect(inviteAccount(db, member.actor, { labId, role: "VIEWER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(inviteAccount(db, admin.actor, { labId, role: "OWNER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const invitee = await makeProviderUser(db);
    await claimInvitation(db, invitee.actor, token);
    expect((await getLab(db, member.actor, labId)).invitations).toEqual([]);
    await expect(confirmInvitationClaim(db, member.actor, { invitationId, claimantId: invitee.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await makeUser(db);
    await expect(confirmInvitationClaim(db, outsider.actor, { invitationId, claimantId: invitee.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await isMember(labId, invitee.id)).toBe(false);

    const ownerLink = await inviteAccount(db, owner.actor, { labId, role: "OWNER" });
    const future = await makeProviderUser(db);
    await claimInvitation(db, future.actor, ownerLink.token);
    await expect(confirmInvitationClaim(db, admin.actor, { invitationId: ownerLink.invitationId, claimantId: future.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await confirmInvitationClaim(db, admin.actor, { invitationId, claimantId: invitee.id });
    expect(await isMember(labId, invitee.id)).toBe(true);
  });

  it("expires: an expired link cannot be claimed, nor an expired claim confirmed", async () => {
    const { owner, labId, invitationId, token } = await setting();
    const invitee = await makeProviderUser(db);
    await db.invitation.update({ where: { id: invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(claimInvitation(db, invitee.actor, token)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/expired/) });
    expect(await getInvitation(db, invitee.actor, token)).toMatchObject({ claim: "closed", isUsable: false });

    const second = await inviteAccount(db, owner.actor, { labId, role: "MEMBER" });
    await claimInvitation(db, invitee.actor, second.token);
    await db.invitation.update({ where: { id: second.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(confirmInvitationClaim(db, owner.actor, { invitationId: second.invitationId, claimantId: invitee.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/expired/) });
    expect(await isMember(labId, invitee.id)).toBe(false);
    expect((await getLab(db, owner.actor, labId)).invitations).toHaveLength(0);
  });

  it("revocable before and after the claim, once; not after the confirmation", async () => {
    const { owner, labId, invitationId, token } = await setting();
    const invitee = await makeProviderUser(db);
    await claimInvitation(db, invitee.actor, token);
    await revokeInvitation(db, owner.actor, invitationId);
    await revokeInvitation(db, owner.actor, invitationId); // again: nothing changes
    expect(await audits(invitationId, "invitation.revoke")).toBe(1);
    await expect(confirmInvitationClaim(db, owner.actor, { invitationId, claimantId: invitee.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/revoked/) });
    await expect(claimInvitation(db, invitee.actor, token)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getInvitation(db, invitee.actor, token)).toMatchObject({ claim: "closed", isUsable: false });
    expect(await isMember(labId, invitee.id)).toBe(false);

    const unclaimed = await inviteAccount(db, owner.actor, { labId, role: "MEMBER" });
    await revokeInvitation(db, owner.actor, unclaimed.invitationId);
    await expect(claimInvitation(db, invitee.actor, unclaimed.token)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const used = await inviteAccount(db, owner.actor, { labId, role: "MEMBER" });
    await claimInvitation(db, invitee.actor, used.token);
    await confirmInvitationClaim(db, owner.actor, { invitationId: used.invitationId, claimantId: invitee.id });
    await expect(revokeInvitation(db, owner.actor, used.invitationId)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await isMember(labId, invitee.id)).toBe(true);
  });
});

describe("account-bound invitations under concurrency", () => {
  it("8 accounts claiming one link at once: one holds it, 7 get 409, one audit event", async () => {
    const { invitationId, token } = await setting();
    const accounts = await Promise.all(Array.from({ length: 8 }, (_, i) => makeProviderUser(db, `Claimant ${i}`)));
    const results = await Promise.all(accounts.map((a) => outcome(claimInvitation(db, a.actor, token))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(7);
    const winner = accounts[results.indexOf("ok")]!;
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).claimedById).toBe(winner.id);
    expect(await audits(invitationId, "invitation.claim")).toBe(1);
  });

  it("one account claiming 8 times at once: all succeed, one claim and one audit event", async () => {
    const { invitationId, token } = await setting();
    const invitee = await makeProviderUser(db);
    const results = await Promise.all(Array.from({ length: 8 }, () => outcome(claimInvitation(db, invitee.actor, token))));
    expect(results).toEqual(Array(8).fill("ok"));
    expect(await audits(invitationId, "invitation.claim")).toBe(1);
  });

  it("two admins confirming 8 times at once: one membership, one audit event, the rest 409", async () => {
    const { owner, labId, invitationId, token } = await setting();
    const admin = await makeUser(db, "Admin");
    await addMember(db, labId, admin.id, "ADMIN");
    const invitee = await makeProviderUser(db);
    await claimInvitation(db, invitee.actor, token);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => outcome(confirmInvitationClaim(db, (i % 2 ? admin : owner).actor, { invitationId, claimantId: invitee.id }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(7);
    expect(await db.membership.count({ where: { labId, userId: invitee.id } })).toBe(1);
    expect(await audits(invitationId, "invitation.confirm")).toBe(1);
  });

  it("a confirmation racing a revocation: exactly one of them takes effect", async () => {
    for (let round = 0; round < 4; round++) {
      const { owner, labId, invitationId, token } = await setting();
      const invitee = await makeProviderUser(db);
      await claimInvitation(db, invitee.actor, token);
      const [confirmed, revoked] = await Promise.all([outcome(confirmInvitationClaim(db, owner.actor, { invitationId, claimantId: invitee.id })), outcome(revokeInvitation(db, owner.actor, invitationId))]);
      const row = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
      if (confirmed === "ok") {
        expect(revoked).toBe("CONFLICT");
        expect(row.revokedAt).toBeNull();
        expect(await isMember(labId, invitee.id)).toBe(true);
      } else {
        expect([confirmed, revoked]).toEqual(["FORBIDDEN", "ok"]);
        expect(row.acceptedAt).toBeNull();
        expect(await isMember(labId, invitee.id)).toBe(false);
      }
    }
  });
});
