-- A change feed of the diagram's table, for the copy of it that each server process keeps in
-- memory (server/domains/diagrams/memory): every inserted or updated row records the transaction
-- that wrote it, every deleted row leaves a removal with its transaction, and TRUNCATE moves an
-- epoch that makes every copy load the table again. A copy that has applied everything committed
-- as of a snapshot reads, next time, only the rows of transactions that snapshot did not see
-- (transaction id ≥ its xmin), so a transaction that commits late is never missed. Rows stored
-- before this migration keep 0 and are read by the first, full load.
ALTER TABLE "DiagramPoint" ADD COLUMN "changeXid" BIGINT NOT NULL DEFAULT 0;
CREATE INDEX "DiagramPoint_changeXid_idx" ON "DiagramPoint" ("changeXid");

CREATE TABLE "DiagramPointRemoval" (
  "fitResultId" TEXT NOT NULL,
  "changeXid" BIGINT NOT NULL
);
CREATE INDEX "DiagramPointRemoval_changeXid_idx" ON "DiagramPointRemoval" ("changeXid");

CREATE TABLE "DiagramPointEpoch" (
  "id" INTEGER PRIMARY KEY CHECK ("id" = 1),
  "epoch" BIGINT NOT NULL
);
INSERT INTO "DiagramPointEpoch" ("id", "epoch") VALUES (1, 1);

CREATE OR REPLACE FUNCTION "diagram_point_stamp"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  NEW."changeXid" := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END
$$;
CREATE TRIGGER "diagram_point_stamp" BEFORE INSERT OR UPDATE ON "DiagramPoint"
  FOR EACH ROW EXECUTE FUNCTION "diagram_point_stamp"();

CREATE OR REPLACE FUNCTION "diagram_point_removed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DiagramPointRemoval" ("fitResultId", "changeXid") VALUES (OLD."fitResultId", pg_current_xact_id()::text::bigint);
  RETURN NULL;
END
$$;
CREATE TRIGGER "diagram_point_removed" AFTER DELETE ON "DiagramPoint"
  FOR EACH ROW EXECUTE FUNCTION "diagram_point_removed"();

CREATE OR REPLACE FUNCTION "diagram_point_truncated"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DiagramPointEpoch" SET "epoch" = "epoch" + 1 WHERE "id" = 1;
  DELETE FROM "DiagramPointRemoval";
  RETURN NULL;
END
$$;
CREATE TRIGGER "diagram_point_truncated" AFTER TRUNCATE ON "DiagramPoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "diagram_point_truncated"();
