/**
 * Parameter recovery on noisy synthetic curves: for every model, the fitted
 * parameters must lie within 3 standard uncertainties of the generating
 * values on at least 95 % of the curves (Gaussian pulls would give 99.7 %).
 */
import { describe, expect, it } from "vitest";
import { makeCurveData } from "../models/common";
import { fitFixedHopping, fitFreeHopping, FIXED_P, type FixedHoppingModel } from "../models/hopping";
import { fitFailedInsulator, fitFailedSuperconductor } from "../models/saturation";
import { fitWeakLocalization } from "../models/weak-localization";
import type { ModelFit } from "../types";
import { addNoise, fractionWithin, gaussian, logGrid, logUniform, mapT, rng } from "./helpers";

const CURVES = 150;

function collect(fits: { fit: ModelFit; truth: Record<string, number> }[]): Record<string, number[]> {
  const pulls: Record<string, number[]> = {};
  for (const { fit, truth } of fits) {
    for (const [k, v] of Object.entries(truth)) {
      const s = fit.uncertainties[k];
      const f = fit.params[k];
      if (s === undefined || f === undefined || !(s > 0)) {
        (pulls[k] ??= []).push(Infinity);
        continue;
      }
      (pulls[k] ??= []).push((f - v) / s);
    }
  }
  return pulls;
}

function expectRecovered(pulls: Record<string, number[]>): void {
  for (const [k, p] of Object.entries(pulls)) {
    expect(p.length, k).toBe(CURVES);
    expect(fractionWithin(p, 3), `fraction of ${k} within 3σ`).toBeGreaterThanOrEqual(0.95);
  }
}

describe("parameter recovery within 3σ on ≥ 95 % of noisy curves", () => {
  it.each(["arrhenius", "es_vrh", "mott_vrh"] as FixedHoppingModel[])("%s", (model) => {
    const u = rng(101 + model.length);
    const g = gaussian(u);
    const p = FIXED_P[model];
    const out: { fit: ModelFit; truth: Record<string, number> }[] = [];
    for (let c = 0; c < CURVES; c++) {
      const R0 = logUniform(u, 1e3, 1e5);
      const T0 = model === "arrhenius" ? logUniform(u, 0.5, 20) : model === "es_vrh" ? logUniform(u, 1, 200) : logUniform(u, 20, 3e4);
      // window with (T0/Tmin)^p between 3 and 20
      const Tmin = T0 / logUniform(u, 3, 20) ** (1 / p);
      const T = logGrid(Tmin, Tmin * logUniform(u, 8, 100), Math.round(logUniform(u, 40, 600)));
      const R = addNoise(
        mapT(T, (t) => R0 * Math.exp((T0 / t) ** p)),
        logUniform(u, 0.001, 0.03),
        0,
        g,
      );
      out.push({ fit: fitFixedHopping(makeCurveData(T, R), model), truth: { R0_ohm: R0, T0_K: T0 } });
    }
    expectRecovered(collect(out));
  });

  it("hopping with free exponent", () => {
    const u = rng(202);
    const g = gaussian(u);
    const out: { fit: ModelFit; truth: Record<string, number> }[] = [];
    for (let c = 0; c < CURVES; c++) {
      const p = 0.3 + 0.7 * u();
      const R0 = logUniform(u, 1e3, 1e5);
      const T0 = logUniform(u, 1, 100);
      const Tmin = T0 / logUniform(u, 4, 20) ** (1 / p);
      const T = logGrid(Tmin, Tmin * logUniform(u, 10, 100), Math.round(logUniform(u, 80, 600)));
      const R = addNoise(mapT(T, (t) => R0 * Math.exp((T0 / t) ** p)), logUniform(u, 0.001, 0.02), 0, g);
      out.push({ fit: fitFreeHopping(makeCurveData(T, R)), truth: { R0_ohm: R0, T0_K: T0, p } });
    }
    expectRecovered(collect(out));
  });

  it("failed superconductor (Eq. 2, R space, noise-model weights)", () => {
    const u = rng(303);
    const g = gaussian(u);
    const out: { fit: ModelFit; truth: Record<string, number> }[] = [];
    for (let c = 0; c < CURVES; c++) {
      const Ea = logUniform(u, 0.5, 5);
      const rhoQF = logUniform(u, 10, 2000);
      const Tmax = Ea / logUniform(u, 1, 3);
      const rho0 = logUniform(u, 2e3, 2e4) * Math.exp(Ea / Tmax);
      const T = logGrid(Ea / logUniform(u, 8, 25), Tmax, Math.round(logUniform(u, 60, 600)));
      const rel = logUniform(u, 0.001, 0.02);
      const floor = 0.002 * rhoQF;
      const Rtrue = mapT(T, (t) => rhoQF + rho0 * Math.exp(-Ea / t));
      const R = addNoise(Rtrue, rel, floor, g);
      const w = mapT(Rtrue, (r) => 1 / (floor * floor + (rel * r) ** 2));
      out.push({ fit: fitFailedSuperconductor(makeCurveData(T, R), w), truth: { rhoQF_ohm: rhoQF, rho0_ohm: rho0, EaS_K: Ea } });
    }
    expectRecovered(collect(out));
  });

  it("failed insulator (Eq. 1, ln R)", () => {
    const u = rng(404);
    const g = gaussian(u);
    const out: { fit: ModelFit; truth: Record<string, number> }[] = [];
    for (let c = 0; c < CURVES; c++) {
      const Ea = logUniform(u, 0.2, 4);
      const sigma0 = 1 / logUniform(u, 2e3, 5e4);
      const sigmaQF = sigma0 / logUniform(u, 10, 1000);
      const T = logGrid(Ea / logUniform(u, 15, 40), Ea * logUniform(u, 1, 5), Math.round(logUniform(u, 60, 600)));
      const R = addNoise(mapT(T, (t) => 1 / (sigmaQF + sigma0 * Math.exp(-Ea / t))), logUniform(u, 0.001, 0.02), 0, g);
      out.push({ fit: fitFailedInsulator(makeCurveData(T, R)), truth: { sigmaQF_S: sigmaQF, sigma0_S: sigma0, EaI_K: Ea } });
    }
    expectRecovered(collect(out));
  });

  it("weak localization (G space, T0 = 1 K)", () => {
    const u = rng(505);
    const g = gaussian(u);
    const out: { fit: ModelFit; truth: Record<string, number> }[] = [];
    for (let c = 0; c < CURVES; c++) {
      const G0 = logUniform(u, 5e-5, 5e-4);
      const A = logUniform(u, 5e-6, 3e-5);
      const T = logGrid(1, 10, Math.round(logUniform(u, 20, 300)));
      const R = addNoise(mapT(T, (t) => 1 / (G0 + A * Math.log(t))), logUniform(u, 0.001, 0.02), 0, g);
      out.push({ fit: fitWeakLocalization(makeCurveData(T, R)), truth: { G0_S: G0, A_S: A } });
    }
    expectRecovered(collect(out));
  });
});
