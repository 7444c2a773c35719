/**
 * Validation of the least-squares core against NIST StRD nonlinear regression
 * reference datasets (public domain, https://www.itl.nist.gov/div898/strd/nls/).
 * Certified parameter values and standard deviations are embedded below.
 */
import { describe, expect, it } from "vitest";
import { curveFit } from "../solvers/curve-fit";

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

// Misra1a (lower difficulty): y = b1·(1 − exp(−b2·x))
const misra1a = {
  x: [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0],
  y: [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.4, 75.47, 81.78],
  starts: [
    [500, 1e-4],
    [250, 5e-4],
  ],
  cert: [2.3894212918e2, 5.5015643181e-4],
  sd: [2.7070075241, 7.2668688436e-6],
  rss: 1.2455138894e-1,
};

// Thurber (higher difficulty): rational, 7 parameters
const thurber = {
  x: [
    -3.067, -2.981, -2.921, -2.912, -2.84, -2.797, -2.702, -2.699, -2.633, -2.481, -2.363, -2.322, -1.501, -1.46, -1.274,
    -1.212, -1.1, -1.046, -0.915, -0.714, -0.566, -0.545, -0.4, -0.309, -0.109, -0.103, 0.01, 0.119, 0.377, 0.79, 0.963,
    1.006, 1.115, 1.572, 1.841, 2.047, 2.2,
  ],
  y: [
    80.574, 84.248, 87.264, 87.195, 89.076, 89.608, 89.868, 90.101, 92.405, 95.854, 100.696, 101.06, 401.672, 390.724,
    567.534, 635.316, 733.054, 759.087, 894.206, 990.785, 1090.109, 1080.914, 1122.643, 1178.351, 1260.531, 1273.514,
    1288.339, 1327.543, 1353.863, 1414.509, 1425.208, 1421.384, 1442.962, 1464.35, 1468.705, 1447.894, 1457.628,
  ],
  starts: [
    [1000, 1000, 400, 40, 0.7, 0.3, 0.03],
    [1300, 1500, 500, 75, 1, 0.4, 0.05],
  ],
  cert: [
    1.28813968e3, 1.4910792535e3, 5.8323836877e2, 7.5416644291e1, 9.6629502864e-1, 3.9797285797e-1, 4.9727297349e-2,
  ],
  sd: [
    4.6647963344, 3.9571156086e1, 2.8698696102e1, 5.567537027, 3.1333340687e-2, 1.4984928198e-2, 6.5842344623e-3,
  ],
  rss: 5.6427082397e3,
};

// Eckerle4 (higher difficulty): y = (b1/b2)·exp(−½((x − b3)/b2)²)
const eckerle4 = {
  x: [
    400, 405, 410, 415, 420, 425, 430, 435, 436.5, 438, 439.5, 441, 442.5, 444, 445.5, 447, 448.5, 450, 451.5, 453, 454.5,
    456, 457.5, 459, 460.5, 462, 463.5, 465, 470, 475, 480, 485, 490, 495, 500,
  ],
  y: [
    1.575e-4, 1.699e-4, 2.35e-4, 3.102e-4, 4.917e-4, 8.71e-4, 1.7418e-3, 4.64e-3, 6.5895e-3, 9.7302e-3, 1.49002e-2,
    2.3731e-2, 4.01683e-2, 7.12559e-2, 1.264458e-1, 2.073413e-1, 2.902366e-1, 3.445623e-1, 3.698049e-1, 3.668534e-1,
    3.106727e-1, 2.078154e-1, 1.164354e-1, 6.16764e-2, 3.372e-2, 1.94023e-2, 1.17831e-2, 7.4357e-3, 2.2732e-3, 8.8e-4,
    4.579e-4, 2.345e-4, 1.586e-4, 1.143e-4, 7.1e-5,
  ],
  starts: [
    [1, 10, 500],
    [1.5, 5, 450],
  ],
  cert: [1.5543827178, 4.0888321754, 4.5154121844e2],
  sd: [1.5408051163e-2, 4.6803020753e-2, 4.6800518816e-2],
  rss: 1.4635887487e-3,
};

describe("NIST StRD nonlinear regression", () => {
  for (const [si, start] of misra1a.starts.entries()) {
    it(`Misra1a from start ${si + 1}`, () => {
      const res = curveFit({
        x: misra1a.x,
        y: misra1a.y,
        start,
        model: (p, x, out) => {
          for (let i = 0; i < x.length; i++) out[i] = p[0]! * (1 - Math.exp(-p[1]! * x[i]!));
        },
        jacobian: (p, x, jac) => {
          for (let i = 0; i < x.length; i++) {
            const e = Math.exp(-p[1]! * x[i]!);
            jac[i * 2] = 1 - e;
            jac[i * 2 + 1] = p[0]! * x[i]! * e;
          }
        },
      });
      expect(res.converged).toBe(true);
      for (let j = 0; j < 2; j++) {
        expect(relErr(res.params[j]!, misra1a.cert[j]!)).toBeLessThan(1e-6);
        expect(relErr(res.stderr[j]!, misra1a.sd[j]!)).toBeLessThan(1e-4);
      }
      expect(relErr(res.rss, misra1a.rss)).toBeLessThan(1e-8);
    });
  }

  for (const [si, start] of thurber.starts.entries()) {
    it(`Thurber from start ${si + 1}`, () => {
      const res = curveFit({
        x: thurber.x,
        y: thurber.y,
        start,
        lm: { maxIterations: 1000 },
        model: (b, x, out) => {
          for (let i = 0; i < x.length; i++) {
            const t = x[i]!;
            out[i] = (b[0]! + t * (b[1]! + t * (b[2]! + t * b[3]!))) / (1 + t * (b[4]! + t * (b[5]! + t * b[6]!)));
          }
        },
        jacobian: (b, x, jac) => {
          for (let i = 0; i < x.length; i++) {
            const t = x[i]!;
            const num = b[0]! + t * (b[1]! + t * (b[2]! + t * b[3]!));
            const den = 1 + t * (b[4]! + t * (b[5]! + t * b[6]!));
            const f = num / den;
            jac[i * 7] = 1 / den;
            jac[i * 7 + 1] = t / den;
            jac[i * 7 + 2] = (t * t) / den;
            jac[i * 7 + 3] = (t * t * t) / den;
            jac[i * 7 + 4] = (-f * t) / den;
            jac[i * 7 + 5] = (-f * t * t) / den;
            jac[i * 7 + 6] = (-f * t * t * t) / den;
          }
        },
      });
      expect(res.converged).toBe(true);
      for (let j = 0; j < 7; j++) {
        expect(relErr(res.params[j]!, thurber.cert[j]!)).toBeLessThan(1e-5);
        expect(relErr(res.stderr[j]!, thurber.sd[j]!)).toBeLessThan(1e-3);
      }
      expect(relErr(res.rss, thurber.rss)).toBeLessThan(1e-7);
    });
  }

  for (const [si, start] of eckerle4.starts.entries()) {
    it(`Eckerle4 from start ${si + 1}`, () => {
      const res = curveFit({
        x: eckerle4.x,
        y: eckerle4.y,
        start,
        model: (b, x, out) => {
          for (let i = 0; i < x.length; i++) {
            const u = (x[i]! - b[2]!) / b[1]!;
            out[i] = (b[0]! / b[1]!) * Math.exp(-0.5 * u * u);
          }
        },
        jacobian: (b, x, jac) => {
          for (let i = 0; i < x.length; i++) {
            const u = (x[i]! - b[2]!) / b[1]!;
            const e = Math.exp(-0.5 * u * u);
            const f = (b[0]! / b[1]!) * e;
            jac[i * 3] = e / b[1]!;
            jac[i * 3 + 1] = (-f / b[1]!) * (1 - u * u);
            jac[i * 3 + 2] = (f * u) / b[1]!;
          }
        },
      });
      expect(res.converged).toBe(true);
      for (let j = 0; j < 3; j++) {
        expect(relErr(res.params[j]!, eckerle4.cert[j]!)).toBeLessThan(1e-6);
        expect(relErr(res.stderr[j]!, eckerle4.sd[j]!)).toBeLessThan(1e-4);
      }
      expect(relErr(res.rss, eckerle4.rss)).toBeLessThan(1e-7);
    });
  }
});
