import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { hashPassword } from "~/server/auth/password";
import type { Actor } from "~/server/domains/access/actor";
import { requireUser } from "~/server/domains/access/service";
import type { TSignUpInput, TUserDto } from "./schemas";

const userDtoSelect = { id: true, email: true, name: true } as const;

export async function signUp(db: Db, input: TSignUpInput): Promise<TUserDto> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `An account with ${input.email} already exists. Sign in instead.`);
  return db.user.create({
    data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) },
    select: userDtoSelect,
  });
}

export async function getMe(db: Db, actor: Actor): Promise<TUserDto> {
  const user = await db.user.findUnique({ where: { id: requireUser(actor) }, select: userDtoSelect });
  if (!user) throw new AppError("UNAUTHORIZED", "Your account no longer exists.");
  return user;
}
