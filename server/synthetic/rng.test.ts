import { describe, expect, it } from "vitest";
import { createRng, mixSeeds } from "./rng";

describe("createRng", () => {
  it("is deterministic for a given seed and differs between seeds", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 50 }, () => a.next());
    const xb = Array.from({ length: 50 }, () => b.next());
    const xc = Array.from({ length: 50 }, () => c.next());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it("distinguishes large and fractional seeds", () => {
    const first = (s: number) => createRng(s).next();
    expect(first(1)).not.toBe(first(2 ** 40 + 1));
    expect(first(1)).not.toBe(first(1.5));
  });

  it("next() stays in [0, 1) with mean ≈ 1/2", () => {
    const r = createRng(7);
    let sum = 0;
    let outside = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    // standard error of the mean is 1/sqrt(12 n) ≈ 0.002
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
  });

  it("normal() has mean ≈ 0 and variance ≈ 1", () => {
    const r = createRng(11);
    const n = 40000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    const variance = s2 / n - mean * mean;
    expect(Math.abs(mean)).toBeLessThan(0.02); // se 0.005
    expect(Math.abs(variance - 1)).toBeLessThan(0.03); // se ≈ 0.007
  });

  it("uniform, logUniform, int and pick respect their bounds", () => {
    const r = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const u = r.uniform(-2, 5);
      expect(u).toBeGreaterThanOrEqual(-2);
      expect(u).toBeLessThan(5);
      const l = r.logUniform(0.02, 300);
      expect(l).toBeGreaterThanOrEqual(0.02);
      expect(l).toBeLessThan(300);
      const k = r.int(3, 6);
      expect(Number.isInteger(k)).toBe(true);
      seen.add(k);
      expect(["a", "b"]).toContain(r.pick(["a", "b"]));
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("logUniform is uniform in the logarithm", () => {
    const r = createRng(5);
    let below = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) if (r.logUniform(0.01, 100) < 1) below++;
    expect(Math.abs(below / n - 0.5)).toBeLessThan(0.02);
  });

  it("mixSeeds is order sensitive", () => {
    expect(mixSeeds(1, 2)).not.toBe(mixSeeds(2, 1));
    expect(mixSeeds(1, 2)).toBe(mixSeeds(1, 2));
  });
});
