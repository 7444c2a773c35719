-- CreateTable
CREATE TABLE "DiagramSampleExtent" (
    "sampleId" TEXT NOT NULL,
    "stageIndexMin" DOUBLE PRECISION,
    "stageIndexMax" DOUBLE PRECISION,
    "stageIndexMinPos" DOUBLE PRECISION,
    "fieldOeMin" DOUBLE PRECISION,
    "fieldOeMax" DOUBLE PRECISION,
    "fieldOeMinPos" DOUBLE PRECISION,
    "pressureGPaMin" DOUBLE PRECISION,
    "pressureGPaMax" DOUBLE PRECISION,
    "pressureGPaMinPos" DOUBLE PRECISION,
    "gateVoltageVMin" DOUBLE PRECISION,
    "gateVoltageVMax" DOUBLE PRECISION,
    "gateVoltageVMinPos" DOUBLE PRECISION,
    "thicknessNmMin" DOUBLE PRECISION,
    "thicknessNmMax" DOUBLE PRECISION,
    "thicknessNmMinPos" DOUBLE PRECISION,
    "tc90KMin" DOUBLE PRECISION,
    "tc90KMax" DOUBLE PRECISION,
    "tc90KMinPos" DOUBLE PRECISION,
    "rhoQfOhmMin" DOUBLE PRECISION,
    "rhoQfOhmMax" DOUBLE PRECISION,
    "rhoQfOhmMinPos" DOUBLE PRECISION,
    "sigmaQfSMin" DOUBLE PRECISION,
    "sigmaQfSMax" DOUBLE PRECISION,
    "sigmaQfSMinPos" DOUBLE PRECISION,
    "eaSKMin" DOUBLE PRECISION,
    "eaSKMax" DOUBLE PRECISION,
    "eaSKMinPos" DOUBLE PRECISION,
    "eaIKMin" DOUBLE PRECISION,
    "eaIKMax" DOUBLE PRECISION,
    "eaIKMinPos" DOUBLE PRECISION,
    "arrheniusT0KMin" DOUBLE PRECISION,
    "arrheniusT0KMax" DOUBLE PRECISION,
    "arrheniusT0KMinPos" DOUBLE PRECISION,
    "hoppingT0KMin" DOUBLE PRECISION,
    "hoppingT0KMax" DOUBLE PRECISION,
    "hoppingT0KMinPos" DOUBLE PRECISION,
    "hoppingPMin" DOUBLE PRECISION,
    "hoppingPMax" DOUBLE PRECISION,
    "hoppingPMinPos" DOUBLE PRECISION,
    "wlG0SMin" DOUBLE PRECISION,
    "wlG0SMax" DOUBLE PRECISION,
    "wlG0SMinPos" DOUBLE PRECISION,
    "wlASMin" DOUBLE PRECISION,
    "wlASMax" DOUBLE PRECISION,
    "wlASMinPos" DOUBLE PRECISION,
    "ratio350mK300KMin" DOUBLE PRECISION,
    "ratio350mK300KMax" DOUBLE PRECISION,
    "ratio350mK300KMinPos" DOUBLE PRECISION,
    "r300KOhmMin" DOUBLE PRECISION,
    "r300KOhmMax" DOUBLE PRECISION,
    "r300KOhmMinPos" DOUBLE PRECISION,

    CONSTRAINT "DiagramSampleExtent_pkey" PRIMARY KEY ("sampleId")
);



-- ───────────── Keeping the ranges in step (written by hand, below the generated part) ─────────────

-- Recomputes the ranges of the given samples from their diagram points (a sample without points has none).
CREATE FUNCTION "diagram_sample_extent_refresh"(sample_ids TEXT[]) RETURNS VOID
LANGUAGE SQL AS $$
  DELETE FROM "DiagramSampleExtent" e
  WHERE e."sampleId" IN (SELECT t."id" FROM unnest(sample_ids) AS t("id"))
    AND NOT EXISTS (SELECT 1 FROM "DiagramPoint" p WHERE p."sampleId" = e."sampleId");
  INSERT INTO "DiagramSampleExtent" ("sampleId", "stageIndexMin", "stageIndexMax", "stageIndexMinPos", "fieldOeMin", "fieldOeMax", "fieldOeMinPos", "pressureGPaMin", "pressureGPaMax", "pressureGPaMinPos", "gateVoltageVMin", "gateVoltageVMax", "gateVoltageVMinPos", "thicknessNmMin", "thicknessNmMax", "thicknessNmMinPos", "tc90KMin", "tc90KMax", "tc90KMinPos", "rhoQfOhmMin", "rhoQfOhmMax", "rhoQfOhmMinPos", "sigmaQfSMin", "sigmaQfSMax", "sigmaQfSMinPos", "eaSKMin", "eaSKMax", "eaSKMinPos", "eaIKMin", "eaIKMax", "eaIKMinPos", "arrheniusT0KMin", "arrheniusT0KMax", "arrheniusT0KMinPos", "hoppingT0KMin", "hoppingT0KMax", "hoppingT0KMinPos", "hoppingPMin", "hoppingPMax", "hoppingPMinPos", "wlG0SMin", "wlG0SMax", "wlG0SMinPos", "wlASMin", "wlASMax", "wlASMinPos", "ratio350mK300KMin", "ratio350mK300KMax", "ratio350mK300KMinPos", "r300KOhmMin", "r300KOhmMax", "r300KOhmMinPos")
  SELECT p."sampleId", min("stageIndex"::float8),
    max("stageIndex"::float8),
    min("stageIndex"::float8) FILTER (WHERE "stageIndex"::float8 > 0),
    min("fieldOe"),
    max("fieldOe"),
    min("fieldOe") FILTER (WHERE "fieldOe" > 0),
    min("pressureGPa"),
    max("pressureGPa"),
    min("pressureGPa") FILTER (WHERE "pressureGPa" > 0),
    min("gateVoltageV"),
    max("gateVoltageV"),
    min("gateVoltageV") FILTER (WHERE "gateVoltageV" > 0),
    min("thicknessNm"),
    max("thicknessNm"),
    min("thicknessNm") FILTER (WHERE "thicknessNm" > 0),
    min("tc90K"),
    max("tc90K"),
    min("tc90K") FILTER (WHERE "tc90K" > 0),
    min("rhoQfOhm"),
    max("rhoQfOhm"),
    min("rhoQfOhm") FILTER (WHERE "rhoQfOhm" > 0),
    min("sigmaQfS"),
    max("sigmaQfS"),
    min("sigmaQfS") FILTER (WHERE "sigmaQfS" > 0),
    min("eaSK"),
    max("eaSK"),
    min("eaSK") FILTER (WHERE "eaSK" > 0),
    min("eaIK"),
    max("eaIK"),
    min("eaIK") FILTER (WHERE "eaIK" > 0),
    min("arrheniusT0K"),
    max("arrheniusT0K"),
    min("arrheniusT0K") FILTER (WHERE "arrheniusT0K" > 0),
    min("hoppingT0K"),
    max("hoppingT0K"),
    min("hoppingT0K") FILTER (WHERE "hoppingT0K" > 0),
    min("hoppingP"),
    max("hoppingP"),
    min("hoppingP") FILTER (WHERE "hoppingP" > 0),
    min("wlG0S"),
    max("wlG0S"),
    min("wlG0S") FILTER (WHERE "wlG0S" > 0),
    min("wlAS"),
    max("wlAS"),
    min("wlAS") FILTER (WHERE "wlAS" > 0),
    min("ratio350mK300K"),
    max("ratio350mK300K"),
    min("ratio350mK300K") FILTER (WHERE "ratio350mK300K" > 0),
    min("r300KOhm"),
    max("r300KOhm"),
    min("r300KOhm") FILTER (WHERE "r300KOhm" > 0)
  FROM "DiagramPoint" p
  WHERE p."sampleId" IN (SELECT DISTINCT t."id" FROM unnest(sample_ids) AS t("id"))
  GROUP BY p."sampleId"
  ON CONFLICT ("sampleId") DO UPDATE SET "stageIndexMin" = EXCLUDED."stageIndexMin", "stageIndexMax" = EXCLUDED."stageIndexMax", "stageIndexMinPos" = EXCLUDED."stageIndexMinPos", "fieldOeMin" = EXCLUDED."fieldOeMin", "fieldOeMax" = EXCLUDED."fieldOeMax", "fieldOeMinPos" = EXCLUDED."fieldOeMinPos", "pressureGPaMin" = EXCLUDED."pressureGPaMin", "pressureGPaMax" = EXCLUDED."pressureGPaMax", "pressureGPaMinPos" = EXCLUDED."pressureGPaMinPos", "gateVoltageVMin" = EXCLUDED."gateVoltageVMin", "gateVoltageVMax" = EXCLUDED."gateVoltageVMax", "gateVoltageVMinPos" = EXCLUDED."gateVoltageVMinPos", "thicknessNmMin" = EXCLUDED."thicknessNmMin", "thicknessNmMax" = EXCLUDED."thicknessNmMax", "thicknessNmMinPos" = EXCLUDED."thicknessNmMinPos", "tc90KMin" = EXCLUDED."tc90KMin", "tc90KMax" = EXCLUDED."tc90KMax", "tc90KMinPos" = EXCLUDED."tc90KMinPos", "rhoQfOhmMin" = EXCLUDED."rhoQfOhmMin", "rhoQfOhmMax" = EXCLUDED."rhoQfOhmMax", "rhoQfOhmMinPos" = EXCLUDED."rhoQfOhmMinPos", "sigmaQfSMin" = EXCLUDED."sigmaQfSMin", "sigmaQfSMax" = EXCLUDED."sigmaQfSMax", "sigmaQfSMinPos" = EXCLUDED."sigmaQfSMinPos", "eaSKMin" = EXCLUDED."eaSKMin", "eaSKMax" = EXCLUDED."eaSKMax", "eaSKMinPos" = EXCLUDED."eaSKMinPos", "eaIKMin" = EXCLUDED."eaIKMin", "eaIKMax" = EXCLUDED."eaIKMax", "eaIKMinPos" = EXCLUDED."eaIKMinPos", "arrheniusT0KMin" = EXCLUDED."arrheniusT0KMin", "arrheniusT0KMax" = EXCLUDED."arrheniusT0KMax", "arrheniusT0KMinPos" = EXCLUDED."arrheniusT0KMinPos", "hoppingT0KMin" = EXCLUDED."hoppingT0KMin", "hoppingT0KMax" = EXCLUDED."hoppingT0KMax", "hoppingT0KMinPos" = EXCLUDED."hoppingT0KMinPos", "hoppingPMin" = EXCLUDED."hoppingPMin", "hoppingPMax" = EXCLUDED."hoppingPMax", "hoppingPMinPos" = EXCLUDED."hoppingPMinPos", "wlG0SMin" = EXCLUDED."wlG0SMin", "wlG0SMax" = EXCLUDED."wlG0SMax", "wlG0SMinPos" = EXCLUDED."wlG0SMinPos", "wlASMin" = EXCLUDED."wlASMin", "wlASMax" = EXCLUDED."wlASMax", "wlASMinPos" = EXCLUDED."wlASMinPos", "ratio350mK300KMin" = EXCLUDED."ratio350mK300KMin", "ratio350mK300KMax" = EXCLUDED."ratio350mK300KMax", "ratio350mK300KMinPos" = EXCLUDED."ratio350mK300KMinPos", "r300KOhmMin" = EXCLUDED."r300KOhmMin", "r300KOhmMax" = EXCLUDED."r300KOhmMax", "r300KOhmMinPos" = EXCLUDED."r300KOhmMinPos"
$$;

CREATE FUNCTION "diagram_sample_extent_on_new"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "diagram_sample_extent_refresh"(ARRAY(SELECT DISTINCT "sampleId" FROM new_points));
  RETURN NULL;
END
$$;

CREATE FUNCTION "diagram_sample_extent_on_old"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "diagram_sample_extent_refresh"(ARRAY(SELECT DISTINCT "sampleId" FROM old_points));
  RETURN NULL;
END
$$;

CREATE FUNCTION "diagram_sample_extent_on_both"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "diagram_sample_extent_refresh"(ARRAY(SELECT "sampleId" FROM new_points UNION SELECT "sampleId" FROM old_points));
  RETURN NULL;
END
$$;

CREATE TRIGGER "diagram_sample_extent_insert" AFTER INSERT ON "DiagramPoint"
  REFERENCING NEW TABLE AS new_points FOR EACH STATEMENT EXECUTE FUNCTION "diagram_sample_extent_on_new"();
CREATE TRIGGER "diagram_sample_extent_update" AFTER UPDATE ON "DiagramPoint"
  REFERENCING OLD TABLE AS old_points NEW TABLE AS new_points FOR EACH STATEMENT EXECUTE FUNCTION "diagram_sample_extent_on_both"();
CREATE TRIGGER "diagram_sample_extent_delete" AFTER DELETE ON "DiagramPoint"
  REFERENCING OLD TABLE AS old_points FOR EACH STATEMENT EXECUTE FUNCTION "diagram_sample_extent_on_old"();

-- Ranges of the points stored before this migration.
SELECT "diagram_sample_extent_refresh"(ARRAY(SELECT DISTINCT "sampleId" FROM "DiagramPoint"));
