/**
 * The dataset and the queries of the diagram benchmarks (bench/diagram.ts, bench/diagram-browser.ts):
 * 20 labs, 2,000 samples (half public, the rest private or shared with another lab; lineages of 4
 * anneal stages) and 100,000 fitted curves in series along field or pressure (plus 10,000 older
 * fits by a previous engine), seeded with SQL set operations so that the DiagramPoint triggers run
 * as they do in production.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ANONYMOUS, userActor, type Actor } from "../server/domains/access/actor";
import { AXES, type TAxisKey } from "../server/domains/diagrams/axes";
import { DEFAULT_DIAGRAM_QUERY, type TDiagramQuery } from "../server/domains/diagrams/schemas";
import { ensureDatabase, startEmbeddedPostgres } from "../server/platform/embedded-postgres";
import { applyMigrations } from "../server/platform/migrate";
import { mulberry32 } from "../server/testing/mulberry32";

export const LABS = 20;
export const SAMPLES = 2000;
export const CURVES_PER_SAMPLE = 50;
export const MATERIALS = ["a-InO", "In/InOx composite", "a-MoGe", "NbSi", "TiN", "a-Bi", "NbN", "granular Al"];

/** Deterministic random numbers (mulberry32). */
export function rng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const q = (value: string, unc: string) => `jsonb_build_object('value', ${value}, 'uncertainty', ${unc})`;

/** The whole dataset in a few set-based statements. */
export async function seed(client: pg.Client): Promise<void> {
  const step = async (label: string, sql: string) => {
    const t0 = performance.now();
    const r = await client.query(sql);
    console.log(`  ${label}: ${r.rowCount ?? 0} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await step("users", `INSERT INTO "User" (id, email, name, "updatedAt") SELECT 'bu-' || i, 'bench-' || i || '@bench.invalid', 'Bench user ' || i, now() FROM generate_series(1, ${LABS}) i`);
  await step("labs", `INSERT INTO "Lab" (id, slug, name, "updatedAt") SELECT 'bl-' || i, 'bench-lab-' || i, 'Bench lab ' || lpad(i::text, 2, '0'), now() FROM generate_series(1, ${LABS}) i`);
  await step("memberships", `INSERT INTO "Membership" (id, "labId", "userId", role) SELECT 'bm-' || i, 'bl-' || i, 'bu-' || i, 'OWNER' FROM generate_series(1, ${LABS}) i`);
  await step(
    "setups",
    `INSERT INTO "MeasurementSetup" (id, "labId", name, "filteringGrade", "updatedAt")
     SELECT 'bs-' || i || '-' || g, 'bl-' || i, 'Setup ' || g, (ARRAY['GOOD', 'MODERATE', 'POOR', 'UNKNOWN'])[g]::"FilteringGrade", now()
     FROM generate_series(1, ${LABS}) i, generate_series(1, 4) g`,
  );
  const perLab = SAMPLES / LABS;
  await step(
    "samples",
    `INSERT INTO "Sample" (id, "labId", name, material, "lineageRootId", "stageIndex", "annealStage", visibility, "thicknessNm", "updatedAt")
     SELECT 'bsm-' || k, 'bl-' || (1 + (k - 1) / ${perLab}), 'Film ' || k,
       (ARRAY[${MATERIALS.map((m) => `'${m}'`).join(", ")}])[1 + ((k - 1) / 4) % ${MATERIALS.length}],
       'bsm-' || (k - (k - 1) % 4), (k - 1) % 4, 'S' || ((k - 1) % 4),
       (CASE WHEN k % 20 < 10 THEN 'PUBLIC' WHEN k % 20 < 17 THEN 'PRIVATE' ELSE 'SHARED' END)::"Visibility",
       4 + (k % 37), now()
     FROM generate_series(1, ${SAMPLES}) k`,
  );
  await step(
    "shares",
    `INSERT INTO "SampleShare" ("sampleId", "labId")
     SELECT s.id, 'bl-' || (1 + (substring(s."labId" from 4)::int % ${LABS})) FROM "Sample" s WHERE s.visibility = 'SHARED' AND s.id LIKE 'bsm-%'`,
  );
  // One series per sample: along field (even samples) or pressure (odd ones, the last ten
  // steps depressurizing); the phase follows I1 → S → M1 → M2 → I2 with sample-dependent edges.
  await step(
    "curves",
    `INSERT INTO "Curve" (id, "labId", "sampleId", "setupId", kind, quantity, "fieldOe", "pressureGPa", "pressureDirection", "annealStage",
       "pointCount", "tK", r, "tMinK", "tMaxK", "rMin", "rMax", "contentHash", "createdAt")
     SELECT 'bc-' || k || '-' || j, s."labId", s.id, 'bs-' || substring(s."labId" from 4) || '-' || (1 + (k + j / 10) % 4),
       'RT', 'SHEET_RESISTANCE',
       CASE WHEN k % 2 = 0 THEN j * 20.0 ELSE 0 END,
       CASE WHEN k % 2 = 1 THEN (CASE WHEN j < 40 THEN j * 0.4 ELSE (50 - j) * 1.2 END) END,
       (CASE WHEN k % 2 = 0 THEN 'UNKNOWN' WHEN j < 40 THEN 'PRESSURIZING' ELSE 'DEPRESSURIZING' END)::"PressureDirection",
       s."annealStage", 4, '\\x0000000000000000'::bytea, '\\x0000000000000000'::bytea, 0.05, 300, 1, 1e4, 'h-' || k || '-' || j,
       now() - ((k * 7 + j) % 700) * interval '1 day'
     FROM generate_series(1, ${SAMPLES}) k
     JOIN "Sample" s ON s.id = 'bsm-' || k
     CROSS JOIN generate_series(0, ${CURVES_PER_SAMPLE - 1}) j`,
  );
  const phase = `(ARRAY['I1', 'S', 'M1', 'M2', 'I2'])[LEAST(5, GREATEST(1, 1 + floor((j + (k % 7) * 2 - 3) / 10.0)::int))]`;
  const fits = (version: string, isCurrent: boolean, where: string) => `
    INSERT INTO "FitResult" (id, "curveId", "engineVersion", "isCurrent", model, params, uncertainties, phase, confidence, inconclusive,
      reasons, candidates, quantities, diagnostics, "inputHash")
    SELECT 'bf-${version}-' || k || '-' || j, 'bc-' || k || '-' || j, '${version}', ${isCurrent}, 'bench', '{}', '{}', ph::"Phase",
      0.5 + ((k * 13 + j * 7) % 50) / 100.0, ((k + j) % 17 = 0), '[]', '[]',
      jsonb_strip_nulls(jsonb_build_object(
        'Tc90_K', CASE WHEN ph IN ('S', 'M1', 'M2') THEN ${q("0.3 + ((k * 3 + j) % 40) / 10.0", "0.02")} END,
        'rhoQF_ohm', CASE WHEN ph = 'M1' THEN ${q("10 * power(1.2, j % 30)", "5")} END,
        'EaS_K', CASE WHEN ph = 'M1' THEN ${q("1.5 - (j % 10) / 10.0", "0.1")} END,
        'sigmaQF_S', CASE WHEN ph = 'M2' THEN ${q("1e-4 / power(1.3, j % 30)", "1e-6")} END,
        'EaI_K', CASE WHEN ph IN ('M2', 'I1') THEN ${q("0.3 + (j % 10) / 20.0", "0.02")} END,
        'arrheniusT0_K', CASE WHEN ph = 'I1' THEN ${q("1 + k % 5", "0.1")} END,
        'hoppingT0_K', CASE WHEN ph = 'I2' THEN ${q("1 + j % 9", "0.2")} END,
        'hoppingP', CASE WHEN ph IN ('I1', 'I2') THEN ${q("CASE WHEN ph = 'I1' THEN 1 ELSE 0.5 END", "0.05")} END,
        'wlA_S', ${q("1e-5 * (1 + (k + j) % 20)", "1e-7")},
        'ratio350mK300K', ${q("CASE ph WHEN 'S' THEN 0.001 WHEN 'M1' THEN 0.05 WHEN 'M2' THEN 2 ELSE 20 END * (1 + (j % 5) / 10.0)", "0.01")},
        'R300K_ohm', ${q("1000 + (k % 100) * 50 + j * 10", "5")})),
      '{}', 'x'
    FROM generate_series(1, ${SAMPLES}) k CROSS JOIN generate_series(0, ${CURVES_PER_SAMPLE - 1}) j
    CROSS JOIN LATERAL (SELECT ${phase} AS ph) p
    WHERE ${where}`;
  await step("older fits (engine 0.0.9, not current)", fits("0.0.9", false, "(k + j) % 10 = 0"));
  await step("current fits (engine 0.1.0) and their diagram points", fits("0.1.0", true, "TRUE"));
  await client.query("ANALYZE");
  const size = await client.query(`SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('"DiagramPoint"')) AS size FROM "DiagramPoint"`);
  console.log(`  DiagramPoint: ${size.rows[0].n} rows, ${size.rows[0].size}`);
}

const AXIS_PAIRS: [TAxisKey, TAxisKey][] = [
  ["P", "sample"],
  ["H", "sample"],
  ["P", "Tc90"],
  ["H", "Rsat"],
  ["H", "Ea"],
  ["P", "ratio350"],
  ["R300", "Tc90"],
  ["stage", "sample"],
  ["thickness", "hopT0"],
  ["P", "wlA"],
  ["H", "rhoQF"],
  ["Tc90", "ratio350"],
];

export function variedQueries(n: number, labIds: string[], sampleIds: string[]): { actor: Actor; query: TDiagramQuery }[] {
  const r = rng(42);
  const out: { actor: Actor; query: TDiagramQuery }[] = [];
  for (let i = 0; i < n; i++) {
    const [x, y] = r.pick(AXIS_PAIRS);
    const query: TDiagramQuery = {
      ...DEFAULT_DIAGRAM_QUERY,
      x,
      y,
      xScale: AXES[x].defaultScale,
      yScale: AXES[y].defaultScale,
      colorBy: r.pick(["phase", "phase", "lab", "material", "sample"] as const),
      facetBy: r.pick(["none", "none", "none", "lab", "material"] as const),
    };
    if (r.chance(0.3)) query.labIds = Array.from({ length: r.int(1, 3) }, () => r.pick(labIds));
    if (r.chance(0.3)) query.materials = Array.from({ length: r.int(1, 2) }, () => r.pick(MATERIALS));
    if (r.chance(0.15)) query.sampleIds = Array.from({ length: r.int(1, 8) }, () => r.pick(sampleIds));
    if (r.chance(0.2)) query.minConfidence = r.pick([0.6, 0.7, 0.8, 0.9]);
    if (r.chance(0.2)) query.wellFilteredOnly = true;
    if (r.chance(0.1)) query.grades = [r.pick(["GOOD", "MODERATE", "POOR", "UNKNOWN"] as const)];
    if (r.chance(0.15)) query.hidePhases = [r.pick(["S", "M1", "M2", "I1", "I2", "inconclusive"] as const)];
    if (r.chance(0.1)) query.uploadedFrom = "2026-01-01";
    if (r.chance(0.05)) query.engine = "0.0.9";
    const actor = r.chance(0.3) ? ANONYMOUS : userActor(`bu-${r.int(1, LABS)}`);
    out.push({ actor, query });
  }
  return out;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

export function stats(ms: number[]): { p50: number; p95: number; max: number; mean: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export const labIds = Array.from({ length: LABS }, (_, i) => `bl-${i + 1}`);
export const sampleIds = Array.from({ length: SAMPLES }, (_, i) => `bsm-${i + 1}`);

export interface BenchDatabase {
  /** the seeded database */
  url: string;
  /** the maintenance database of the same server */
  adminUrl: string;
  /** drops the database unless `keep`, and stops the embedded server when one was started */
  close: (options?: { keep?: boolean }) => Promise<void>;
}

/**
 * Starts an embedded PostgreSQL under `.data/bench-diagram` (or uses BENCH_DATABASE_URL) and makes
 * the database `name` with every migration and the benchmark's dataset. With `reuse`, a database
 * left by an earlier run (`--keep`) that already holds the whole dataset is used as it is.
 */
export async function prepareBenchDatabase(name: string, options: { reuse?: boolean } = {}): Promise<BenchDatabase> {
  const root = path.resolve(import.meta.dirname, "..");
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let stop = async () => undefined as void;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(root, ".data/bench-diagram"), port: Number(process.env.BENCH_PG_PORT ?? 54389), database: "postgres" });
    adminUrl = server.adminUrl;
    stop = server.stop;
  }
  const url = adminUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const close = async (o: { keep?: boolean } = {}) => {
    if (!o.keep) {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    }
    await stop();
  };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (options.reuse) {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (exists.rowCount) {
      const probe = new pg.Client({ connectionString: url });
      await probe.connect();
      const n = await probe.query(`SELECT count(*)::int AS n FROM "DiagramPoint" WHERE "fitResultId" LIKE 'bf-%'`).catch(() => ({ rows: [{ n: 0 }] }));
      await probe.end();
      if (n.rows[0].n === SAMPLES * CURVES_PER_SAMPLE + (SAMPLES * CURVES_PER_SAMPLE) / 10) {
        await admin.end();
        await applyMigrations(url);
        console.log(`reusing the seeded database ${name}\n`);
        return { url, adminUrl, close };
      }
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(adminUrl, name);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  console.log(`seeding ${LABS} labs, ${SAMPLES} samples, ${SAMPLES * CURVES_PER_SAMPLE} fitted curves…`);
  const t0 = performance.now();
  await seed(client);
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  await client.end();
  return { url, adminUrl, close };
}
