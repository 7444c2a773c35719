/** Levenberg–Marquardt behaviour beyond the NIST certified values: bounds, robust losses, covariance scaling. */
import { describe, expect, it } from "vitest";
import { curveFit } from "../solvers/curve-fit";
import { levenbergMarquardt } from "../solvers/levenberg-marquardt";
import { minimize1D } from "../solvers/minimize-1d";
import { gaussian, rng } from "./helpers";

const line = {
  model: (p: Float64Array, x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < x.length; i++) out[i] = p[0]! + p[1]! * x[i]!;
  },
  jacobian: (_p: Float64Array, x: Float64Array, jac: Float64Array) => {
    for (let i = 0; i < x.length; i++) {
      jac[2 * i] = 1;
      jac[2 * i + 1] = x[i]!;
    }
  },
};

describe("levenbergMarquardt", () => {
  it("respects bounds and reports the active one", () => {
    // minimise (p − 3)² subject to p ≤ 1 → p = 1
    const res = levenbergMarquardt(
      { n: 1, m: 1, residuals: (p, r) => ((r[0] = p[0]! - 3), true), jacobian: (_p, j) => void (j[0] = 1) },
      [0],
      { upper: [1] },
    );
    expect(res.params[0]).toBe(1);
    expect(res.atBound[0]).toBe(1);
    expect(res.converged).toBe(true);
  });
  it("declares a zero-residual fit converged", () => {
    const x = Float64Array.from([0, 1, 2, 3]);
    const y = Float64Array.from([1, 3, 5, 7]);
    const res = curveFit({ x, y, start: [0, 0], ...line });
    expect(res.params[0]).toBeCloseTo(1, 10);
    expect(res.params[1]).toBeCloseTo(2, 10);
    expect(res.converged).toBe(true);
  });
  it("reports an invalid start instead of throwing", () => {
    const res = levenbergMarquardt({ n: 1, m: 1, residuals: () => false, jacobian: () => undefined }, [0]);
    expect(res.converged).toBe(false);
    expect(res.reason).toBe("invalid-start");
  });
});

describe("weights and covariance", () => {
  it("weighted straight line matches the closed-form weighted least squares", () => {
    const x = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const y = Float64Array.from([0.1, 2.2, 3.9, 6.1, 8.3, 9.7, 12.2, 13.8, 16.1, 18.2]);
    const sigma = Float64Array.from([1, 1, 1, 1, 1, 5, 5, 5, 5, 5]);
    const res = curveFit({ x, y, sigma, absoluteSigma: true, start: [0, 1], ...line });
    let sw = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < x.length; i++) {
      const w = 1 / sigma[i]! ** 2;
      sw += w;
      sx += w * x[i]!;
      sy += w * y[i]!;
      sxx += w * x[i]! ** 2;
      sxy += w * x[i]! * y[i]!;
    }
    const det = sw * sxx - sx * sx;
    expect(res.params[1]).toBeCloseTo((sw * sxy - sx * sy) / det, 10);
    expect(res.params[0]).toBeCloseTo((sxx * sy - sx * sxy) / det, 10);
    // absolute σ: var(slope) = Σw/det, no χ² rescaling
    expect(res.stderr[1]).toBeCloseTo(Math.sqrt(sw / det), 10);
  });
  it("unknown σ: uncertainties scale with √(χ²/dof) so that they match the scatter", () => {
    const g = gaussian(rng(3));
    const x = Float64Array.from({ length: 200 }, (_, i) => i / 20);
    const y = x.map((v) => 1 + 2 * v + 0.3 * g());
    const res = curveFit({ x, y, start: [0, 0], ...line });
    const s = Math.sqrt(res.rss / res.dof);
    expect(s).toBeGreaterThan(0.25);
    expect(s).toBeLessThan(0.35);
    // slope σ = s/√Sxx
    const mx = x.reduce((a, b) => a + b, 0) / x.length;
    const sxx = x.reduce((a, b) => a + (b - mx) ** 2, 0);
    expect(res.stderr[1]).toBeCloseTo(s / Math.sqrt(sxx), 8);
  });
});

describe("robust losses (IRLS)", () => {
  const g = gaussian(rng(7));
  const x = Float64Array.from({ length: 100 }, (_, i) => i / 10);
  const y = x.map((v) => 5 - 0.5 * v + 0.05 * g());
  for (const i of [7, 23, 51, 52, 88]) y[i] = y[i]! + 4; // 5 % gross outliers
  it.each(["soft_l1", "huber", "cauchy"] as const)("%s resists 5 %% outliers where plain least squares does not", (loss) => {
    const plain = curveFit({ x, y, start: [0, 0], ...line });
    const robust = curveFit({ x, y, start: [0, 0], loss, ...line });
    expect(Math.abs(plain.params[0]! - 5)).toBeGreaterThan(0.1);
    expect(Math.abs(robust.params[0]! - 5)).toBeLessThan(0.05);
    expect(Math.abs(robust.params[1]! + 0.5)).toBeLessThan(0.01);
    // outliers end with small weights
    expect(robust.robustWeights[51]!).toBeLessThan(0.2);
  });
});

describe("minimize1D", () => {
  it("finds the global minimum of a multimodal function on a grid, then refines it", () => {
    const f = (x: number) => Math.sin(3 * x) + 0.1 * (x - 2) ** 2;
    const m = minimize1D(f, -3, 5, 40, 1e-8);
    // global minimum near x = 1.5662…: check against a dense scan
    let best = 0;
    let fb = Infinity;
    for (let x = -3; x <= 5; x += 1e-5) {
      if (f(x) < fb) {
        fb = f(x);
        best = x;
      }
    }
    expect(m.x).toBeCloseTo(best, 4);
  });
});
