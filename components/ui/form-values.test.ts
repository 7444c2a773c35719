import { describe, expect, it } from "vitest";
import { formNumber, formText } from "./form-values";

describe("form values", () => {
  it("reads numbers with a decimal point or comma, empty as null, and junk as NaN", () => {
    expect(formNumber("4,5")).toBe(4.5);
    expect(formNumber(" 1e-5 ")).toBe(1e-5);
    expect(formNumber("")).toBeNull();
    expect(formNumber(null)).toBeNull();
    expect(formNumber("thirty")).toBeNaN();
  });
  it("trims text and turns empty into null", () => {
    expect(formText("  RuO₂ ")).toBe("RuO₂");
    expect(formText("   ")).toBeNull();
  });
});
