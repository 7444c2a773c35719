import { describe, expect, it } from "vitest";
import { criticalDomains, criticalSeries } from "./critical-points";

const point = (id: string, material: string, znu: number | null) => ({
  analysisId: id,
  sampleId: `s-${id}`,
  sampleName: `film ${id}`,
  material,
  labName: "Lab",
  annealStage: "S0",
  version: "1.0.0",
  Hc_Oe: { value: 7200, uncertainty: 10 },
  Rc: { value: 5400, uncertainty: 20 },
  znu: znu === null ? null : { value: znu, uncertainty: 0.05 },
});

describe("critical-point series", () => {
  it("groups by material in kOe and kΩ with error bars, provenance and the sample's isotherm link", () => {
    const s = criticalSeries([point("a", "a-InO", 1.3), point("b", "MoGe", null), point("c", "a-InO", 0.7)], "Rc");
    expect(s.map((x) => x.name)).toEqual(["a-InO", "MoGe"]);
    expect(s[0]!.points[0]).toMatchObject({ x: 7.2, y: 5.4, ex: [0.01, 0.01], ey: [0.02, 0.02], href: "/samples/s-a#isotherms" });
    expect(s[0]!.points[0]!.provenance).toEqual(["film a (S0)", "a-InO · Lab", "analysis 1.0.0"]);
  });
  it("leaves samples without zν out of the zν figure", () => {
    const s = criticalSeries([point("a", "a-InO", 1.3), point("b", "MoGe", null)], "znu");
    expect(s.map((x) => x.name)).toEqual(["a-InO"]);
    expect(s[0]!.points[0]!.y).toBe(1.3);
  });

  it("sets axis ranges around a single point and its error bars, with the guide line inside", () => {
    const d = criticalDomains(criticalSeries([point("a", "a-InO", 1.3)], "Rc"), 6.4532);
    expect(d.x[0]).toBeCloseTo(7.19 / 1.5, 2);
    expect(d.x[1]).toBeCloseTo(7.21 * 1.5, 2);
    expect(d.xTicks).toEqual([5, 10]);
    expect(d.y[0]).toBe(0);
    expect(d.y[1]).toBeCloseTo(6.4532 * 1.15, 3);
  });
});
