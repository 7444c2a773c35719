-- The diagram keeps what each curve stores (resistance in Ω, sheet resistance in Ω/□, or
-- resistivity in Ω·m), so that an axis of resistances says Ω/□ only for sheet resistances.
ALTER TABLE "DiagramPoint" ADD COLUMN "quantity" "ResistanceQuantity" NOT NULL DEFAULT 'SHEET_RESISTANCE';

CREATE OR REPLACE FUNCTION "diagram_point_refresh"(fit_ids TEXT[]) RETURNS VOID
LANGUAGE SQL AS $$
  INSERT INTO "DiagramPoint" (
    "fitResultId", "curveId", "sampleId", "labId", "visibility", "material", "thicknessNm", "stageIndex", "filteringGrade", "overridePhase",
    "setupId", "uploadId", "engineVersion", "isCurrent", "quantity",
    "phase", "reasonCode", "inconclusive", "confidence", "fieldOe", "pressureGPa", "pressureDirection", "gateVoltageV", "uploadedAt",
    "tc90K", "tc90KErr", "rhoQfOhm", "rhoQfOhmErr", "sigmaQfS", "sigmaQfSErr", "eaSK", "eaSKErr", "eaIK", "eaIKErr",
    "arrheniusT0K", "arrheniusT0KErr", "hoppingT0K", "hoppingT0KErr", "hoppingP", "hoppingPErr",
    "wlG0S", "wlG0SErr", "wlAS", "wlASErr", "ratio350mK300K", "ratio350mK300KErr", "r300KOhm", "r300KOhmErr")
  SELECT
    f."id", c."id", c."sampleId", s."labId", s."visibility", s."material", s."thicknessNm", s."stageIndex", m."filteringGrade",
    (SELECT o."phase" FROM "LabelOverride" o WHERE o."curveId" = c."id" AND o."supersededAt" IS NULL ORDER BY o."createdAt" DESC LIMIT 1),
    c."setupId", c."uploadId", f."engineVersion", f."isCurrent", c."quantity",
    f."phase", f."reasonCode", f."inconclusive", f."confidence", c."fieldOe", c."pressureGPa", c."pressureDirection", c."gateVoltageV", c."createdAt",
    "diagram_quantity"(f."quantities", 'Tc90_K', 'value'), "diagram_quantity"(f."quantities", 'Tc90_K', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'rhoQF_ohm', 'value'), "diagram_quantity"(f."quantities", 'rhoQF_ohm', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'sigmaQF_S', 'value'), "diagram_quantity"(f."quantities", 'sigmaQF_S', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'EaS_K', 'value'), "diagram_quantity"(f."quantities", 'EaS_K', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'EaI_K', 'value'), "diagram_quantity"(f."quantities", 'EaI_K', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'arrheniusT0_K', 'value'), "diagram_quantity"(f."quantities", 'arrheniusT0_K', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'hoppingT0_K', 'value'), "diagram_quantity"(f."quantities", 'hoppingT0_K', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'hoppingP', 'value'), "diagram_quantity"(f."quantities", 'hoppingP', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'wlG0_S', 'value'), "diagram_quantity"(f."quantities", 'wlG0_S', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'wlA_S', 'value'), "diagram_quantity"(f."quantities", 'wlA_S', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'ratio350mK300K', 'value'), "diagram_quantity"(f."quantities", 'ratio350mK300K', 'uncertainty'),
    "diagram_quantity"(f."quantities", 'R300K_ohm', 'value'), "diagram_quantity"(f."quantities", 'R300K_ohm', 'uncertainty')
  FROM unnest(fit_ids) AS t("id")
  JOIN "FitResult" f ON f."id" = t."id"
  JOIN "Curve" c ON c."id" = f."curveId"
  JOIN "Sample" s ON s."id" = c."sampleId"
  LEFT JOIN "MeasurementSetup" m ON m."id" = c."setupId"
  ON CONFLICT ("fitResultId") DO UPDATE SET
    "curveId" = EXCLUDED."curveId", "sampleId" = EXCLUDED."sampleId", "labId" = EXCLUDED."labId",
    "visibility" = EXCLUDED."visibility", "material" = EXCLUDED."material", "thicknessNm" = EXCLUDED."thicknessNm",
    "stageIndex" = EXCLUDED."stageIndex", "filteringGrade" = EXCLUDED."filteringGrade", "overridePhase" = EXCLUDED."overridePhase",
    "setupId" = EXCLUDED."setupId", "uploadId" = EXCLUDED."uploadId", "engineVersion" = EXCLUDED."engineVersion",
    "isCurrent" = EXCLUDED."isCurrent", "quantity" = EXCLUDED."quantity", "phase" = EXCLUDED."phase", "reasonCode" = EXCLUDED."reasonCode", "inconclusive" = EXCLUDED."inconclusive",
    "confidence" = EXCLUDED."confidence", "fieldOe" = EXCLUDED."fieldOe", "pressureGPa" = EXCLUDED."pressureGPa",
    "pressureDirection" = EXCLUDED."pressureDirection", "gateVoltageV" = EXCLUDED."gateVoltageV", "uploadedAt" = EXCLUDED."uploadedAt",
    "tc90K" = EXCLUDED."tc90K", "tc90KErr" = EXCLUDED."tc90KErr", "rhoQfOhm" = EXCLUDED."rhoQfOhm", "rhoQfOhmErr" = EXCLUDED."rhoQfOhmErr",
    "sigmaQfS" = EXCLUDED."sigmaQfS", "sigmaQfSErr" = EXCLUDED."sigmaQfSErr", "eaSK" = EXCLUDED."eaSK", "eaSKErr" = EXCLUDED."eaSKErr",
    "eaIK" = EXCLUDED."eaIK", "eaIKErr" = EXCLUDED."eaIKErr", "arrheniusT0K" = EXCLUDED."arrheniusT0K", "arrheniusT0KErr" = EXCLUDED."arrheniusT0KErr",
    "hoppingT0K" = EXCLUDED."hoppingT0K", "hoppingT0KErr" = EXCLUDED."hoppingT0KErr", "hoppingP" = EXCLUDED."hoppingP", "hoppingPErr" = EXCLUDED."hoppingPErr",
    "wlG0S" = EXCLUDED."wlG0S", "wlG0SErr" = EXCLUDED."wlG0SErr", "wlAS" = EXCLUDED."wlAS", "wlASErr" = EXCLUDED."wlASErr",
    "ratio350mK300K" = EXCLUDED."ratio350mK300K", "ratio350mK300KErr" = EXCLUDED."ratio350mK300KErr",
    "r300KOhm" = EXCLUDED."r300KOhm", "r300KOhmErr" = EXCLUDED."r300KOhmErr"
$$;

-- Points stored before this migration (only those of curves that are not sheet resistances differ).
UPDATE "DiagramPoint" p SET "quantity" = c."quantity"
FROM "Curve" c WHERE c."id" = p."curveId" AND c."quantity" <> 'SHEET_RESISTANCE';
