import { describe, expect, it } from "vitest";
import { createApiToken } from "~/server/domains/tokens/service";
import { makeLab, makeUser, testDb } from "~/server/testing/db";

/** NUL characters answer 400 before any service runs; a token reads only with the read scope. */

const db = testDb();
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const none = { params: Promise.resolve({}) };

describe("NUL in input", () => {
  it("answers 400 on /api/v1 (query) and on tRPC (query and JSON body)", async () => {
    const samples = (await import("~/app/api/v1/samples/route")).GET as Handler;
    const res = await samples(new Request("http://localhost/api/v1/samples?q=a%00b"), none);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/NUL/);

    const trpc = (await import("~/app/api/trpc/[trpc]/route")).POST as unknown as (req: Request) => Promise<Response>;
    const body = JSON.stringify({ 0: { json: { name: "a\u0000b", email: "x@test.invalid", password: "password-123456" } } });
    expect(body).toContain("\\u0000");
    const post = await trpc(new Request("http://localhost/api/trpc/user.signUp?batch=1", { method: "POST", headers: { "content-type": "application/json" }, body }));
    expect(post.status).toBe(400);
    const get = await trpc(new Request("http://localhost/api/trpc/sample.get?input=%7B%22json%22%3A%7B%22sampleId%22%3A%22a%00%22%7D%7D", { method: "GET" }));
    expect(get.status).toBe(400);
  });
});

describe("token scopes", () => {
  it("a write-only token may not read; a read token may", async () => {
    const user = await makeUser(db);
    const lab = await makeLab(db, user.id);
    const writeOnly = (await createApiToken(db, user.actor, { labId: lab.id, name: "w", scopes: ["write"] })).token;
    const reader = (await createApiToken(db, user.actor, { labId: lab.id, name: "r", scopes: ["read"] })).token;
    const samples = (await import("~/app/api/v1/samples/route")).GET as Handler;
    const call = (token: string) => samples(new Request("http://localhost/api/v1/samples", { headers: { authorization: `Bearer ${token}` } }), none);
    const refused = await call(writeOnly);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('This token lacks the "read" scope.');
    expect((await call(reader)).status).toBe(200);
  });
});
