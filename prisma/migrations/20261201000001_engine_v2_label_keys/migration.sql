-- The diagram's label key gains "no SIT label" (10), whatever the inconclusive flag says:
--   S=0, M1=1, M2=2, I1=3, I2=4, plus 5 when inconclusive and not overridden; NONE = 10.
-- (A separate migration: a new enum value can be used only after the transaction that added it.)
ALTER TABLE "DiagramPoint" DROP COLUMN "labelKey";
ALTER TABLE "DiagramPoint"
  ADD COLUMN "labelKey" smallint GENERATED ALWAYS AS (
    CASE COALESCE("overridePhase", "phase")
      WHEN 'NONE' THEN 10
      ELSE (CASE COALESCE("overridePhase", "phase") WHEN 'S' THEN 0 WHEN 'M1' THEN 1 WHEN 'M2' THEN 2 WHEN 'I1' THEN 3 ELSE 4 END)
        + (CASE WHEN "overridePhase" IS NULL AND "inconclusive" THEN 5 ELSE 0 END)
    END
  ) STORED;
