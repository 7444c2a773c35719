/**
 * Password sign-in with throttling and without account enumeration: an unknown address costs
 * the same argon2 verification as a known one (against a dummy hash), both count as failures of
 * that address, and both answer the same. 10 failures of one account lock it for 10 minutes;
 * failures from one address are limited over all accounts (RATE_POLICY).
 */
import type { Db } from "~/server/db";
import { userActor } from "~/server/domains/access/actor";
import { recordAudit } from "~/server/domains/audit/service";
import { assertNotLimited, countFailure, reset } from "~/server/security/rate-limit";
import { hashPassword, verifyPassword } from "./password";

let dummyHash: Promise<string> | null = null;
/** A hash of a random password made once per process, verified when the account is unknown. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

export interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
}

const accountKey = (email: string) => email.trim().toLowerCase();

/** Throws RateLimitedError (429) when the account or the address is locked out; counts nothing. */
export async function assertSignInAllowed(attempt: Pick<SignInAttempt, "email" | "ip">): Promise<void> {
  await assertNotLimited("signInFailuresPerAccount", accountKey(attempt.email));
  await assertNotLimited("signInFailuresPerIp", attempt.ip);
}

/** The user when the password is right, else null; throws RateLimitedError when locked out. */
export async function verifyCredentials(db: Db, attempt: SignInAttempt): Promise<{ id: string; email: string; name: string | null } | null> {
  await assertSignInAllowed(attempt);
  const email = accountKey(attempt.email);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummy()), attempt.password);
  if (!user?.passwordHash || !ok) {
    await Promise.all([countFailure("signInFailuresPerAccount", email), countFailure("signInFailuresPerIp", attempt.ip)]);
    return null;
  }
  await reset("signInFailuresPerAccount", email);
  await recordAudit(db, { actor: userActor(user.id), action: "auth.signIn", entityType: "User", entityId: user.id, details: { ip: attempt.ip } });
  return { id: user.id, email: user.email, name: user.name };
}
