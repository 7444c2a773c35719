-- Removals of diagram rows are kept for a day, then pruned by the statement that deletes rows. A
-- server process whose copy of the table was last brought up to date longer ago than half that
-- reads the whole table again (server/domains/diagrams/memory/sync.ts), so it never needs a
-- pruned removal.
ALTER TABLE "DiagramPointRemoval" ADD COLUMN "removedAt" TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX "DiagramPointRemoval_removedAt_idx" ON "DiagramPointRemoval" ("removedAt");

CREATE OR REPLACE FUNCTION "diagram_point_removals_pruned"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DiagramPointRemoval" WHERE "removedAt" < now() - interval '1 day';
  RETURN NULL;
END
$$;
CREATE TRIGGER "diagram_point_removals_pruned" AFTER DELETE ON "DiagramPoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "diagram_point_removals_pruned"();
