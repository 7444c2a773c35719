import { describe, expect, it } from "vitest";
import { collapseSeries, isothermSeries } from "./isotherm-series";

const data = {
  Hc_Oe: { value: 2000, uncertainty: 10 },
  Rc: { value: 6000, uncertainty: 50 },
  isotherms: [
    { T_K: 0.1, points: [{ x: 1000, y: 3000 }, { x: 3000, y: 12000 }] },
    { T_K: 0.3, points: [{ x: 1000, y: 4000 }, { x: 3000, y: 9000 }] },
  ],
  collapsePoints: [
    { T_K: 0.1, branch: "above" as const, points: [{ x: 1, y: 1.5 }] },
    { T_K: 0.3, branch: "below" as const, points: [{ x: 1, y: 0.7 }] },
  ],
  masterCurve: [
    { branch: "above" as const, points: [{ x: 1, y: 1.4 }] },
    { branch: "below" as const, points: [] },
  ],
};

describe("isotherm chart series", () => {
  it("draws every isotherm, then the H_c line across their range and the crossing point", () => {
    const s = isothermSeries(data);
    expect(s.map((x) => x.id)).toEqual(["T0", "T1", "hc", "crossing"]);
    expect(s[0]!.name).toBe("T = 100 mK");
    expect(s[2]!.points).toEqual({ x: [2000, 2000], y: [3000, 12000] });
    expect(s[3]!.points).toEqual({ x: [2000], y: [6000] });
    expect(isothermSeries({ ...data, Hc_Oe: null })).toHaveLength(2);
  });

  it("draws collapse branches by temperature and only master-curve branches that have points", () => {
    const s = collapseSeries(data);
    expect(s.map((x) => x.name)).toEqual(["100 mK · H > H_c", "300 mK · H < H_c", "master curve (insulating side)"]);
    expect(s[2]!.isLine).toBe(true);
  });
});
