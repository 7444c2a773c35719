/**
 * Real instrument files from public repositories, read from ../shared/fixtures/real (beside
 * the repository). Skipped, with the reason in the suite name, when that folder is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../parser";
import type { ParsedCurve, ParsedFile } from "../index";
import { codes, fileViolations } from "./helpers";

const REAL = fileURLToPath(new URL("../../../../shared/fixtures/real/", import.meta.url));
const present = existsSync(`${REAL}README.md`);
const title = present ? "real instrument files" : `real instrument files — SKIPPED: ${REAL} not found`;

function load(name: string): ParsedFile {
  const f = parseBytes(readFileSync(REAL + name), { fileName: name });
  expect(fileViolations(f)).toEqual([]);
  return f;
}
const tRange = (c: ParsedCurve): [number, number] => [Math.min(...c.T_K), Math.max(...c.T_K)];
/** Warnings that say readings were left out of every curve. */
const droppedWarnings = (f: ParsedFile) =>
  f.warnings.filter((w) => /_dropped$|glitch_removed|truncated_last_line|non_finite_value/.test(w.code)).map((w) => w.message);
/** Median R of the last 5 points (the normal state at the highest field of an up sweep). */
const normalState = (c: ParsedCurve) => {
  const tail = Array.from(c.R.slice(-5)).sort((a, b) => a - b);
  return tail[2]!;
};
const readings = (f: ParsedFile) => f.curves.reduce((a, c) => a + c.readings, 0);
const byChannel = (f: ParsedFile) => {
  const m: Record<string, number> = {};
  for (const c of f.curves) m[c.channel] = (m[c.channel] ?? 0) + 1;
  return m;
};

describe.skipIf(!present)(title, () => {
  it("PPMS Resistivity R(H) at 2.0–2.3 K: two bridges, seven field sweeps each", () => {
    const f = load("nomad_PPMS-Resistivity_SnSe-NbSe2_TMR-Hall_RH_2K.dat");
    expect(f.format).toBe("qd-dat");
    expect(f.metadata).toMatchObject({ option: "PPMS Resistivity", file_time: "2024-12-18T10:42:00", "sample1.name": "TMR", "sample2.name": "Hall" });
    expect(byChannel(f)).toEqual({ "Bridge 1": 7, "Bridge 2": 7 });
    const b1 = f.curves.filter((c) => c.channel === "Bridge 1");
    expect(b1.map((c) => c.direction)).toEqual(["up", "down", "up", "down", "up", "down", "up"]);
    expect(b1.map((c) => c.fixed.T_K!.toFixed(1))).toEqual(["2.0", "2.1", "2.1", "2.2", "2.2", "2.3", "2.3"]);
    for (const c of b1) {
      expect(c).toMatchObject({ kind: "RH", quantity: "resistance", unit: "Ω", label: "TMR" });
      expect(c.H_Oe![0]).toBeCloseTo(c.direction === "up" ? -10000 : 10000, -3);
      expect(c.R.length).toBeGreaterThan(190);
    }
    // Superconducting at low field: the smallest readings are within a few mΩ of zero (some negative).
    expect(Math.min(...b1[6]!.R)).toBeLessThan(0.001);
    // Each sweep is dated from the Time Stamp column and FILEOPENTIME (local instrument time).
    expect(b1[0]!.startedAt).toBe("2024-12-18T10:53:27");
    expect(b1[6]!.startedAt! > b1[5]!.startedAt!).toBe(true);
    // Every reading of both bridges is in a curve; bridges are signed.
    expect(readings(f)).toBe(2 * f.stats.rows);
    expect(droppedWarnings(f)).toEqual([]);
    expect(f.curves.every((c) => c.readout === "signed")).toBe(true);
    // Rows stop after 23 of 41 fields: no warnings about them.
    expect(f.warnings.filter((w) => w.code === "non_numeric")).toEqual([]);
  });

  it("PPMS ACT R(H) loops at eight isotherms: resistivity columns flagged, last isotherm incomplete", () => {
    const f = load("nomad_ACT_SnSe-NbSe2_Hall-TMR_RH_2-3.4K.dat");
    expect(f.metadata.option).toBe("PPMS ACT");
    expect(byChannel(f)).toEqual({ Ch1: 8, Ch2: 8 });
    const ch1 = f.curves.filter((c) => c.channel === "Ch1");
    expect(ch1.map((c) => Number(c.fixed.T_K!.toFixed(1)))).toEqual([2.0, 2.2, 2.4, 2.6, 2.8, 3.0, 3.2, 3.4]);
    for (const c of f.curves) expect(c).toMatchObject({ kind: "RH", quantity: "resistivity", unit: "Ω·cm" });
    expect(readings(f)).toBe(f.stats.rows);
    expect(droppedWarnings(f)).toEqual([]);
    const last = ch1[7]!;
    expect(last.H_Oe![last.H_Oe!.length - 1]).toBeCloseTo(1400, -2);
    const flagged = f.warnings.filter((w) => w.code === "resistivity_not_resistance");
    expect(flagged.map((w) => w.column)).toEqual([13, 14]);
    expect(flagged[0]!.message).toMatch(/Res\. ch1 \(ohm-cm\).*resistivity/);
    // INFO values come first and contain commas.
    expect(f.metadata["info.SAMPLE1_COMMENT"]).toMatch(/l=1\.022, w=1\.393, d=0\.08, L=3\.06 mm/);
  });

  it("ETO R(T) at 9 T: one warming curve 90→120 K; the dead Hall channel warned, not imported", () => {
    const f = load("areaA_ETO_EuCuAs_TMR-Hall_RT_90K_9T.dat");
    expect(f.metadata).toMatchObject({ option: "PPMS ETO", file_time: "2022-01-11T11:54:38" });
    expect(f.curves).toHaveLength(1);
    const c = f.curves[0]!;
    expect(c).toMatchObject({ kind: "RT", channel: "Ch1", direction: "warming", quantity: "resistance" });
    expect(c.fixed.H_Oe).toBeCloseTo(90000, -1);
    const [lo, hi] = tRange(c);
    expect(lo).toBeCloseTo(90, 0);
    expect(hi).toBeGreaterThan(119);
    expect(hi).toBeLessThan(121);
    expect(c.readings).toBe(23);
    // FILEOPENTIME "0.0, ,1/11/2022 11:54:38" gives no clock origin: the curve has no start time of its own.
    expect(c.startedAt).toBeUndefined();
    expect(c.readout).toBe("signed");
    expect(droppedWarnings(f)).toEqual([]);
    const dead = f.warnings.find((w) => w.code === "dead_channel")!;
    expect(dead).toMatchObject({ column: 27 });
    expect(dead.message).toMatch(/Resistance Ch2 \(Ohms\).*reads exactly 0/);
  });

  it("PPMS Resistivity R(T): bridge 3 only, cooling 10→1.8 K then warming to 300 K, resistance preferred over Ohm-m", () => {
    const f = load("paradim_PPMS-Resistivity_EuSNb2Se4_RT_1.8-300K_incompleteSC.dat");
    expect(f.curves.map((c) => `${c.channel} ${c.direction}`)).toEqual(["Bridge 3 cooling", "Bridge 3 warming"]);
    const [cool, warm] = f.curves as [ParsedCurve, ParsedCurve];
    expect(tRange(cool)[0]).toBeCloseTo(1.81, 2);
    expect(tRange(cool)[1]).toBeCloseTo(10, 2);
    // VERDICTS: cooling 35 readings (the repeated reading at 1.81 K is merged into its point),
    // warming 2 → 300 K 324 readings; nothing dropped.
    expect([cool.readings, warm.readings]).toEqual([35, 324]);
    expect(cool.R.length).toBe(34);
    expect(cool.counts![cool.counts!.length - 1]).toBe(2);
    expect(tRange(warm)[0]).toBeCloseTo(2.05, 2);
    expect(tRange(warm)[1]).toBeGreaterThan(295);
    expect(f.curves.every((c) => c.readout === "signed")).toBe(true);
    expect(droppedWarnings(f)).toEqual([]);
    expect(warm.quantity).toBe("resistance");
    expect(warm.label).toBe("EuSNb2Se4");
    // Incomplete transition: R at 1.8 K is ~10 % of the normal state, not zero.
    const ratio = warm.R[0]! / cool.R[0]!;
    expect(ratio).toBeGreaterThan(0.05);
    expect(ratio).toBeLessThan(0.2);
    expect(f.warnings.find((w) => w.code === "resistivity_column_ignored")?.message).toMatch(/Bridge 3 Resistivity \(Ohm-m\)/);
  });

  it("Lake Shore Hall export (ISO-8859-1): ρ(T) at zero field and at 3 kG, sentinels dropped", () => {
    const f = load("ikz_lakeshoreHMS_VT-Hall_22-127-G_rho-T_20-320K_insulating-freezeout_latin1.txt");
    expect(f.format).toBe("lakeshore");
    expect(f.metadata).toMatchObject({ encoding: "iso-8859-1", "sample.Thickness": "1.8 [µm]", "sample.id": "22-127-G" });
    expect(f.curves.map((c) => `${c.channel} ${c.direction} ${Math.round(c.fixed.H_Oe!)}`)).toEqual([
      "Zero-field Resistivity warming 0",
      "Resistivity warming 3000",
    ]);
    for (const c of f.curves) {
      expect(c.quantity).toBe("resistivity");
      const [lo, hi] = tRange(c);
      expect(lo).toBeCloseTo(20.7, 0);
      expect(hi).toBeGreaterThan(314);
      // Insulating freeze-out: ρ rises by more than four decades from 320 K to 20 K.
      expect(c.R[0]! / c.R[c.R.length - 1]!).toBeGreaterThan(1e4);
    }
    expect(codes(f.warnings)).toEqual(expect.arrayContaining(["overflow_sentinel", "nonpositive_temperature", "resistivity_not_resistance"]));
  });

  it("lock-in R(H) of three bars: ResX columns are signed channels, the unitless field is read as tesla and said so", () => {
    const f = load("maiani_lockin-ResX_EuS-Al_bars_sample1_RH_par_0.15T_upsweep_3bars_SC-to-normal.dat");
    expect(f.curves.map((c) => `${c.kind} ${c.channel} ${c.direction} ${c.readout}`)).toEqual([
      "RH lockin_1_ResX up signed",
      "RH lockin_2_ResX up signed",
      "RH lockin_3_ResX up signed",
    ]);
    expect(f.columns[0]).toMatchObject({ name: "bpar", role: "field", unit: "T", unitSource: "inferred" });
    expect(f.warnings.find((w) => w.code === "unit_inferred")?.message).toMatch(/column 1 \("bpar"\).*read as T: values -0\.15…0\.15/);
    expect(f.warnings.find((w) => w.code === "temperature_unknown")).toBeDefined();
    for (const c of f.curves) {
      expect(c.fixed.T_K).toBeNull();
      expect(c.H_Oe![0]).toBeCloseTo(-1500, 6);
      expect(c.H_Oe![c.H_Oe!.length - 1]).toBeCloseTo(1500, 6);
      expect(c.readings).toBe(f.stats.rows);
    }
    // Normal states ≈ 418, 222 and 87 Ω; readings near 0 T are noise around zero, negative ones kept.
    const normal = f.curves.map(normalState);
    [418, 222, 87].forEach((want, k) => expect(Math.abs(normal[k]! / want - 1)).toBeLessThan(0.1));
    expect(Math.min(...f.curves.flatMap((c) => Array.from(c.R)))).toBeLessThan(0);
    expect(droppedWarnings(f)).toEqual([]);
  });

  it("lock-in R(H) of two bars: the channel numbering gap is not a missing column", () => {
    const f = load("maiani_lockin-ResX_EuS-Al_bars_sample1_RH_par_0.15T_upsweep_2um-40um_SC-to-normal.dat");
    expect(f.curves.map((c) => `${c.channel} ${c.readout}`)).toEqual(["lockin_1_ResX signed", "lockin_3_ResX signed"]);
    const normal = f.curves.map(normalState);
    [2042, 40].forEach((want, k) => expect(Math.abs(normal[k]! / want - 1)).toBeLessThan(0.1));
    expect(droppedWarnings(f)).toEqual([]);
  });

  it("MPMS3 magnetization file: refused with a clear message", () => {
    const f = load("NEGATIVE_nomad_MPMS3_HoPtSn_MH_2-3K_not-transport.dat");
    expect(f.curves).toEqual([]);
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]).toMatchObject({ code: "no_resistance_column", line: 40 });
    expect(f.errors[0]!.message).toMatch(/temperature and field columns but no resistance column.*"Moment \(emu\)".*magnetization/);
  });
});
