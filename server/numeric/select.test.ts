import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { medianInPlace, selectInPlace } from "./select";

describe("order statistics", () => {
  it("selectInPlace returns the k-th smallest of the first n values, as sorting would", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 200 }), fc.nat(), (values, seed) => {
        const n = values.length;
        const k = seed % n;
        const sorted = [...values].sort((a, b) => a - b);
        expect(selectInPlace(Float64Array.from(values), n, k)).toBe(sorted[k]);
      }),
    );
  });

  it("medianInPlace averages the two middle values of an even count and ignores values past n", () => {
    expect(medianInPlace(Float64Array.from([5, 1, 3]), 3)).toBe(3);
    expect(medianInPlace(Float64Array.from([4, 1, 3, 2]), 4)).toBe(2.5);
    expect(medianInPlace(Float64Array.from([9, 1, 100, -100]), 2)).toBe(5);
    expect(medianInPlace(new Float64Array(0), 0)).toBeNaN();
  });
});
