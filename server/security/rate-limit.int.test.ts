import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { hashPassword } from "~/server/auth/password";
import { verifyCredentials } from "~/server/auth/sign-in";
import { RateLimitedError } from "~/server/errors";
import { ANONYMOUS } from "~/server/domains/access/actor";
import { SIGN_UP_ANSWER } from "~/server/domains/users/service";
import { testDb, uid } from "~/server/testing/db";
import { createCaller } from "~/server/trpc/root";
import { RATE_POLICY } from "./rate-limit";

/** Sign-in lockout, sign-up and token throttling, counted in PostgreSQL; no enumeration of accounts. */

const db = testDb();
const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function account(password = "right-password-123") {
  const email = `${uid("acct-")}@test.invalid`;
  const user = await db.user.create({ data: { email, name: "A", passwordHash: await hashPassword(password) }, select: { id: true } });
  return { id: user.id, email, password };
}

const attempt = (email: string, password: string, from: string) => verifyCredentials(db, { email, password, ip: from });

describe("sign-in", () => {
  it("locks an account for 10 minutes after 10 failures, even for the right password, and other accounts stay open", async () => {
    const a = await account();
    const b = await account();
    for (let i = 0; i < 10; i++) expect(await attempt(a.email, "wrong", ip())).toBeNull();
    const locked = await attempt(a.email, a.password, ip()).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(RateLimitedError);
    expect((locked as RateLimitedError).retryAfterSeconds).toBeGreaterThan(590);
    expect((locked as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(600);
    expect(await attempt(b.email, b.password, ip())).toMatchObject({ id: b.id });
  });

  it("treats an unknown address like a known one: null for each failure, then the same lockout", async () => {
    const email = `${uid("nobody-")}@test.invalid`;
    for (let i = 0; i < RATE_POLICY.signInFailuresPerAccount.points; i++) expect(await attempt(email, "wrong", ip())).toBeNull();
    await expect(attempt(email, "wrong", ip())).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("forgets failures after a successful sign-in", async () => {
    const a = await account();
    for (let i = 0; i < 9; i++) await attempt(a.email, "wrong", ip());
    expect(await attempt(a.email, a.password, ip())).toMatchObject({ id: a.id });
    for (let i = 0; i < 9; i++) expect(await attempt(a.email, "wrong", ip())).toBeNull();
    expect(await attempt(a.email, a.password, ip())).toMatchObject({ id: a.id });
  });

  it("limits failures from one address over many accounts", async () => {
    const from = ip();
    for (let i = 0; i < RATE_POLICY.signInFailuresPerIp.points; i++) await attempt(`${uid("spray-")}@test.invalid`, "wrong", from);
    const a = await account();
    await expect(attempt(a.email, a.password, from)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await attempt(a.email, a.password, ip())).toMatchObject({ id: a.id });
  });

  it("takes about as long for an unknown account as for a known one", async () => {
    const a = await account();
    const time = async (email: string) => {
      const started = performance.now();
      await attempt(email, "wrong", ip());
      return performance.now() - started;
    };
    await time(`${uid("warm-")}@test.invalid`);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(await time(a.email));
      unknown.push(await time(`${uid("ghost-")}@test.invalid`));
    }
    const median = (xs: number[]) => xs.sort((p, q) => p - q)[4]!;
    // Without the dummy verification an unknown address answers in a fraction of the time.
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.7);
  });
});

describe("sign-up", () => {
  const caller = (from: string) => createCaller({ db, actor: ANONYMOUS, headers: new Headers({ "x-forwarded-for": from }) });

  it("answers the same for a taken address and changes nothing", async () => {
    const a = await account();
    const before = await db.user.findUniqueOrThrow({ where: { email: a.email }, select: { passwordHash: true, name: true } });
    const taken = await caller(ip()).user.signUp({ name: "Mallory", email: a.email, password: "another-password" });
    const fresh = await caller(ip()).user.signUp({ name: "New", email: `${uid("new-")}@test.invalid`, password: "a-new-password" });
    expect(taken).toEqual(SIGN_UP_ANSWER);
    expect(fresh).toEqual(SIGN_UP_ANSWER);
    expect(await db.user.findUniqueOrThrow({ where: { email: a.email }, select: { passwordHash: true, name: true } })).toEqual(before);
  });

  it("counts every call from one address, and refuses past the limit with TOO_MANY_REQUESTS", async () => {
    const from = ip();
    const limit = RATE_POLICY.signUpPerIp.points;
    const results = await Promise.allSettled(
      Array.from({ length: limit + 3 }, (_, i) => caller(from).user.signUp({ name: `U${i}`, email: `${uid(`batch${i}-`)}@test.invalid`, password: "password-123456" })),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(limit);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(((r as PromiseRejectedResult).reason as TRPCError).code).toBe("TOO_MANY_REQUESTS");
    // Another address is not affected.
    await expect(caller(ip()).user.signUp({ name: "Other", email: `${uid("other-")}@test.invalid`, password: "password-123456" })).resolves.toEqual(SIGN_UP_ANSWER);
  });
});

describe("bearer tokens", () => {
  it("answers 429 with Retry-After after 20 bad tokens from one address", async () => {
    const { GET } = await import("~/app/api/v1/me/route");
    const from = ip();
    const call = () => GET(new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer sit_${uid()}`, "x-forwarded-for": from } }), { params: Promise.resolve({}) });
    for (let i = 0; i < RATE_POLICY.tokenFailuresPerIp.points; i++) expect((await call()).status).toBe(401);
    const res = await call();
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(500);
  });
});
