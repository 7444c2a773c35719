/**
 * Fits the engine's confidence calibration and rewrites server/fitting/analysis/calibration-table.ts.
 *
 *   npm run -s calibrate [-- --seed 7 --count 4000 --per-family 300 --sparse 1000 --dry-run]
 *
 * The calibration corpus is the project's own: the labelled SIT corpus (server/synthetic/corpus.ts),
 * other curves of it recorded at 8–24 setpoints (`--sparse` of them, seed + 1: coarse sweeps,
 * whose answers the engine gives as a guess) and the measurement families
 * (server/synthetic/measurement.ts). For each kind of answer
 * (conclusive, inconclusive best guess, no label) the raw probability of the decision tree is
 * mapped to the observed frequency of right answers by isotonic regression (pool-adjacent
 * violators). Inconclusive and no-label answers of one reason code that occur at least
 * MIN_DETAIL times get a map of their own: an incomplete transition's best guess is right at
 * another rate than a weak-evidence one at the same raw score. Raw scores closer than
 * RAW_RESOLUTION are ties. It is checked on another corpus: `npm run -s bench:realworld`.
 */
import { writeFileSync } from "node:fs";
import { analyzeCurve, type CurveAnalysis } from "../server/fitting";
import { calibrationKey } from "../server/fitting/analysis/calibration";
import type { CalibrationKind } from "../server/fitting/analysis/calibration-table";
import { generateCorpus } from "../server/synthetic/corpus";
import { atSetpoints, measuredCorpus } from "../server/synthetic/measurement";
import { createRng } from "../server/synthetic/rng";
import { cliArgs } from "./lib/args";

const args = cliArgs(process.argv.slice(2));
const seed = args.num("seed", 7);
const count = args.num("count", 4000);
const perFamily = args.num("per-family", 300);
const sparse = args.num("sparse", 1000);

type Sample = { raw: number; right: boolean };
const samples: Record<CalibrationKind, Sample[]> = { conclusive: [], inconclusive: [], none: [] };
const detailed = new Map<string, Sample[]>();
/** answers of one detail needed for a map of its own */
const MIN_DETAIL = 200;
const kindOf = (a: CurveAnalysis): CalibrationKind => (a.phase === null ? "none" : a.inconclusive ? "inconclusive" : "conclusive");
const families = new Map<string, { n: number; right: number; answers: Map<string, number> }>();
function record(family: string, a: CurveAnalysis, right: boolean) {
  const kind = kindOf(a);
  samples[kind].push({ raw: a.confidence, right });
  const detail = calibrationKey(kind, a.reasonCode);
  if (detail !== null) {
    const list = detailed.get(detail);
    if (list) list.push({ raw: a.confidence, right });
    else detailed.set(detail, [{ raw: a.confidence, right }]);
  }
  const f = families.get(family) ?? { n: 0, right: 0, answers: new Map() };
  f.n++;
  if (right) f.right++;
  const key = `${a.phase ?? "NONE"}${a.inconclusive ? "?" : ""}${a.reasonCode ? `:${a.reasonCode}` : ""}`;
  f.answers.set(key, (f.answers.get(key) ?? 0) + 1);
  families.set(family, f);
}

for (const c of generateCorpus({ seed, count, hardFraction: 0.3 })) {
  const a = analyzeCurve({ T: c.T, R: c.R }, { rawConfidence: true, allCandidates: false });
  record(`SIT ${c.phase} ${c.difficulty}`, a, a.phase === c.phase);
}
const setpointRng = createRng(seed + 1);
for (const c of generateCorpus({ seed: seed + 1, count: sparse, hardFraction: 0.3 })) {
  const a = analyzeCurve(atSetpoints(c.T, c.R, setpointRng.int(8, 24)), { rawConfidence: true, allCandidates: false });
  record(`setpoints ${c.phase}`, a, a.phase === c.phase);
}
for (const c of measuredCorpus(seed, perFamily)) {
  const a = analyzeCurve({ T: c.T, R: c.R, ...(c.readout ? { readout: c.readout } : {}) }, { rawConfidence: true, allCandidates: false });
  record(c.family, a, c.expected.includes(a.phase ?? "NONE"));
}

/** Width of the groups of raw scores that the isotonic fit orders (scores closer than this are ties). */
const RAW_RESOLUTION = 0.02;

/** Pool-adjacent violators: non-decreasing fit of right (0/1) against raw. */
function isotonic(points: Sample[]): [number, number][] {
  // answers whose raw scores lie within RAW_RESOLUTION of each other form one group: the decision
  // tree's scores are not meaningful to finer than that, and ties cannot be ordered
  const groups = new Map<number, { sumX: number; sumY: number; n: number }>();
  for (const p of points) {
    const key = Math.floor(p.raw / RAW_RESOLUTION);
    const g = groups.get(key) ?? { sumX: 0, sumY: 0, n: 0 };
    g.sumX += p.raw;
    g.sumY += p.right ? 1 : 0;
    g.n++;
    groups.set(key, g);
  }
  const sorted = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  const blocks: { sumX: number; sumY: number; n: number }[] = [];
  for (const g of sorted) {
    blocks.push({ ...g });
    while (blocks.length > 1 && blocks.at(-2)!.sumY / blocks.at(-2)!.n >= blocks.at(-1)!.sumY / blocks.at(-1)!.n) {
      const last = blocks.pop()!;
      const prev = blocks.at(-1)!;
      prev.sumX += last.sumX;
      prev.sumY += last.sumY;
      prev.n += last.n;
    }
  }
  // blocks of fewer than 30 answers are merged with their neighbour (a knot needs support)
  const minBlock = 30;
  const merged: typeof blocks = [];
  for (const b of blocks) {
    const last = merged.at(-1);
    if (last && last.n < minBlock) {
      last.sumX += b.sumX;
      last.sumY += b.sumY;
      last.n += b.n;
    } else merged.push({ ...b });
  }
  return merged.map((b) => [Number((b.sumX / b.n).toFixed(4)), Number((b.sumY / b.n).toFixed(4))]);
}

const table: Record<string, [number, number][]> = Object.fromEntries((Object.keys(samples) as CalibrationKind[]).map((k) => [k, isotonic(samples[k])]));
// (conclusive answers keep one map: their informative tail, raw below 0.95, is too thin per label)
for (const [key, pts] of [...detailed.entries()].sort()) if (pts.length >= MIN_DETAIL) table[key] = isotonic(pts);
for (const [name, f] of [...families.entries()].sort()) {
  const answers = [...f.answers.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ");
  console.log(`${name.padEnd(22)} n ${String(f.n).padStart(5)}  right ${((100 * f.right) / f.n).toFixed(1).padStart(5)} %  ${answers}`);
}
for (const k of Object.keys(table)) console.log(`${k}: ${(samples[k as CalibrationKind] ?? detailed.get(k))!.length} answers, ${table[k]!.length} knots ${JSON.stringify(table[k])}`);
if (!args.flag("dry-run")) {
  const body = Object.keys(table)
    .map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(table[k])},`)
    .join("\n");
  writeFileSync(
    new URL("../server/fitting/analysis/calibration-table.ts", import.meta.url),
    `/** Written by \`npm run -s calibrate\` (seed ${seed}, ${count} SIT curves, ${sparse} at 8–24 setpoints, ${perFamily} per measurement family); do not edit by hand. */\n` +
      `export type CalibrationKind = "conclusive" | "inconclusive" | "none";\n\n` +
      `/** knots [raw, calibrated], ascending in raw: one map per kind, and per kind:label or kind:reasonCode where there were ${MIN_DETAIL} answers or more */\n` +
      `export const CALIBRATION_TABLE: Record<string, readonly (readonly [number, number])[]> = {\n${body}\n};\n`,
  );
  console.log("wrote server/fitting/analysis/calibration-table.ts");
}
