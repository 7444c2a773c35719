/**
 * The engine on real instrument files (../shared/fixtures/real, beside the repository), held to
 * the physicist's verdicts of VERDICTS.md there. Skipped, with the reason in the suite name, when
 * the folder is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../../ingest/parser";
import { analyzeCurve } from "../analysis/analyze-curve";
import type { CurveAnalysis } from "../types";

const REAL = fileURLToPath(new URL("../../../../shared/fixtures/real/", import.meta.url));
const present = existsSync(`${REAL}VERDICTS.md`);
const title = present ? "engine on real instrument files" : `engine on real instrument files — SKIPPED: ${REAL} not found`;

/** Every R(T) curve of a file, analysed as the fit job does (readout from the importer). */
function analyseFile(name: string): { channel: string; analysis: CurveAnalysis }[] {
  const file = parseBytes(readFileSync(REAL + name), { fileName: name });
  return file.curves
    .filter((c) => c.kind === "RT")
    .map((c) => ({
      channel: c.channel,
      analysis: analyzeCurve({ T: c.T_K, R: c.R, readout: (c as { readout?: "signed" | "magnitude" | "unknown" }).readout ?? "unknown" }),
    }));
}

/** A conclusive SIT label, the one outcome that must never be wrong. */
const conclusiveLabel = (a: CurveAnalysis) => (a.phase !== null && !a.inconclusive ? a.phase : null);

describe.skipIf(!present)(title, () => {
  it("PPMS bridge, EuSNb₂Se₄: both sweeps of the incomplete transition are inconclusive and agree; Tc90 against the normal state just above the drop", () => {
    const curves = analyseFile("paradim_PPMS-Resistivity_EuSNb2Se4_RT_1.8-300K_incompleteSC.dat");
    expect(curves).toHaveLength(2);
    for (const { analysis: a } of curves) {
      expect(a.inconclusive).toBe(true);
      expect(a.reasonCode).toBe("incomplete_transition");
      expect(conclusiveLabel(a)).toBeNull();
      expect(a.reasons.join(" ")).toMatch(/still falling/);
      // onset ≈ 4.8 K: Tc90 a few K, never ~270 K
      expect(a.quantities.Tc90_K!.value).toBeGreaterThan(3.5);
      expect(a.quantities.Tc90_K!.value).toBeLessThan(5.2);
    }
    const [cooling, warming] = curves.map((c) => c.analysis);
    expect(cooling!.phase).toBe(warming!.phase);
    expect(cooling!.reasonCode).toBe(warming!.reasonCode);
    expect(Math.abs(cooling!.quantities.Tc90_K!.value - warming!.quantities.Tc90_K!.value)).toBeLessThan(0.3);
  });

  it("PPMS ETO, EuCuAs at 9 T: a short metallic segment is no SIT curve, and never M1", () => {
    const curves = analyseFile("areaA_ETO_EuCuAs_TMR-Hall_RT_90K_9T.dat");
    const ch1 = curves.find((c) => c.channel.includes("1"))!.analysis;
    expect(ch1.phase === null || ch1.inconclusive).toBe(true);
    expect(["metallic_no_transition", "short_window"]).toContain(ch1.reasonCode);
    expect(ch1.phase).not.toBe("M1");
    expect(ch1.quantities.Tc90_K).toBeUndefined();
    // the dead channel, if the importer keeps it, carries no phase
    for (const c of curves.filter((x) => x !== curves.find((y) => y.channel.includes("1")))) {
      expect(c.analysis.phase).toBeNull();
      expect(c.analysis.reasonCode).toBe("no_signal");
    }
  });

  it("Lake Shore Hall system, doped semiconductor: donor freeze-out is an insulator, never M2", () => {
    const curves = analyseFile("ikz_lakeshoreHMS_VT-Hall_22-127-G_rho-T_20-320K_insulating-freezeout_latin1.txt");
    expect(curves).toHaveLength(2);
    for (const { analysis: a } of curves) {
      expect(a.phase).not.toBe("M2");
      expect(a.phase === null || ["I1", "I2"].includes(a.phase) || a.inconclusive).toBe(true);
      if (!a.inconclusive) expect(["I1", "I2"]).toContain(a.phase);
      expect(a.reasons.join(" ")).toMatch(/w stays large at the cold end/);
    }
  });
});
