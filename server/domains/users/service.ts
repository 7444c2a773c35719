import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { hashPassword } from "~/server/auth/password";
import type { Actor } from "~/server/domains/access/actor";
import { requireUser } from "~/server/domains/access/service";
import type { TSignUpInput, TSignUpResultDto, TUserDto } from "./schemas";

const userDtoSelect = { id: true, email: true, name: true } as const;

/** The one answer of sign-up, whether or not the address already had an account. */
export const SIGN_UP_ANSWER: TSignUpResultDto = { message: "If this address had no account, it has one now: sign in with it." };

/**
 * Creates an account with a password. The answer and its cost (one argon2 hash) are the same
 * when the address is taken: nothing then changes, and the address is not confirmed to anyone.
 */
export async function signUp(db: Db, input: TSignUpInput): Promise<TSignUpResultDto> {
  const passwordHash = await hashPassword(input.password);
  await db.user.createMany({ data: [{ email: input.email, name: input.name, passwordHash }], skipDuplicates: true });
  return SIGN_UP_ANSWER;
}

export async function getMe(db: Db, actor: Actor): Promise<TUserDto> {
  const user = await db.user.findUnique({ where: { id: requireUser(actor) }, select: userDtoSelect });
  if (!user) throw new AppError("UNAUTHORIZED", "Your account no longer exists.");
  return user;
}
