/**
 * Keeps each process's in-memory copy of `DiagramPoint` (./table.ts) equal to the database as of
 * a snapshot taken when a view is asked for. The change feed is migration diagram_point_changes:
 * every written row carries the id of its transaction, deleted rows leave removals, TRUNCATE moves
 * an epoch.
 *
 * A pull reads, in one statement, its snapshot and the rows of every transaction the previous
 * pull's snapshot did not see: ids at or above that snapshot's xmax, and those it
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
  /** the snapshot as PostgreSQL writes it (pg_current_snapshot()::text): which transactions are committed */
  snapshot: string;
}

const HEAD = `SELECT (SELECT "epoch"::text FROM "DiagramPointEpoch" WHERE "id" = 1) AS epoch, pg_snapshot_xmax(s)::text AS xmax,
  ARRAY(SELECT x::text FROM pg_snapshot_xip(s) AS x) AS xip, s::text AS snapshot
FROM pg_current_snapshot() AS s`;

/**
 * What changed, in one statement (one snapshot, one round trip): the head of the snapshot, the
 * rows written and the removals since the previous one. Numbers come as JSON, where PostgreSQL
 * writes NaN and ±Infinity as strings (table.ts reads them back).
 */
const CHANGES = `WITH head AS MATERIALIZED (${HEAD})
SELECT head.*,
  (SELECT COALESCE(json_agg(r), '[]'::json) FROM (${SELECT_ROWS} WHERE ${CHANGED}) r) AS rows,
  (SELECT COALESCE(array_agg("fitResultId"), '{}') FROM "DiagramPointRemoval" WHERE ${CHANGED}) AS removed
FROM head`;

/** A copy not brought up to date for this long is read again whole. */
const STALE_COPY_MS = 12 * 3600_000;

class TableSync {
  readonly table = new DiagramTable();
  private seen: Seen | null = null;
  private pulledAt = 0;
  private running: Promise<string> | null = null;
  private next: Promise<string> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /** Resolves, with its snapshot, once a pull that started after this call has been applied. */
  synced(): Promise<string> {
    if (!this.running) return (this.running = this.run());
    // a pull is under way but may have taken its snapshot before this request: the next one serves it
    this.next ??= this.running.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  private startNext(): Promise<string> {
    this.next = null;
    return (this.running = this.run());
  }

  private async run(): Promise<string> {
    try {
      return await this.pull();
    } finally {
      this.running = null;
    }
  }

  private async pull(): Promise<string> {
    // removals are pruned after a day (migration diagram_point_removal_pruning): a copy older than half that is read again
    if (this.seen && Date.now() - this.pulledAt > STALE_COPY_MS) this.seen = null;
    this.pulledAt = Date.now();
    if (this.seen) {
      const [changes] = (await this.pool.query<Seen & { rows: TableRow[]; removed: string[] }>(CHANGES, [this.seen.xmax, this.seen.xip])).rows;
      if (changes && changes.epoch === this.seen.epoch) {
        const present = new Set<string>();
        for (const row of changes.rows) {
          this.table.upsert(row);
          present.add(row.fitResultId);
        }
        // a row both removed and present was written again after its removal
        for (const id of changes.removed) if (!present.has(id)) this.table.remove(id);
        this.seen = { epoch: changes.epoch, xmax: changes.xmax, xip: changes.xip, snapshot: changes.snapshot };
        return changes.snapshot;
      }
    }
    return this.load();
  }

  /** Reads the whole table (the first pull, or after a TRUNCATE moved the epoch). */
  private async load(): Promise<string> {
    const client = await this.pool.connect();
    let head: Seen;
    let rows: TableRow[];
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      head = (await client.query<Seen>(HEAD)).rows[0]!;
      rows = (await client.query<TableRow>(SELECT_ROWS)).rows;
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.table.clear();
    for (const row of rows) this.table.upsert(row);
    this.seen = head;
    return head.snapshot;
  }
}

/**
 * One table per pool, kept on globalThis: the server may load this module more than once (its
 * start-up hook and its routes are bundled apart) and must still hold one copy of the table.
 */
const registry = globalThis as unknown as { __sitDiagramTables?: WeakMap<pg.Pool, TableSync> };
const syncs = (registry.__sitDiagramTables ??= new WeakMap<pg.Pool, TableSync>());

/**
 * The in-memory table of a client's database, brought up to date with every commit made before
 * the call, and the snapshot it now shows; null when the client has no pool of its own (then the
 * diagram reads the database). The table must be read synchronously after the promise resolves
 * (a later pull changes it).
 */
export interface SyncedTable {
  table: DiagramTable;
  snapshot: string;
}

export async function syncedDiagramTable(db: Db): Promise<SyncedTable | null> {
  const pool = sqlPool(db);
  if (!pool) return null;
  let sync = syncs.get(pool);
  if (!sync) syncs.set(pool, (sync = new TableSync(pool)));
  const snapshot = await sync.synced();
  return { table: sync.table, snapshot };
}
