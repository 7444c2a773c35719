-- The label and filtering grade of each diagram point as small integers, computed by PostgreSQL
-- when the row is written instead of by every diagram query (aggregated views group tens of
-- thousands of rows on them).
--   labelKey: the displayed phase (a member's override wins) S=0, M1=1, M2=2, I1=3, I2=4,
--             plus 5 when the fit is inconclusive and not overridden;
--   gradeKey: GOOD=0, MODERATE=1, POOR=2, UNKNOWN or no setup=3.
ALTER TABLE "DiagramPoint"
  ADD COLUMN "labelKey" smallint GENERATED ALWAYS AS (
    (CASE COALESCE("overridePhase", "phase") WHEN 'S' THEN 0 WHEN 'M1' THEN 1 WHEN 'M2' THEN 2 WHEN 'I1' THEN 3 ELSE 4 END)
    + (CASE WHEN "overridePhase" IS NULL AND "inconclusive" THEN 5 ELSE 0 END)
  ) STORED,
  ADD COLUMN "gradeKey" smallint GENERATED ALWAYS AS (
    CASE "filteringGrade" WHEN 'GOOD' THEN 0 WHEN 'MODERATE' THEN 1 WHEN 'POOR' THEN 2 ELSE 3 END
  ) STORED;
