-- CreateTable
CREATE TABLE "DiagramPoint" (
    "fitResultId" TEXT NOT NULL,
    "curveId" TEXT NOT NULL,
    "sampleId" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "setupId" TEXT,
    "uploadId" TEXT,
    "engineVersion" TEXT NOT NULL,
    "isCurrent" BOOLEAN NOT NULL,
    "phase" "Phase" NOT NULL,
    "inconclusive" BOOLEAN NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "fieldOe" DOUBLE PRECISION,
    "pressureGPa" DOUBLE PRECISION,
    "pressureDirection" "PressureDirection" NOT NULL DEFAULT 'UNKNOWN',
    "gateVoltageV" DOUBLE PRECISION,
    "uploadedAt" TIMESTAMP(3) NOT NULL,
    "tc90K" DOUBLE PRECISION,
    "tc90KErr" DOUBLE PRECISION,
    "rhoQfOhm" DOUBLE PRECISION,
    "rhoQfOhmErr" DOUBLE PRECISION,
    "sigmaQfS" DOUBLE PRECISION,
    "sigmaQfSErr" DOUBLE PRECISION,
    "eaSK" DOUBLE PRECISION,
    "eaSKErr" DOUBLE PRECISION,
    "eaIK" DOUBLE PRECISION,
    "eaIKErr" DOUBLE PRECISION,
    "arrheniusT0K" DOUBLE PRECISION,
    "arrheniusT0KErr" DOUBLE PRECISION,
    "hoppingT0K" DOUBLE PRECISION,
    "hoppingT0KErr" DOUBLE PRECISION,
    "hoppingP" DOUBLE PRECISION,
    "hoppingPErr" DOUBLE PRECISION,
    "wlG0S" DOUBLE PRECISION,
    "wlG0SErr" DOUBLE PRECISION,
    "wlAS" DOUBLE PRECISION,
    "wlASErr" DOUBLE PRECISION,
    "ratio350mK300K" DOUBLE PRECISION,
    "ratio350mK300KErr" DOUBLE PRECISION,
    "r300KOhm" DOUBLE PRECISION,
    "r300KOhmErr" DOUBLE PRECISION,

    CONSTRAINT "DiagramPoint_pkey" PRIMARY KEY ("fitResultId")
);

-- CreateIndex
CREATE INDEX "DiagramPoint_isCurrent_sampleId_idx" ON "DiagramPoint"("isCurrent", "sampleId");

-- CreateIndex
CREATE INDEX "DiagramPoint_curveId_idx" ON "DiagramPoint"("curveId");

-- AddForeignKey
ALTER TABLE "DiagramPoint" ADD CONSTRAINT "DiagramPoint_fitResultId_fkey" FOREIGN KEY ("fitResultId") REFERENCES "FitResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ───────────── Keeping DiagramPoint in step (written by hand, below the generated part) ─────────────

-- A number stored in FitResult.quantities ({"Tc90_K": {"value": …, "uncertainty": …}, …}), or null.
CREATE FUNCTION "diagram_quantity"(q JSONB, quantity TEXT, field TEXT) RETURNS DOUBLE PRECISION
LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(q -> quantity -> field) = 'number' THEN (q -> quantity ->> field)::DOUBLE PRECISION END
$$;

-- Inserts or refreshes the DiagramPoint rows of the given fit results from FitResult and Curve.
CREATE FUNCTION "diagram_point_refresh"(fit_ids TEXT[]) RETURNS VOID
LANGUAGE SQL AS $$
  INSERT INTO "DiagramPoint" (
    "fitResultId", "curveId", "sampleId", "labId", "setupId", "uploadId", "engineVersion", "isCurrent",
    "phase", "inconclusive", "confidence", "fieldOe", "pressureGPa", "pressureDirection", "gateVoltageV", "uploadedAt",
    "tc90K", "tc90KErr", "rhoQfOhm", "rhoQfOhmErr", "sigmaQfS", "sigmaQfSErr", "eaSK", "eaSKErr", "eaIK", "eaIKErr",
    "arrheniusT0K", "arrheniusT0KErr", "hoppingT0K", "hoppingT0KErr", "hoppingP", "hoppingPErr",
    "wlG0S", "wlG0SErr", "wlAS", "wlASErr", "ratio350mK300K", "ratio350mK300KErr", "r300KOhm", "r300KOhmErr")
  SELECT
    f."id", c."id", c."sampleId", c."labId", c."setupId", c."uploadId", f."engineVersion", f."isCurrent",
    f."phase", f."inconclusive", f."confidence", c."fieldOe", c."pressureGPa", c."pressureDirection", c."gateVoltageV", c."createdAt",
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
  FROM "FitResult" f
  JOIN "Curve" c ON c."id" = f."curveId"
  WHERE f."id" = ANY(fit_ids)
  ON CONFLICT ("fitResultId") DO UPDATE SET
    "curveId" = EXCLUDED."curveId", "sampleId" = EXCLUDED."sampleId", "labId" = EXCLUDED."labId",
    "setupId" = EXCLUDED."setupId", "uploadId" = EXCLUDED."uploadId", "engineVersion" = EXCLUDED."engineVersion",
    "isCurrent" = EXCLUDED."isCurrent", "phase" = EXCLUDED."phase", "inconclusive" = EXCLUDED."inconclusive",
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

-- Every inserted or changed fit result (a new fit, or isCurrent switched off by a re-fit).
CREATE FUNCTION "diagram_point_on_fit"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "diagram_point_refresh"(ARRAY(SELECT "id" FROM new_fits));
  RETURN NULL;
END
$$;

CREATE TRIGGER "diagram_point_fit_insert" AFTER INSERT ON "FitResult"
  REFERENCING NEW TABLE AS new_fits FOR EACH STATEMENT EXECUTE FUNCTION "diagram_point_on_fit"();
CREATE TRIGGER "diagram_point_fit_update" AFTER UPDATE ON "FitResult"
  REFERENCING NEW TABLE AS new_fits FOR EACH STATEMENT EXECUTE FUNCTION "diagram_point_on_fit"();

-- Conditions or links of a curve changed (including ON DELETE SET NULL of its setup or upload).
CREATE FUNCTION "diagram_point_on_curve"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "diagram_point_refresh"(ARRAY(SELECT f."id" FROM "FitResult" f JOIN new_curves n ON n."id" = f."curveId"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "diagram_point_curve_update" AFTER UPDATE ON "Curve"
  REFERENCING NEW TABLE AS new_curves FOR EACH STATEMENT EXECUTE FUNCTION "diagram_point_on_curve"();

-- Fit results stored before this migration.
SELECT "diagram_point_refresh"(ARRAY(SELECT "id" FROM "FitResult"));
