/**
 * Finished diagrams, kept for the next viewer who asks for the same view in the same state of the
 * database. Never stale and never shared across visibility:
 *
 * - the key holds the query, the labs whose private and shared samples the viewer may read (the
 *   only part of the scope a diagram depends on), and the database snapshot the view is asked
 *   in (`pg_current_snapshot()`: which transactions are committed). Any commit anywhere (a new fit,
 *   an override, a sample made public, a share, a renamed lab) gives every later request another
 *   snapshot, so an entry built before it is never served after it;
 * - requests for the same key while one is being built wait for it instead of building it again
 *   (twenty readers opening the same view cost one build).
 *
 * One cache per database client; bounded in entries and in points held.
 */
import { sqlPool, type Db } from "~/server/db";
import type { AccessScope } from "~/server/domains/access/service";
import { memberLabIds } from "~/server/domains/access/service";
import type { TDiagramDto, TDiagramQuery } from "./schemas";

const MAX_ENTRIES = 64;
/** points and cells held over all entries (a 4,000-point diagram is about 3 MB in memory) */
const MAX_ITEMS = 120_000;

interface Cache {
  entries: Map<string, { dto: TDiagramDto; items: number }>;
  items: number;
  building: Map<string, Promise<TDiagramDto>>;
}

const caches = new WeakMap<Db, Cache>();
let enabled = process.env.DIAGRAM_CACHE !== "off";

/** Turns the cache on or off for this process (benchmarks measure the uncached path too). */
export function setDiagramCache(on: boolean): void {
  enabled = on;
}

async function currentSnapshot(db: Db): Promise<string> {
  const pool = sqlPool(db);
  if (pool) return ((await pool.query<{ s: string }>("SELECT pg_current_snapshot()::text AS s")).rows[0]?.s ?? "").toString();
  const rows = await db.$queryRawUnsafe<{ s: string }[]>("SELECT pg_current_snapshot()::text AS s");
  return rows[0]?.s ?? "";
}

/** The key of a view for a scope in a snapshot. */
export function diagramCacheKey(snapshot: string, scope: AccessScope, query: TDiagramQuery): string {
  const labs = [...memberLabIds(scope)].sort();
  return `${snapshot}\u0000${labs.join(",")}\u0000${JSON.stringify(query)}`;
}

/**
 * The diagram of `query` for `scope`: from the cache when this state of the database built it
 * already. `snapshot`: the database snapshot the request is served in, when the caller has just
 * taken one (the pull of the in-memory table); else it is asked for.
 */
export async function cachedDiagram(db: Db, scope: AccessScope, query: TDiagramQuery, build: () => Promise<TDiagramDto>, snapshot?: string): Promise<TDiagramDto> {
  if (!enabled) return build();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), items: 0, building: new Map() }));
  const key = diagramCacheKey(snapshot ?? (await currentSnapshot(db)), scope, query);
  const hit = cache.entries.get(key);
  if (hit) {
    // most recently used last
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit.dto;
  }
  const pending = cache.building.get(key);
  if (pending) return pending;
  const promise = build();
  cache.building.set(key, promise);
  try {
    const dto = await promise;
    const items = dto.points.length + dto.bins.length;
    if (items <= MAX_ITEMS / 4) {
      cache.entries.set(key, { dto, items });
      cache.items += items;
      for (const [oldKey, old] of cache.entries) {
        if (cache.entries.size <= MAX_ENTRIES && cache.items <= MAX_ITEMS) break;
        cache.entries.delete(oldKey);
        cache.items -= old.items;
      }
    }
    return dto;
  } finally {
    cache.building.delete(key);
  }
}
