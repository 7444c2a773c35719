import { describe, expect, it } from "vitest";
import { formatNumber } from "./log-ticks";

describe("formatNumber", () => {
  it("uses k and M for resistances", () => {
    expect(formatNumber(6453)).toBe("6.45k");
    expect(formatNumber(2.5e6)).toBe("2.5M");
    expect(formatNumber(0.35)).toBe("0.35");
  });
});
