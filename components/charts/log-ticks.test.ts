import { describe, expect, it } from "vitest";
import { extent, formatNumber, logTicks } from "./log-ticks";

describe("logTicks", () => {
  it("gives decades over a wide range", () => {
    expect(logTicks(0.02, 300)).toEqual([0.1, 1, 10, 100]);
  });
  it("adds 2 and 5 within a short range", () => {
    expect(logTicks(1.5, 60)).toEqual([2, 5, 10, 20, 50]);
  });
  it("gives nothing for a range a log axis cannot draw", () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(5, 5)).toEqual([]);
  });
});

describe("extent", () => {
  it("ignores non-positive values on a log axis", () => {
    const [lo, hi] = extent([-3, 0, 10, 1000], true)!;
    expect(lo).toBeCloseTo(10 / 1.15, 10);
    expect(hi).toBeCloseTo(1150, 10);
  });
  it("returns null when nothing can be drawn", () => {
    expect(extent([0, -1], true)).toBeNull();
  });
});

describe("formatNumber", () => {
  it("uses k and M for resistances", () => {
    expect(formatNumber(6453)).toBe("6.45k");
    expect(formatNumber(2.5e6)).toBe("2.5M");
    expect(formatNumber(0.35)).toBe("0.35");
  });
});
