import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { axisFor, axisTitle, spansFactor, splitTitle, formatStepped, formatWithUnit, linearAxis, logAxis, logTickValues, niceStep, siPrefix } from "./ticks";

const labels = (a: { ticks: { label: string; major: boolean }[] }) => a.ticks.filter((t) => t.major).map((t) => t.label);

describe("linear axes", () => {
  it("step by 1, 2 or 5 × 10ⁿ", () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(7, 5)).toBe(2);
    expect(niceStep(0.0031, 6)).toBe(0.001);
    expect(niceStep(0.0024, 6)).toBe(0.0005);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.integer({ min: 2, max: 12 }), (span, count) => {
        const step = niceStep(span, count);
        const mantissa = +(step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toPrecision(6);
        return [1, 2, 5].includes(mantissa);
      }),
    );
  });

  it("never reach below zero for values that are all ≥ 0 (the −6.69 K preview axis)", () => {
    const a = axisFor([1.9, 2, 50, 150, 300], { isLog: false, unit: "K" })!;
    expect(a.domain[0]).toBe(0);
    expect(a.ticks.every((t) => t.value >= 0)).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 30 }), (values) => {
        const axis = axisFor(values, { isLog: false })!;
        const [lo, hi] = [Math.min(...values), Math.max(...values)];
        return axis.domain[0] >= 0 && axis.domain[0] <= lo && axis.domain[1] >= hi * (1 - 1e-9);
      }),
    );
  });

  it("keep a signed axis signed", () => {
    const a = linearAxis(-3.2, 12);
    expect(a.domain[0]).toBeLessThan(-3.2);
    expect(labels(a)).toEqual(["−5", "0", "5", "10", "15"]);
  });

  it("label round values, never 64.6 or 153", () => {
    const a = linearAxis(12.3, 187, { pixels: 480 });
    expect(labels(a)).toEqual(["0", "50", "100", "150", "200"]);
    expect(a.domain).toEqual([0, 200]);
  });

  it("write resistances in one prefixed unit", () => {
    const a = linearAxis(0, 18_000, { unit: "Ω" });
    expect(a.unit).toBe("kΩ");
    expect(labels(a)).toEqual(["0", "5", "10", "15", "20"]);
    expect(axisTitle("R", a.unit)).toBe("R (kΩ)");
    expect(linearAxis(0.05, 0.4, { unit: "K" }).unit).toBe("mK");
    expect(linearAxis(0, 300, { unit: "K" }).unit).toBe("K");
    expect(linearAxis(0, 3, { unit: "GPa" }).unit).toBe("GPa");
  });

  it("show small quantities without 4.95e-4", () => {
    const a = linearAxis(0.0001, 0.0005, { unit: "S" });
    expect(a.unit).toBe("µS");
    expect(labels(a).every((l) => !/e/.test(l))).toBe(true);
  });
});

describe("log axes", () => {
  it("label decades and draw 2…9 as minor ticks", () => {
    const ticks = logTickValues(0.05, 300);
    expect(ticks.filter((t) => t.major).map((t) => t.value)).toEqual([0.1, 1, 10, 100]);
    expect(ticks.filter((t) => !t.major).map((t) => t.value)).toContain(0.2);
    expect(ticks.filter((t) => !t.major).map((t) => t.value)).toContain(200);
  });

  it("give a short log-R axis more than one label (the lone '2k')", () => {
    const a = logAxis(1500, 2600, { unit: "Ω" });
    expect(labels(a).length).toBeGreaterThanOrEqual(2);
    expect(labels(a)).toEqual(["1.5 kΩ", "2 kΩ", "2.5 kΩ"]);
    const b = logAxis(150, 6000, { unit: "Ω" });
    expect(labels(b)).toEqual(["200 Ω", "500 Ω", "1 kΩ", "2 kΩ", "5 kΩ"]);
  });

  it("write prefixed units in each label", () => {
    expect(labels(logAxis(0.02, 20, { unit: "K" }))).toEqual(["100 mK", "1 K", "10 K"]);
    expect(labels(logAxis(1e-7, 1e-3, { unit: "S" }))).toEqual(["100 nS", "1 µS", "10 µS", "100 µS", "1 mS"]);
    expect(labels(logAxis(1e-6, 1e-2))).toEqual(["10⁻⁶", "10⁻⁵", "10⁻⁴", "0.001", "0.01"]);
  });

  it("thin the labels over many decades", () => {
    const a = logAxis(1e-3, 1e12, { pixels: 200 });
    expect(labels(a).length).toBeLessThanOrEqual(5);
  });
});

describe("formatting", () => {
  it("uses SI prefixes", () => {
    expect(formatWithUnit(6453, "Ω")).toBe("6.45 kΩ");
    expect(formatWithUnit(0.35, "K")).toBe("350 mK");
    expect(formatWithUnit(2.5e6, "Ω/□")).toBe("2.5 MΩ/□");
    expect(formatWithUnit(12, "GPa")).toBe("12 GPa");
    expect(siPrefix(1200, "K")).toEqual({ factor: 1, unit: "K" });
  });
  it("writes decimals as the step needs", () => {
    expect(formatStepped(0.5, 0.5)).toBe("0.5");
    expect(formatStepped(2, 0.5)).toBe("2.0");
    expect(formatStepped(-1e-6, 1e-6)).toBe("−10⁻⁶");
    expect(formatStepped(2e6, 1e6)).toBe("2×10⁶");
    expect(formatStepped(-2e6, 1e6)).toBe("−2×10⁶");
    expect(formatStepped(20000, 5000)).toBe("20000");
  });
});

describe("titles", () => {
  it("split a title into name and unit", () => {
    expect(splitTitle("R (Ω/□)")).toEqual({ name: "R", unit: "Ω/□" });
    expect(splitTitle("R(350 mK)/R(300 K)")).toEqual({ name: "R(350 mK)/R(300 K)", unit: "" });
    expect(splitTitle("(R−fit)/fit")).toEqual({ name: "(R−fit)/fit", unit: "" });
  });
});

describe("choosing a log axis", () => {
  it("says when curves span decades", () => {
    expect(spansFactor([0.9, 1, 1.1, 800], 30)).toBe(true);
    expect(spansFactor([0.2, 1, 1.1, -5, 0], 30)).toBe(false);
    expect(spansFactor([], 30)).toBe(false);
  });
});
