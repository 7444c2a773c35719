/**
 * Measurement noise applied to a noiseless curve.
 *
 *   R_i = R(T_i·(1 + j·ξ_i))·(1 + r·ν_i + d_i) + F·η_i   (+ occasional spikes)
 *
 * ξ, ν, η are independent standard normals; j is the relative thermometer
 * jitter, r the relative (multiplicative) noise, d_i an optional AR(1) drift
 * (d_i = φ·d_{i−1} + a·√(1−φ²)·ζ_i, stationary standard deviation a), F the
 * additive instrument floor in ohm. Near R = 0 the floor dominates, so a
 * superconductor reads values scattered around zero, including negative ones,
 * as a lock-in amplifier does. Spikes replace a fraction of the points by
 * R_i ± k·σ_i with k log-uniform in [kmin, kmax] and σ_i = √((r·R)² + F²).
 */
import type { Rng } from "./rng";
import type { TNoiseSpec } from "./types";

/** Adds noise in place order; returns a new array. `Rjit` is the law at the jittered temperatures. */
export function applyNoise(Rjit: Float64Array, noise: TNoiseSpec, rng: Rng): Float64Array {
  const n = Rjit.length;
  const out = new Float64Array(n);
  const corr = noise.correlated;
  const phi = corr ? Math.min(0.999, Math.max(0, corr.phi)) : 0;
  const innov = corr ? corr.amplitude * Math.sqrt(1 - phi * phi) : 0;
  let d = corr ? corr.amplitude * rng.normal() : 0;
  for (let i = 0; i < n; i++) {
    const r0 = Rjit[i]!;
    if (corr) d = phi * d + innov * rng.normal();
    out[i] = r0 * (1 + noise.relative * rng.normal() + d) + noise.floor * rng.normal();
  }
  if (noise.outlierFraction > 0) {
    const kmin = Math.max(1, noise.outlierSigmaMin);
    const kmax = Math.max(kmin * 1.0001, noise.outlierSigmaMax);
    for (let i = 0; i < n; i++) {
      if (rng.next() >= noise.outlierFraction) continue;
      const r0 = Rjit[i]!;
      const sigma = Math.hypot(noise.relative * r0, noise.floor);
      const k = rng.logUniform(kmin, kmax);
      const sign = rng.chance(0.5) ? 1 : -1;
      out[i] = out[i]! + sign * k * sigma;
    }
  }
  return out;
}

/** Temperatures at which the law is really evaluated: T_i·(1 + j·ξ_i). */
export function jitterTemperatures(T: Float64Array, jitter: number, rng: Rng): Float64Array {
  const out = new Float64Array(T.length);
  for (let i = 0; i < T.length; i++) {
    const f = 1 + jitter * rng.normal();
    out[i] = T[i]! * Math.max(0.5, f);
  }
  return out;
}
