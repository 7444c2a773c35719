import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AXIS_KEYS } from "./axes";
import { DEFAULT_DIAGRAM_QUERY, GRADES, PHASE_KEYS, ZDiagramQuery, type TDiagramQuery } from "./schemas";
import { diagramHref, normalizeDiagramQuery, parseDiagramSearchParams, parseDiagramSearchParamsStrict, serializeDiagramQuery, URL_PARAM } from "./url";

const arbQuery: fc.Arbitrary<TDiagramQuery> = fc
  .record({
    x: fc.constantFrom(...AXIS_KEYS),
    y: fc.constantFrom(...AXIS_KEYS),
    xScale: fc.constantFrom("linear" as const, "log" as const),
    yScale: fc.constantFrom("linear" as const, "log" as const),
    colorBy: fc.constantFrom("phase" as const, "lab" as const, "material" as const, "sample" as const),
    facetBy: fc.constantFrom("none" as const, "lab" as const, "material" as const),
    hidePhases: fc.subarray([...PHASE_KEYS]),
    labIds: fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { maxLength: 4 }),
    materials: fc.array(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== ""), { maxLength: 3 }),
    sampleIds: fc.array(fc.uuid(), { maxLength: 4 }),
    minConfidence: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
    engine: fc.constantFrom("current", "0.1.0", "1.2.3-beta"),
    uploadedFrom: fc.constantFrom(null, "2024-01-31"),
    uploadedTo: fc.constantFrom(null, "2026-11-21"),
    grades: fc.subarray([...GRADES]),
    wellFilteredOnly: fc.boolean(),
    lines: fc.boolean(),
    maxPoints: fc.integer({ min: 100, max: 20000 }),
  })
  .map((q) => ZDiagramQuery.parse(q));

describe("diagram query in the URL", () => {
  it("round-trips every valid query (page and API parsers alike)", () => {
    fc.assert(
      fc.property(arbQuery, (q) => {
        const params = serializeDiagramQuery(q);
        const back = new URLSearchParams(params.toString());
        expect(parseDiagramSearchParams(back)).toEqual(normalizeDiagramQuery(q));
        expect(parseDiagramSearchParamsStrict(back)).toEqual(normalizeDiagramQuery(q));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves defaults out, so the plain page has a plain address", () => {
    expect(serializeDiagramQuery(DEFAULT_DIAGRAM_QUERY).toString()).toBe("");
    expect(diagramHref(DEFAULT_DIAGRAM_QUERY)).toBe("/diagram");
    expect(diagramHref({ ...DEFAULT_DIAGRAM_QUERY, x: "H", wellFilteredOnly: true, materials: ["b", "a"] })).toBe("/diagram?x=H&material=a&material=b&wf=1");
  });

  it("has a parameter for every field of the query", () => {
    expect(Object.keys(URL_PARAM).sort()).toEqual(Object.keys(ZDiagramQuery.shape).sort());
    expect(new Set(Object.values(URL_PARAM)).size).toBe(Object.keys(URL_PARAM).length);
  });

  it("falls back to the default of each invalid parameter on the page, and keeps the valid ones", () => {
    const q = parseDiagramSearchParams(new URLSearchParams("x=nonsense&y=Tc90&ys=sideways&conf=2&max=7&hide=M1&hide=bogus&grade=POOR,NOPE&wf=maybe&from=yesterday&to=2026-01-05&engine=%20"));
    expect(q).toEqual({ ...DEFAULT_DIAGRAM_QUERY, y: "Tc90", hidePhases: ["M1"], grades: ["POOR"], uploadedTo: "2026-01-05" });
  });

  it("accepts comma-separated lists and Next's searchParams objects", () => {
    const q = parseDiagramSearchParams({ lab: "b,a", hide: ["I2", "S"], wf: "true", xs: "log" });
    expect(q.labIds).toEqual(["a", "b"]);
    expect(q.hidePhases).toEqual(["S", "I2"]);
    expect(q.wellFilteredOnly).toBe(true);
    expect(q.xScale).toBe("log");
  });

  it("refuses invalid and unknown parameters in the API", () => {
    expect(() => parseDiagramSearchParamsStrict(new URLSearchParams("x=nonsense"))).toThrow();
    expect(() => parseDiagramSearchParamsStrict(new URLSearchParams("conf=2"))).toThrow();
    expect(() => parseDiagramSearchParamsStrict(new URLSearchParams("materials=a-InO"))).toThrow(/Unknown parameter materials/);
  });
});
