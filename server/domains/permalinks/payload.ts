/**
 * The frozen content of a permalink, stored in `Permalink.payload`: the points column by column
 * (about half the size of an array of objects), the names of their labs, samples and setups at
 * the time of sharing, and the counts the live view showed. Pure: no database.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { TBasePoint } from "~/server/domains/diagrams/geometry";
import { ZProvenance, type TDiagramQuery, type TProvenance } from "~/server/domains/diagrams/schemas";

export const PAYLOAD_VERSION = 1;

/** Fields of a stored point, in column order. */
export const POINT_COLUMNS = [
  "fitId",
  "curveId",
  "sampleId",
  "labId",
  "setupId",
  "uploadId",
  "x",
  "y",
  "xErr",
  "yErr",
  "phase",
  "autoPhase",
  "isOverride",
  "inconclusive",
  "confidence",
  "engineVersion",
  "fieldOe",
  "pressureGPa",
  "pressureDirection",
  "gateVoltageV",
  "grade",
  "isArtifact",
  "uploadedAt",
] as const satisfies readonly (keyof TBasePoint)[];

type Columns = { [K in (typeof POINT_COLUMNS)[number]]: TBasePoint[K][] };

export const ZSnapshotPayload = z.object({
  version: z.literal(PAYLOAD_VERSION),
  count: z.number().int().min(0),
  columns: z.record(z.string(), z.array(z.unknown())),
  provenance: ZProvenance,
  /** curves of the live view that had no value on the axes, and what the filtering switch removed */
  missing: z.number().int().min(0),
  removedBySwitch: z.number().int().min(0),
});
export type TSnapshotPayload = z.infer<typeof ZSnapshotPayload>;

export function packPoints(points: readonly TBasePoint[], provenance: TProvenance, counts: { missing: number; removedBySwitch: number }): TSnapshotPayload {
  const columns = {} as Record<string, unknown[]>;
  for (const key of POINT_COLUMNS) columns[key] = points.map((p) => p[key]);
  // what each curve stores (the unit of its resistances); snapshots made before have no such column
  if (points.some((p) => p.quantity)) columns.quantity = points.map((p) => p.quantity ?? null);
  return { version: PAYLOAD_VERSION, count: points.length, columns, provenance, ...counts };
}

export function unpackPoints(payload: TSnapshotPayload): TBasePoint[] {
  const columns = payload.columns as unknown as Columns;
  for (const key of POINT_COLUMNS) {
    if (!Array.isArray(columns[key]) || columns[key].length !== payload.count) throw new Error(`The snapshot's column ${key} is missing or has the wrong length`);
  }
  const out: TBasePoint[] = new Array(payload.count);
  for (let i = 0; i < payload.count; i++) {
    const point = {} as Record<string, unknown>;
    for (const key of POINT_COLUMNS) point[key] = columns[key][i];
    const quantity = payload.columns.quantity?.[i];
    if (quantity === "SHEET_RESISTANCE" || quantity === "RESISTANCE" || quantity === "RESISTIVITY") point.quantity = quantity;
    out[i] = point as TBasePoint;
  }
  return out;
}

/**
 * SHA-256 of what a snapshot shows: the view and query, and for every point (in fit-id order)
 * its fit, curve, position, label and engine version. Provenance names are not part of it.
 */
export function snapshotHash(view: string, query: TDiagramQuery, points: readonly TBasePoint[]): string {
  const rows = [...points]
    .sort((a, b) => (a.fitId < b.fitId ? -1 : a.fitId > b.fitId ? 1 : 0))
    .map((p) => [p.fitId, p.curveId, p.x, p.y, p.phase, p.inconclusive, p.engineVersion]);
  const canonical = JSON.stringify({ view, query: sortKeys(query), points: rows });
  return createHash("sha256").update(canonical).digest("hex");
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]));
}
