-- Engine 1.0: an analysis may answer "no SIT label applies" (not an SIT curve), with a
-- machine-readable reason code; curves record how their resistance was read out.

-- "No SIT label": a dead channel, a Hall channel, an ordinary metal, … (FitResult.reasonCode says which).
ALTER TYPE "Phase" ADD VALUE 'NONE';

-- How the resistance was read: signed (a DC bridge, the in-phase X of a lock-in: negative
-- values possible) or magnitude (a lock-in's R = sqrt(X^2 + Y^2): never negative).
CREATE TYPE "Readout" AS ENUM ('SIGNED', 'MAGNITUDE', 'UNKNOWN');
ALTER TABLE "Curve" ADD COLUMN "readout" "Readout" NOT NULL DEFAULT 'UNKNOWN';

-- Why no label, or why the label is inconclusive (no_signal, not_longitudinal,
-- metallic_no_transition, incomplete_transition, reentrant, short_window, too_few_points, fit_failed, …).
ALTER TABLE "FitResult" ADD COLUMN "reasonCode" TEXT;
-- A member's override may also say that no SIT label applies, and why.
ALTER TABLE "LabelOverride" ADD COLUMN "reasonCode" TEXT;
