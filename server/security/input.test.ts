import { describe, expect, it } from "vitest";
import { bodyHasNul, urlHasNul } from "./input";

const enc = (s: string) => new TextEncoder().encode(s);

describe("NUL in requests", () => {
  it("finds it in addresses, encoded or raw", () => {
    expect(urlHasNul("http://x/api/v1/samples?q=a%00b")).toBe(true);
    expect(urlHasNul("http://x/labs/abc%00")).toBe(true);
    expect(urlHasNul("http://x/api/v1/samples?q=a%2500")).toBe(false);
    expect(urlHasNul("http://x/api/v1/samples?q=ab")).toBe(false);
  });

  it("finds it in JSON and form bodies, but not an escaped backslash followed by u0000", () => {
    expect(bodyHasNul(enc('{"0":{"json":{"name":"a\\u0000b"}}}'), "json")).toBe(true);
    expect(bodyHasNul(new Uint8Array([123, 0, 125]), "json")).toBe(true);
    expect(bodyHasNul(enc("email=a%00b&password=x"), "form")).toBe(true);
    expect(bodyHasNul(enc('{"name":"a\\\\u0000b"}'), "json")).toBe(false);
    expect(bodyHasNul(enc('{"name":"50%00 of it"}'), "json")).toBe(false);
    expect(bodyHasNul(enc('{"name":"plain"}'), "json")).toBe(false);
  });
});
