import { describe, expect, it } from "vitest";
import { compareHref, DEFAULT_COMPARE_VIEW, parseCompareView } from "./url";

describe("comparison view in the address", () => {
  it("round-trips, leaving defaults out", () => {
    const view = { ...DEFAULT_COMPARE_VIEW, sampleIds: ["a", "b"], normalization: "RQ" as const, temperature: "TTc" as const, y: "Rsat" as const, yScale: "log" as const };
    const href = compareHref(view);
    expect(href).toBe("/compare?sample=a&sample=b&norm=RQ&t=TTc&y=Rsat&ys=log");
    expect(parseCompareView(new URLSearchParams(href.split("?")[1]))).toEqual(view);
    expect(compareHref(DEFAULT_COMPARE_VIEW)).toBe("/compare");
  });

  it("falls back to defaults for invalid parameters and keeps at most 12 samples", () => {
    const many = Array.from({ length: 20 }, (_, i) => `s${i}`).join(",");
    const view = parseCompareView({ sample: many, norm: "weird", t: "TTc", y: "nope" });
    expect(view.sampleIds).toHaveLength(12);
    expect(view.normalization).toBe("RN");
    expect(view.temperature).toBe("TTc");
    expect(view.y).toBe("Tc90");
  });
});
