import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("~/server/trpc/rsc", () => ({ getQueryClient: () => null }));
const { isUnreadable } = await import("./readable");

describe("which failed queries become a 404", () => {
  it("treats missing, forbidden, anonymous and malformed alike", () => {
    for (const code of ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"]) {
      expect(isUnreadable({ code })).toBe(true);
      expect(isUnreadable({ data: { code } })).toBe(true);
    }
  });

  it("keeps other failures as errors", () => {
    expect(isUnreadable({ code: "INTERNAL_SERVER_ERROR" })).toBe(false);
    expect(isUnreadable(new Error("boom"))).toBe(false);
    expect(isUnreadable(null)).toBe(false);
  });
});
