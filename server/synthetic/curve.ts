/**
 * One synthetic curve from an explicit specification.
 */
import { evaluateLawArray } from "./model";
import { applyNoise, jitterTemperatures } from "./noise";
import type { Rng } from "./rng";
import { makeTemperatureGrid } from "./sampling";
import type { TCurveSpec, TGeneratedCurve } from "./types";

/**
 * Generates one R(T) sweep: temperature grid (sampling.ts), noiseless law at
 * the jittered thermometer readings (model.ts), then measurement noise
 * (noise.ts). Deterministic given the spec and the state of `rng`.
 * Throws if the law produces a non-finite or non-positive resistance inside
 * the window (a malformed spec), so a bad spec never yields a silent NaN.
 */
export function generateCurve(spec: TCurveSpec, rng: Rng): TGeneratedCurve {
  const T = makeTemperatureGrid(spec.window, rng, spec.law, spec.electronHeating);
  return generateCurveOnGrid(spec, T, rng);
}

/** Same as `generateCurve` on a given reported-temperature grid (strictly monotonic, K). */
export function generateCurveOnGrid(spec: TCurveSpec, T: Float64Array, rng: Rng): TGeneratedCurve {
  const Rtrue = evaluateLawArray(spec.law, T, spec.electronHeating);
  const Tj = spec.noise.thermometerJitter > 0 ? jitterTemperatures(T, spec.noise.thermometerJitter, rng) : T;
  const Rjit = Tj === T ? Rtrue : evaluateLawArray(spec.law, Tj, spec.electronHeating);
  for (let i = 0; i < T.length; i++) {
    const a = Rtrue[i]!;
    const b = Rjit[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b) || a < 0 || b < 0) {
      throw new Error(`law ${spec.law.law} gives R = ${a} at T = ${T[i]} K`);
    }
  }
  const R = applyNoise(Rjit, spec.noise, rng);
  return { T, R, Rtrue };
}
