/**
 * Accuracy, calibration and parameter-recovery report of the classification
 * engine on the seeded synthetic corpus.
 *
 *   npx tsx scripts/fit-report.ts --seed 7 --count 2000 [--hard-fraction 0.3] [--mean-points 300] [--families] [--json]
 *
 * Prints confusion matrices (clear and hard), per-class accuracy, the
 * inconclusive rate (accuracy counted both ways: best guess, and strict where
 * an inconclusive result counts as wrong), the calibration of the confidence
 * and the recovery of generating parameters (fraction within 3σ).
 */
import { analyzeCurve } from "../server/fitting";
import type { CurveAnalysis, Phase } from "../server/fitting";
import { generateCorpus } from "../server/synthetic";
import type { LabelledCurve } from "../server/synthetic";
import { PHASES } from "../server/fitting/types";
import { cliArgs } from "./lib/args";

interface Args {
  seed: number;
  count: number;
  hardFraction: number;
  meanPoints: number;
  families: boolean;
  json: boolean;
  worst: number;
}

function parseArgs(argv: string[]): Args {
  const { num } = cliArgs(argv);

  return {
    seed: num("seed", 7),
    count: num("count", 1000),
    hardFraction: num("hard-fraction", 0.3),
    meanPoints: num("mean-points", 300),
    families: argv.includes("--families"),
    json: argv.includes("--json"),
    worst: num("worst", 0),
  };
}

type Answer = Phase | "NONE";
const ANSWERS: readonly Answer[] = [...PHASES, "NONE"];
type Matrix = Record<Phase, Record<Answer, number>>;
const emptyMatrix = (): Matrix =>
  Object.fromEntries(PHASES.map((t) => [t, Object.fromEntries(ANSWERS.map((p) => [p, 0]))])) as Matrix;

interface Tally {
  n: number;
  correct: number;
  strictCorrect: number;
  inconclusive: number;
  matrix: Matrix;
}
const emptyTally = (): Tally => ({ n: 0, correct: 0, strictCorrect: 0, inconclusive: 0, matrix: emptyMatrix() });

function add(t: Tally, truth: Phase, a: CurveAnalysis): void {
  t.n++;
  t.matrix[truth][a.phase ?? "NONE"]++;
  if (a.phase === truth) t.correct++;
  if (a.phase === truth && !a.inconclusive) t.strictCorrect++;
  if (a.inconclusive) t.inconclusive++;
}

interface Recovery {
  n: number;
  within3: number;
  pulls: number[];
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "  - ");

function printMatrix(title: string, t: Tally): void {
  console.log(`\n${title}: n = ${t.n}, accuracy ${pct(t.correct, t.n)} % (strict ${pct(t.strictCorrect, t.n)} %), inconclusive ${pct(t.inconclusive, t.n)} %`);
  console.log(`  truth\\label ${ANSWERS.map((p) => p.padStart(6)).join("")}   accuracy`);
  for (const truth of PHASES) {
    const row = t.matrix[truth];
    const total = ANSWERS.reduce((s, p) => s + row[p], 0);
    console.log(`  ${truth.padEnd(11)} ${ANSWERS.map((p) => String(row[p]).padStart(6)).join("")}   ${pct(row[truth], total)} %`);
  }
}

/** Parameter recovery: which analysis quantity corresponds to which truth parameter, when the law makes it exact. */
function recoveryChecks(c: LabelledCurve, a: CurveAnalysis): { key: string; fitted: number; sigma: number; truth: number }[] {
  const out: { key: string; fitted: number; sigma: number; truth: number }[] = [];
  const tp = c.truth.params;
  const spec = c.truth.spec as unknown as Record<string, unknown>;
  const q = a.quantities;
  const push = (key: string, est: { value: number; uncertainty: number | null } | undefined, truth: number | undefined) => {
    if (!est || est.uncertainty === null || truth === undefined || !Number.isFinite(truth)) return;
    out.push({ key, fitted: est.value, sigma: est.uncertainty, truth });
  };
  if (c.phase === "M1" && a.phase === "M1") push("M1 rhoQF", q.rhoQF_ohm, tp.rhoQF);
  if (c.phase === "M2" && a.phase === "M2" && !spec.highT && !spec.dip) {
    push("M2 sigmaQF", q.sigmaQF_S, tp.sigmaQF);
    push("M2 EaI", q.EaI_K, tp.EaI);
  }
  const pre = spec.prefactor as { kind?: string } | undefined;
  if ((c.phase === "I1" || c.phase === "I2") && pre?.kind === "flat" && !spec.dip) {
    if (c.truth.law === "arrhenius") push("I1 T0 (Arrhenius)", q.arrheniusT0_K, tp.T0);
    if (c.truth.law === "efros-shklovskii" || c.truth.law === "mott-2d" || c.truth.law === "hopping") {
      push("I2/I1 p (free)", q.hoppingP, tp.p);
      push("I2/I1 T0 (free p)", q.hoppingT0_K, tp.T0);
    }
  }
  return out;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const all = { clear: emptyTally(), hard: emptyTally() };
  const families = new Map<string, Tally>();
  const calib = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, correct: 0 }));
  const recovery = new Map<string, Recovery>();
  const worst: { id: string; family: string; truth: Phase; label: Answer; conf: number; reason: string }[] = [];
  let i = 0;
  for (const c of generateCorpus({ seed: args.seed, count: args.count, hardFraction: args.hardFraction, meanPoints: args.meanPoints })) {
    const a = analyzeCurve({ T: c.T, R: c.R });
    add(all[c.difficulty], c.phase, a);
    const fam = `${c.phase} ${c.truth.family}`;
    if (!families.has(fam)) families.set(fam, emptyTally());
    add(families.get(fam)!, c.phase, a);
    const b = Math.min(9, Math.floor(a.confidence * 10));
    calib[b]!.n++;
    calib[b]!.conf += a.confidence;
    if (a.phase === c.phase) calib[b]!.correct++;
    else worst.push({ id: c.id, family: c.truth.family, truth: c.phase, label: a.phase ?? "NONE", conf: a.confidence, reason: a.reasons[0] ?? "" });
    for (const r of recoveryChecks(c, a)) {
      if (!recovery.has(r.key)) recovery.set(r.key, { n: 0, within3: 0, pulls: [] });
      const rec = recovery.get(r.key)!;
      rec.n++;
      const pull = (r.fitted - r.truth) / r.sigma;
      if (Math.abs(pull) <= 3) rec.within3++;
      rec.pulls.push(pull);
    }
    i++;
  }
  if (args.json) {
    console.log(JSON.stringify({ clear: all.clear, hard: all.hard, calibration: calib }, null, 1));
    return;
  }
  console.log(`corpus seed ${args.seed}, ${i} curves, hard fraction ${args.hardFraction}, mean points ${args.meanPoints}`);
  printMatrix("CLEAR", all.clear);
  printMatrix("HARD", all.hard);
  const tot = all.clear.n + all.hard.n;
  console.log(
    `\nALL: accuracy ${pct(all.clear.correct + all.hard.correct, tot)} % (best guess), ${pct(all.clear.strictCorrect + all.hard.strictCorrect, tot)} % (inconclusive counted wrong); inconclusive ${pct(all.clear.inconclusive + all.hard.inconclusive, tot)} %`,
  );
  console.log("\nCALIBRATION (confidence bin → observed accuracy)");
  let ece = 0;
  for (let b = 0; b < 10; b++) {
    const c = calib[b]!;
    if (!c.n) continue;
    const mc = c.conf / c.n;
    const acc = c.correct / c.n;
    ece += (c.n / tot) * Math.abs(mc - acc);
    console.log(`  [${(b / 10).toFixed(1)}, ${((b + 1) / 10).toFixed(1)})  n = ${String(c.n).padStart(6)}  mean confidence ${mc.toFixed(3)}  accuracy ${acc.toFixed(3)}`);
  }
  console.log(`  expected calibration error ${ece.toFixed(3)}`);
  console.log("\nPARAMETER RECOVERY (fitted vs generating value, pull = (fit − truth)/σ)");
  for (const [k, r] of [...recovery.entries()].sort()) {
    const sorted = r.pulls.map(Math.abs).sort((x, y) => x - y);
    const med = sorted[sorted.length >> 1] ?? NaN;
    console.log(`  ${k.padEnd(22)} n = ${String(r.n).padStart(5)}  within 3σ ${pct(r.within3, r.n)} %  median |pull| ${med.toFixed(2)}`);
  }
  if (args.families) {
    console.log("\nPER FAMILY (phase family: accuracy, n)");
    for (const [k, t] of [...families.entries()].sort()) {
      const wrong = ANSWERS.filter((p) => p !== (k.split(" ")[0] as Phase) && t.matrix[k.split(" ")[0] as Phase][p] > 0)
        .map((p) => `${p}:${t.matrix[k.split(" ")[0] as Phase][p]}`)
        .join(" ");
      console.log(`  ${k.padEnd(36)} ${pct(t.correct, t.n).padStart(6)} %  n = ${String(t.n).padStart(5)}  ${wrong}`);
    }
  }
  if (args.worst > 0) {
    console.log("\nMISCLASSIFIED (highest confidence first)");
    for (const w of worst.sort((a, b) => b.conf - a.conf).slice(0, args.worst)) {
      console.log(`  ${w.id} ${w.truth}→${w.label} conf ${w.conf.toFixed(2)} [${w.family}] ${w.reason}`);
    }
  }
}

main();
