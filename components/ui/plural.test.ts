import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it("puts the noun in the number of the count", () => {
    expect(plural(1, "curve")).toBe("1 curve");
    expect(plural(0, "curve")).toBe("0 curves");
    expect(plural(12, "sample")).toBe("12 samples");
    expect(plural(2, "sample(s)", "samples")).toBe("2 samples");
  });
});
