import { z } from "zod";

export const ZSignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120),
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address"),
  password: z.string().min(10, "Use at least 10 characters").max(200),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZUserDto = z.object({ id: z.string(), email: z.string(), name: z.string().nullable(), emailVerified: z.boolean() });
export type TUserDto = z.infer<typeof ZUserDto>;

export const ZSignUpResultDto = z.object({ message: z.string() });
export type TSignUpResultDto = z.infer<typeof ZSignUpResultDto>;
