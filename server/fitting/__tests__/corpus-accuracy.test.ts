/**
 * Accuracy targets on a fixed-seed slice of the shared synthetic corpus
 * (server/synthetic): ≥ 98 % on clear curves with no class below 95 %, and
 * ≥ 85 % on hard curves. A regression of the classifier fails here.
 */
import { describe, expect, it } from "vitest";
import { generateCorpus } from "~/server/synthetic";
import { analyzeCurve } from "../analysis/analyze-curve";
import type { Phase } from "../types";

describe("accuracy on the labelled synthetic corpus (seed 424242, 400 curves, 30 % hard)", () => {
  const tally = {
    clear: { n: 0, ok: 0, byClass: new Map<Phase, { n: number; ok: number }>() },
    hard: { n: 0, ok: 0, byClass: new Map<Phase, { n: number; ok: number }>() },
  };
  let confRight = 0;
  let nRight = 0;
  let confWrong = 0;
  let nWrong = 0;
  for (const c of generateCorpus({ seed: 424242, count: 400, hardFraction: 0.3, meanPoints: 250 })) {
    const a = analyzeCurve({ T: c.T, R: c.R });
    const t = tally[c.difficulty];
    const ok = a.phase === c.phase;
    t.n++;
    if (ok) t.ok++;
    const cls = t.byClass.get(c.phase) ?? { n: 0, ok: 0 };
    cls.n++;
    if (ok) cls.ok++;
    t.byClass.set(c.phase, cls);
    if (ok) {
      confRight += a.confidence;
      nRight++;
    } else {
      confWrong += a.confidence;
      nWrong++;
    }
  }
  it("clear curves: ≥ 98 % overall, every class ≥ 95 %", () => {
    expect(tally.clear.n).toBe(280);
    expect(tally.clear.ok / tally.clear.n).toBeGreaterThanOrEqual(0.98);
    for (const [phase, c] of tally.clear.byClass) expect(c.ok / c.n, `clear ${phase}`).toBeGreaterThanOrEqual(0.95);
  });
  it("hard curves: ≥ 85 %", () => {
    expect(tally.hard.n).toBe(120);
    expect(tally.hard.ok / tally.hard.n).toBeGreaterThanOrEqual(0.85);
  });
  it("confidence is higher on right labels than on wrong ones", () => {
    expect(nRight).toBeGreaterThan(0);
    if (nWrong > 0) expect(confWrong / nWrong).toBeLessThan(confRight / nRight);
  });
});
