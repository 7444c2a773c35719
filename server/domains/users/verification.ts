/**
 * E-mail verification. A verification link (valid 24 hours, only its hash stored) proves that
 * the account's holder reads its address; invitations are accepted only by verified addresses.
 */
import type { Db } from "~/server/db";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { sendMail } from "~/server/mail";
import { newSecret, sha256Hex } from "~/server/platform/secrets";

const VALID_HOURS = 24;

const baseUrl = () => (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");

/** Sends a new verification link to the account's address. */
export async function sendVerification(db: Db, userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  if (!user || user.emailVerified) return;
  const token = newSecret("ver_");
  await db.verificationToken.create({ data: { identifier: user.email, token: sha256Hex(token), expires: new Date(Date.now() + VALID_HOURS * 3600_000) } });
  await sendMail({
    to: user.email,
    subject: "Confirm your e-mail address for SIT Atlas",
    text: `Open this link to confirm that ${user.email} is yours (valid for ${VALID_HOURS} hours):\n\n${baseUrl()}/verify-email?token=${encodeURIComponent(token)}\n\nIf you did not create an account, ignore this mail.`,
  });
}

/** Tells the holder of an address that someone tried to sign up with it (the sign-up answer is the same either way). */
export async function sendAlreadyRegistered(email: string): Promise<void> {
  await sendMail({
    to: email,
    subject: "Sign-up attempt for your SIT Atlas account",
    text: `Someone tried to create an account with ${email}, which already has one. If that was you, sign in at ${baseUrl()}/sign-in. Otherwise ignore this mail.`,
  });
}

/** Marks the address of a verification link verified; the link works once. */
export async function verifyEmail(db: Db, token: string): Promise<{ email: string }> {
  const row = await db.verificationToken.findUnique({ where: { token: sha256Hex(token) } });
  if (!row) throw new AppError("NOT_FOUND", "This confirmation link is not valid (or was already used).");
  await db.verificationToken.delete({ where: { token: row.token } });
  if (row.expires <= new Date()) throw new AppError("FORBIDDEN", "This confirmation link has expired. Sign in and ask for a new one.");
  await db.user.updateMany({ where: { email: row.identifier, emailVerified: null }, data: { emailVerified: new Date() } });
  return { email: row.identifier };
}
