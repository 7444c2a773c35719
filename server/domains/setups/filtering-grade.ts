import type { FilteringGrade, FilterType, TemperatureStage } from "~/generated/prisma/enums";

export interface FilterStageInput {
  type: FilterType;
  stage: TemperatureStage;
  attenuationDb?: number | null;
  bandLowHz?: number | null;
  bandHighHz?: number | null;
}

export interface FilteringAssessment {
  grade: FilteringGrade;
  totalAttenuationDb: number | null;
  hasColdFilter: boolean;
  explanation: string;
}

/** Stages at or below 4 K: filters there also stop the thermal radiation of the warmer stages. */
const COLD_STAGES: ReadonlySet<TemperatureStage> = new Set(["K4", "STILL", "COLD_PLATE", "MIXING_CHAMBER", "SAMPLE"]);

/** Attenuation needed for GOOD: seed 001 reports > 100 dB over 100 MHz–5 GHz; 80 dB leaves margin for how vendors quote it. */
export const GOOD_ATTENUATION_DB = 80;
/** Below this, even with cold filters, stray radiation can heat electrons in a highly resistive film. */
export const MODERATE_ATTENUATION_DB = 40;

/**
 * Grades the radiation filtering of a setup's lines. Resistance saturation can be produced by
 * unfiltered radiation (Tamir et al. 2019), and room-temperature filters alone do not stop it, so
 * GOOD needs filtering at a cold stage and a large total attenuation. Attenuations of filters in
 * series add in dB.
 */
export function assessFiltering(stages: readonly FilterStageInput[]): FilteringAssessment {
  if (stages.length === 0) {
    return { grade: "UNKNOWN", totalAttenuationDb: null, hasColdFilter: false, explanation: "No filter stages are recorded for this setup." };
  }
  const hasColdFilter = stages.some((s) => COLD_STAGES.has(s.stage));
  const known = stages.filter((s) => s.attenuationDb != null && Number.isFinite(s.attenuationDb));
  const totalAttenuationDb = known.length > 0 ? known.reduce((sum, s) => sum + (s.attenuationDb ?? 0), 0) : null;
  const total = totalAttenuationDb ?? 0;
  const where = hasColdFilter ? "with filtering at a cold stage" : "with no filter below room temperature";
  const how = totalAttenuationDb === null ? "attenuation not recorded" : `${total.toFixed(0)} dB recorded in total`;
  let grade: FilteringGrade;
  if (hasColdFilter && total >= GOOD_ATTENUATION_DB) grade = "GOOD";
  else if (hasColdFilter && (totalAttenuationDb === null || total >= MODERATE_ATTENUATION_DB)) grade = "MODERATE";
  else if (!hasColdFilter && total >= GOOD_ATTENUATION_DB) grade = "MODERATE";
  else grade = "POOR";
  return { grade, totalAttenuationDb, hasColdFilter, explanation: `${how}, ${where}.` };
}

/** Grades whose saturating curves (M1/M2) may be radiation artifacts. */
export function isArtifactProne(grade: FilteringGrade | null | undefined): boolean {
  return grade == null || grade === "POOR" || grade === "UNKNOWN";
}
