import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { hashPassword } from "~/server/auth/password";
import type { Actor } from "~/server/domains/access/actor";
import { requireUser } from "~/server/domains/access/service";
import { sendAlreadyRegistered, sendVerification } from "./verification";
import type { TSignUpInput, TSignUpResultDto, TUserDto } from "./schemas";

const userDtoSelect = { id: true, email: true, name: true, emailVerified: true } as const;

/** The one answer of sign-up, whether or not the address already had an account. */
export const SIGN_UP_ANSWER: TSignUpResultDto = { message: "If this address had no account, it has one now: sign in with it." };

/**
 * Creates an account with a password. The answer and its cost (one argon2 hash) are the same
 * when the address is taken: nothing then changes, and the address is not confirmed to anyone.
 */
export async function signUp(db: Db, input: TSignUpInput): Promise<TSignUpResultDto> {
  const passwordHash = await hashPassword(input.password);
  const { count } = await db.user.createMany({ data: [{ email: input.email, name: input.name, passwordHash }], skipDuplicates: true });
  if (count === 1) {
    const created = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
    await sendVerification(db, created.id);
  } else {
    await sendAlreadyRegistered(input.email);
  }
  return SIGN_UP_ANSWER;
}

export async function getMe(db: Db, actor: Actor): Promise<TUserDto> {
  const user = await db.user.findUnique({ where: { id: requireUser(actor) }, select: userDtoSelect });
  if (!user) throw new AppError("UNAUTHORIZED", "Your account no longer exists.");
  return { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified !== null };
}

/** Sends the signed-in user a new confirmation link for their address. */
export async function resendVerification(db: Db, actor: Actor): Promise<{ sent: boolean }> {
  const userId = requireUser(actor);
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  if (!user || user.emailVerified) return { sent: false };
  await sendVerification(db, userId);
  return { sent: true };
}
