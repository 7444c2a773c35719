import { describe, expect, it, vi } from "vitest";
import { AppError } from "~/server/errors";
import { userActor } from "~/server/domains/access/actor";
import { acceptInvitation, inviteMember } from "~/server/domains/labs/service";
import { devMailbox } from "~/server/mail";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { signUp } from "./service";
import { verifyEmail } from "./verification";

/** Sign-up sends a confirmation link; only a confirmed address accepts an invitation sent to it. */

vi.hoisted(() => {
  // The local default: no SMTP, mails kept for the dev mailbox.
  process.env.SIT_EMBEDDED_DATABASE = "true";
  delete process.env.SMTP_URL;
});

const db = testDb();
const mailTo = (email: string) => devMailbox()!.filter((m) => m.to === email);
const linkToken = (text: string) => decodeURIComponent(/verify-email\?token=([^\s]+)/.exec(text)![1]!);

describe("e-mail verification", () => {
  it("sends a link on sign-up that confirms the address once", async () => {
    const email = `${uid("new-")}@test.invalid`;
    await signUp(db, { name: "New", email, password: "password-123456" });
    const mails = mailTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/Confirm your e-mail address/);
    const token = linkToken(mails[0]!.text);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeNull();
    expect(await verifyEmail(db, token)).toEqual({ email });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).not.toBeNull();
    await expect(verifyEmail(db, token)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("tells the holder of a taken address instead, and changes nothing", async () => {
    const existing = await makeUser(db);
    await signUp(db, { name: "Mallory", email: existing.email, password: "password-123456" });
    const mails = mailTo(existing.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/Sign-up attempt/);
    expect(mails[0]!.text).not.toMatch(/verify-email/);
  });

  it("an invitation is accepted only once the invited address is confirmed", async () => {
    const owner = await makeUser(db);
    const lab = await makeLab(db, owner.id);
    const email = `${uid("invitee-")}@test.invalid`;
    const { token } = await inviteMember(db, owner.actor, { labId: lab.id, email, role: "MEMBER" });
    // Whoever holds the link signs up under the invited address …
    await signUp(db, { name: "Link holder", email, password: "password-123456" });
    const invitee = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const refused = await acceptInvitation(db, userActor(invitee.id), token).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("FORBIDDEN");
    expect((refused as AppError).message).toMatch(/^Confirm your e-mail address first/);
    expect(await db.membership.count({ where: { labId: lab.id, userId: invitee.id } })).toBe(0);
    // … but only the reader of its mail can confirm it.
    await verifyEmail(db, linkToken(mailTo(email)[0]!.text));
    await expect(acceptInvitation(db, userActor(invitee.id), token)).resolves.toEqual({ labId: lab.id });
  });
});
