import { describe, expect, it } from "vitest";
import { formatWithUncertainty } from "./uncertainty";

describe("formatWithUncertainty", () => {
  it("rounds the uncertainty to two significant figures and the value to match", () => {
    expect(formatWithUncertainty(412.3456, 9.123)).toBe("412.3 ± 9.1");
    expect(formatWithUncertainty(1.4873, 0.0261)).toBe("1.487 ± 0.026");
    expect(formatWithUncertainty(6453, 120)).toBe("6453 ± 120");
  });
  it("uses scientific notation for very large and very small values", () => {
    expect(formatWithUncertainty(2.345e-5, 1.2e-7)).toBe("(2.345 ± 0.012)e-5");
    expect(formatWithUncertainty(3.21e7, 4.4e5)).toBe("(3.210 ± 0.044)e7");
  });
  it("shows the value alone when there is no uncertainty, and a dash when there is no value", () => {
    expect(formatWithUncertainty(0.5, null)).toBe("0.5");
    expect(formatWithUncertainty(null, 1)).toBe("—");
  });
});
