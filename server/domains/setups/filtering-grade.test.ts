import { describe, expect, it } from "vitest";
import { assessFiltering, isArtifactProne } from "./filtering-grade";

describe("assessFiltering", () => {
  it("grades the setup of seed 001 (π filters at 300 K, cryogenic filters at the mixing chamber, >100 dB) as GOOD", () => {
    const result = assessFiltering([
      { type: "PI", stage: "ROOM", attenuationDb: 50, bandLowHz: 1e8, bandHighHz: 5e9 },
      { type: "COPPER_POWDER", stage: "MIXING_CHAMBER", attenuationDb: 60, bandLowHz: 1e8, bandHighHz: 5e9 },
    ]);
    expect(result.grade).toBe("GOOD");
    expect(result.totalAttenuationDb).toBe(110);
    expect(result.hasColdFilter).toBe(true);
  });

  it("never grades room-temperature filtering alone as GOOD, however large its attenuation", () => {
    expect(assessFiltering([{ type: "PI", stage: "ROOM", attenuationDb: 120 }]).grade).toBe("MODERATE");
    expect(assessFiltering([{ type: "PI", stage: "ROOM", attenuationDb: 30 }]).grade).toBe("POOR");
  });

  it("grades cold filters of unrecorded attenuation as MODERATE and weak cold filtering as POOR", () => {
    expect(assessFiltering([{ type: "THERMOCOAX", stage: "MIXING_CHAMBER" }]).grade).toBe("MODERATE");
    expect(assessFiltering([{ type: "RC", stage: "K4", attenuationDb: 20 }]).grade).toBe("POOR");
  });

  it("grades a setup without recorded stages as UNKNOWN", () => {
    expect(assessFiltering([]).grade).toBe("UNKNOWN");
  });

  it("flags POOR, UNKNOWN and missing setups as prone to radiation artifacts", () => {
    expect(isArtifactProne("POOR")).toBe(true);
    expect(isArtifactProne("UNKNOWN")).toBe(true);
    expect(isArtifactProne(null)).toBe(true);
    expect(isArtifactProne("MODERATE")).toBe(false);
    expect(isArtifactProne("GOOD")).toBe(false);
  });
});
