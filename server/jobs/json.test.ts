import { describe, expect, it } from "vitest";
import { toJsonValue } from "./json";

describe("toJsonValue", () => {
  it("replaces non-finite numbers, converts typed arrays and drops undefined keys", () => {
    const value = { a: NaN, b: [1, Infinity], c: new Float64Array([2, -Infinity]), d: undefined, e: { f: "x", g: null } };
    expect(toJsonValue(value)).toEqual({ a: null, b: [1, null], c: [2, null], e: { f: "x", g: null } });
    expect(JSON.parse(JSON.stringify(toJsonValue(value)))).toEqual(toJsonValue(value));
  });
});
