/**
 * The isotherm analysis on the real R(H) files in ../shared/fixtures/real (beside the
 * repository), read through the importer. Superconductor-to-normal transitions of Al bars and
 * NbSe₂ flakes: the analysis must not invent a critical point. Skipped, with the reason in the
 * suite name, when that folder is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBytes } from "~/server/ingest";
import { analyzeIsotherms } from "../index";

const REAL = fileURLToPath(new URL("../../../../shared/fixtures/real/", import.meta.url));
const present = existsSync(`${REAL}VERDICTS.md`);
const title = present ? "isotherm analysis of real files" : `isotherm analysis of real files — SKIPPED: ${REAL} not found`;

function channel(name: string, ch: string) {
  const f = parseBytes(readFileSync(REAL + name), { fileName: name });
  const curves = f.curves.filter((c) => c.kind === "RH" && c.channel === ch);
  expect(curves.length).toBeGreaterThan(0);
  return analyzeIsotherms(curves.map((c) => ({ T_K: c.fixed.T_K ?? Number.NaN, H_Oe: c.H_Oe!, R: c.R })));
}

describe.skipIf(!present)(title, () => {
  it("NbSe₂ (PPMS ACT, ch2): eight isotherms of a superconductor whose critical field falls with T do not cross", () => {
    const r = channel("nomad_ACT_SnSe-NbSe2_Hall-TMR_RH_2-3.4K.dat", "Ch2");
    expect(r.isotherms.length).toBeGreaterThanOrEqual(7);
    expect(r.crossing).toBe(false);
    expect(r.reasonCode).toBe("no_crossing");
    expect(r.reasons[0]!.message).toMatch(/No crossing in the measured range/);
    expect(r.Hc_Oe).toBeNull();
    expect(r.znu).toBeNull();
  });

  it("NbSe₂ (PPMS ACT, ch1, the Hall channel): no critical point", () => {
    const r = channel("nomad_ACT_SnSe-NbSe2_Hall-TMR_RH_2-3.4K.dat", "Ch1");
    expect(r.crossing).toBe(false);
    expect(r.Hc_Oe).toBeNull();
  });

  it("NbSe₂ (PPMS Resistivity, bridges 1 and 2 at 2.0–2.3 K): up and down sweeps merged, no crossing", () => {
    for (const ch of ["Bridge 1", "Bridge 2"]) {
      const r = channel("nomad_PPMS-Resistivity_SnSe-NbSe2_TMR-Hall_RH_2K.dat", ch);
      expect(r.reasons.map((x) => x.code)).toContain("isotherms_merged");
      expect(r.crossing).toBe(false);
      expect(r.Hc_Oe).toBeNull();
    }
  });

  it("Al bars (single-temperature lock-in sweeps): too few isotherms", () => {
    for (const [name, channels] of [
      ["maiani_lockin-ResX_EuS-Al_bars_sample1_RH_par_0.15T_upsweep_3bars_SC-to-normal.dat", ["lockin_1_ResX", "lockin_2_ResX", "lockin_3_ResX"]],
      ["maiani_lockin-ResX_EuS-Al_bars_sample1_RH_par_0.15T_upsweep_2um-40um_SC-to-normal.dat", ["lockin_1_ResX", "lockin_3_ResX"]],
    ] as const) {
      for (const ch of channels) {
        const r = channel(name, ch);
        expect(r.reasonCode).toBe("too_few_isotherms");
        expect(r.crossing).toBe(false);
      }
    }
  });
});
