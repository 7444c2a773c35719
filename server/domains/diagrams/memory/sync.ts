/**
 * Keeps each process's in-memory copy of `DiagramPoint` (./table.ts) equal to the database as of
 * a snapshot taken when a view is asked for. The change feed is migration diagram_point_changes:
 * every written row carries the id of its transaction, deleted rows leave removals, TRUNCATE moves
 * an epoch.
 *
 * A pull reads, in one REPEATABLE READ transaction, its snapshot and the rows of every transaction
 * the previous pull's snapshot did not see: ids at or above that snapshot's xmax, and those it
 * listed as in progress. Anything else was already committed (and read) or had aborted then, so a
 * transaction that commits late is read by the first pull after it commits, and a long
 * transaction elsewhere costs nothing. A row that is both removed and present in the snapshot was
 * written again after its removal and stays. A new epoch (or the first pull) reads the whole table.
 *
 * Each request waits for a pull that started after it arrived (so it sees every commit made before
 * it), and concurrent requests share one pull.
 */
import type pg from "pg";
import { sqlPool, type Db } from "~/server/db";
import { DiagramTable, NUMBER_COLUMNS, type TableRow } from "./table";

const SELECT_ROWS = `SELECT "fitResultId", "curveId", "sampleId", "labId", "setupId", "uploadId", "material", "engineVersion", "reasonCode",
  "isCurrent", "inconclusive", "phase"::text AS "phase", "overridePhase"::text AS "overridePhase", "visibility"::text AS "visibility",
  "pressureDirection"::text AS "pressureDirection", "filteringGrade"::text AS "filteringGrade", "quantity"::text AS "quantity",
  "labelKey"::int AS "labelKey", "gradeKey"::int AS "gradeKey", round(extract(epoch FROM "uploadedAt") * 1000)::float8 AS "uploadedMs",
  ${NUMBER_COLUMNS.map((c) => `"${c}"::float8 AS "${c}"`).join(", ")}
FROM "DiagramPoint"`;

const CHANGED = `"changeXid" >= $1::bigint OR "changeXid" = ANY($2::bigint[])`;

interface Seen {
  epoch: string;
  xmax: string;
  xip: string[];
}

class TableSync {
  readonly table = new DiagramTable();
  private seen: Seen | null = null;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /** Resolves once a pull that started after this call has been applied. */
  synced(): Promise<void> {
    if (!this.running) return (this.running = this.run());
    // a pull is under way but may have taken its snapshot before this request: the next one serves it
    this.next ??= this.running.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  private startNext(): Promise<void> {
    this.next = null;
    return (this.running = this.run());
  }

  private async run(): Promise<void> {
    try {
      await this.pull();
    } finally {
      this.running = null;
    }
  }

  private async pull(): Promise<void> {
    const client = await this.pool.connect();
    let head: Seen;
    let rows: TableRow[];
    let removed: string[] = [];
    let full: boolean;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const snapshot = await client.query<{ epoch: string; xmax: string; xip: string[] }>(
        `SELECT (SELECT "epoch"::text FROM "DiagramPointEpoch" WHERE "id" = 1) AS epoch, pg_snapshot_xmax(s)::text AS xmax,
           ARRAY(SELECT x::text FROM pg_snapshot_xip(s) AS x) AS xip
         FROM pg_current_snapshot() AS s`,
      );
      head = snapshot.rows[0]!;
      full = !this.seen || this.seen.epoch !== head.epoch;
      if (full) {
        rows = (await client.query<TableRow>(SELECT_ROWS)).rows;
      } else {
        const since = [this.seen!.xmax, this.seen!.xip];
        rows = (await client.query<TableRow>(`${SELECT_ROWS} WHERE ${CHANGED}`, since)).rows;
        removed = (await client.query<{ id: string }>(`SELECT "fitResultId" AS id FROM "DiagramPointRemoval" WHERE ${CHANGED}`, since)).rows.map((r) => r.id);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    if (full) this.table.clear();
    const present = new Set<string>();
    for (const row of rows) {
      this.table.upsert(row);
      present.add(row.fitResultId);
    }
    for (const id of removed) if (!present.has(id)) this.table.remove(id);
    this.seen = head;
  }
}

const syncs = new WeakMap<pg.Pool, TableSync>();

/**
 * The in-memory table of a client's database, brought up to date with every commit made before
 * the call; null when the client has no pool of its own (then the diagram reads the database).
 * The table must be read synchronously after the promise resolves (a later pull changes it).
 */
export async function syncedDiagramTable(db: Db): Promise<DiagramTable | null> {
  const pool = sqlPool(db);
  if (!pool) return null;
  let sync = syncs.get(pool);
  if (!sync) syncs.set(pool, (sync = new TableSync(pool)));
  await sync.synced();
  return sync.table;
}
