/**
 * Bulk insert of curve rows for uploads: multi-row INSERT … ON CONFLICT DO NOTHING RETURNING,
 * in statements of bounded size, on the caller's transaction. Same rows and the same content
 * hash (hence the same per-sample dedupe) as `insertCurves` in the curves service, without the
 * ORM's per-value conversions, which dominate the cost for millions of points.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { curveContentHash, valueRange, type NewCurve } from "~/server/domains/curves/service";

type SqlRunner = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

export interface CurveTarget {
  labId: string;
  sampleId: string;
  annealStage: string | null;
  setupId: string | null;
  uploadId: string | null;
}

/** Rows per statement, and bytes of points per statement (whichever is reached first). */
const MAX_ROWS = 500;
const MAX_BYTES = 8 * 1024 * 1024;
/** Statements in flight at once: the next is prepared while the server stores the last. */
const IN_FLIGHT = 2;

const COLUMNS = [
  ["id", "text"],
  ["labId", "text"],
  ["sampleId", "text"],
  ["setupId", "text"],
  ["uploadId", "text"],
  ["kind", '"CurveKind"'],
  ["quantity", '"ResistanceQuantity"'],
  ["channel", "text"],
  ["label", "text"],
  ["fieldOe", "float8"],
  ["fieldOrientation", '"FieldOrientation"'],
  ["pressureGPa", "float8"],
  ["pressureDirection", '"PressureDirection"'],
  ["pressureMedium", "text"],
  ["annealStage", "text"],
  ["temperatureK", "float8"],
  ["gateVoltageV", "float8"],
  ["sweepDirection", '"SweepDirection"'],
  ["pointCount", "int4"],
  ["tK", "bytea"],
  ["r", "bytea"],
  ["hOe", "bytea"],
  ["tMinK", "float8"],
  ["tMaxK", "float8"],
  ["rMin", "float8"],
  ["rMax", "float8"],
  ["contentHash", "text"],
  ["segmentReason", "text"],
  ["sourceRows", "jsonb"],
  ["measuredAt", "timestamp(3)"],
  ["readout", '"Readout"'],
] as const;

const COLUMN_LIST = COLUMNS.map(([name]) => `"${name}"`).join(", ");

/**
 * Little-endian float64 bytes of the values: on little-endian machines a view of a Float64Array
 * (no copy; the caller must not change the values afterwards), else an encoded copy.
 */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
export function float64Bytes(values: ArrayLike<number>): Buffer {
  if (LITTLE_ENDIAN) {
    const f = values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
    return Buffer.from(f.buffer, f.byteOffset, f.byteLength);
  }
  const out = Buffer.alloc(values.length * 8);
  for (let i = 0; i < values.length; i++) out.writeDoubleLE(values[i]!, i * 8);
  return out;
}


function rowValues(target: CurveTarget, curve: NewCurve): unknown[] {
  if (curve.T.length !== curve.R.length) throw new Error(`Curve has ${curve.T.length} temperatures but ${curve.R.length} resistances`);
  if (curve.H && curve.H.length !== curve.R.length) throw new Error(`Curve has ${curve.H.length} field values but ${curve.R.length} resistances`);
  const tK = float64Bytes(curve.T);
  const r = float64Bytes(curve.R);
  const hOe = curve.H ? float64Bytes(curve.H) : null;
  const { min: tMin, max: tMax } = valueRange(curve.T);
  const { min: rMin, max: rMax } = valueRange(curve.R);
  return [
    randomUUID(),
    target.labId,
    target.sampleId,
    target.setupId,
    target.uploadId,
    curve.kind,
    curve.quantity,
    curve.channel ?? null,
    curve.label ?? null,
    curve.fieldOe ?? null,
    curve.fieldOrientation ?? "PERPENDICULAR",
    curve.pressureGPa ?? null,
    curve.pressureDirection ?? "UNKNOWN",
    curve.pressureMedium ?? null,
    target.annealStage,
    curve.temperatureK ?? null,
    curve.gateVoltageV ?? null,
    curve.sweepDirection ?? "UNKNOWN",
    curve.T.length,
    tK,
    r,
    hOe,
    tMin,
    tMax,
    rMin,
    rMax,
    curveContentHash(curve, tK, r, hOe),
    curve.segmentReason ?? null,
    curve.sourceRows === undefined ? null : JSON.stringify(curve.sourceRows),
    curve.measuredAt ?? null,
    curve.readout ?? "UNKNOWN",
  ];
}

/**
 * Inserts the curves of one sample on the caller's transaction. A curve whose content is already
 * stored for the sample (same content hash) is skipped. Returns the ids of the new curves, in
 * the order of `curves`.
 */
export async function insertCurveRows(tx: SqlRunner, target: CurveTarget, curves: readonly NewCurve[]): Promise<{ created: string[]; skipped: number }> {
  // Statements are sent without waiting for the previous one (at most IN_FLIGHT at once, which
  // bounds memory), so the next batch is prepared while the server stores the last; the
  // connection runs them in order.
  const sent: { ids: string[]; rows: Promise<{ id: string }[]> }[] = [];
  let i = 0;
  try {
    while (i < curves.length) {
      if (sent.length >= IN_FLIGHT) await sent[sent.length - IN_FLIGHT]!.rows;
      const values: unknown[] = [];
      const tuples: string[] = [];
      let bytes = 0;
      while (i < curves.length && tuples.length < MAX_ROWS && (tuples.length === 0 || bytes < MAX_BYTES)) {
        const curve = curves[i]!;
        const base = values.length;
        values.push(...rowValues(target, curve));
        tuples.push(`(${COLUMNS.map(([, type], k) => `$${base + k + 1}::${type}`).join(", ")})`);
        bytes += curve.R.length * (curve.H ? 24 : 16);
        i++;
      }
      const rows = tx.$queryRawUnsafe<{ id: string }[]>(
        `INSERT INTO "Curve" (${COLUMN_LIST}) VALUES ${tuples.join(", ")} ON CONFLICT ("sampleId", "contentHash") DO NOTHING RETURNING "id"`,
        ...values,
      );
      rows.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      sent.push({ ids: tuples.map((_, k) => values[k * COLUMNS.length] as string), rows });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const created: string[] = [];
    for (const batch of sent) {
      // RETURNING gives no order guarantee: keep the input order, from the ids generated here.
      const returned = new Set((await batch.rows).map((row) => row.id));
      for (const id of batch.ids) if (returned.has(id)) created.push(id);
    }
    return { created, skipped: curves.length - created.length };
  } finally {
    await Promise.allSettled(sent.map((b) => b.rows));
  }
}
