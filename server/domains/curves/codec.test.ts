import { describe, expect, it } from "vitest";
import { decodeFloat64, downsampleIndices, encodeFloat64 } from "./codec";

describe("point codec", () => {
  it("round-trips doubles exactly, including extremes and negative zero", () => {
    const values = [0.02, 300, -1.5e-9, 6453.2, Number.MIN_VALUE, 1e300, -0];
    const decoded = decodeFloat64(encodeFloat64(values));
    expect(Array.from(decoded)).toEqual(values);
    expect(Object.is(decoded[6], -0)).toBe(true);
  });

  it("decodes from an unaligned view", () => {
    const bytes = encodeFloat64([1, 2, 3]);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(Array.from(decodeFloat64(shifted.subarray(3)))).toEqual([1, 2, 3]);
  });

  it("rejects a column whose length is not a whole number of doubles", () => {
    expect(() => decodeFloat64(new Uint8Array(12))).toThrow(/multiple of 8/);
  });
});

describe("downsampleIndices", () => {
  it("keeps every point of a short curve", () => {
    expect(downsampleIndices([3, 2, 1], 10)).toEqual([0, 1, 2]);
  });

  it("keeps a single spike of a long curve and stays within the budget", () => {
    const r = Array.from({ length: 10_000 }, (_, i) => (i === 4321 ? 1e6 : 100 + Math.sin(i / 50)));
    const kept = downsampleIndices(r, 400);
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept).toContain(4321);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });
});
