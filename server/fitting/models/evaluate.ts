/**
 * Evaluation of every model as R(T) in ohm, from the physical parameters that
 * the fits report (for plotting fit lines and residuals).
 */
import type { ModelId } from "../types";
import { WL_T0_K } from "./weak-localization";

export const MODEL_PARAMS: Record<ModelId, readonly string[]> = {
  sc_transition: ["Rn_ohm", "Tmid_K", "width_K"],
  failed_superconductor: ["rhoQF_ohm", "rho0_ohm", "EaS_K"],
  failed_insulator: ["sigmaQF_S", "sigma0_S", "EaI_K"],
  arrhenius: ["R0_ohm", "T0_K"],
  es_vrh: ["R0_ohm", "T0_K"],
  mott_vrh: ["R0_ohm", "T0_K"],
  hopping_free_p: ["R0_ohm", "T0_K", "p"],
  weak_localization: ["G0_S", "A_S"],
  metal_power_law: ["R0_ohm", "A_ohm", "n"],
};

function need(params: Record<string, number>, key: string): number {
  const v = params[key];
  if (typeof v !== "number" || Number.isNaN(v)) throw new RangeError(`missing parameter ${key}`);
  return v;
}

/**
 * R(T) for `model` with `params` (names as in MODEL_PARAMS). Throws a
 * RangeError when a parameter is missing; returns NaN where the model is
 * undefined (e.g. non-positive conductance).
 */
export function evaluateModel(model: ModelId, params: Record<string, number>, T: ArrayLike<number>): Float64Array {
  const n = T.length;
  const out = new Float64Array(n);
  switch (model) {
    case "sc_transition": {
      const rn = need(params, "Rn_ohm");
      const tm = need(params, "Tmid_K");
      const dt = need(params, "width_K");
      for (let i = 0; i < n; i++) out[i] = rn / (1 + Math.exp((tm - T[i]!) / dt));
      return out;
    }
    case "failed_superconductor": {
      const qf = need(params, "rhoQF_ohm");
      const r0 = need(params, "rho0_ohm");
      const ea = need(params, "EaS_K");
      for (let i = 0; i < n; i++) out[i] = qf + r0 * Math.exp(-ea / T[i]!);
      return out;
    }
    case "failed_insulator": {
      const qf = need(params, "sigmaQF_S");
      const s0 = need(params, "sigma0_S");
      const ea = need(params, "EaI_K");
      for (let i = 0; i < n; i++) {
        const g = qf + s0 * Math.exp(-ea / T[i]!);
        out[i] = g > 0 ? 1 / g : NaN;
      }
      return out;
    }
    case "arrhenius":
    case "es_vrh":
    case "mott_vrh":
    case "hopping_free_p": {
      const r0 = need(params, "R0_ohm");
      const t0 = need(params, "T0_K");
      const p = model === "arrhenius" ? 1 : model === "es_vrh" ? 0.5 : model === "mott_vrh" ? 1 / 3 : need(params, "p");
      // a negative T0 (reported by fixed-p fits of non-insulating data) means
      // a negative coefficient of T^−p
      const b = Math.sign(t0) * Math.abs(t0) ** p;
      for (let i = 0; i < n; i++) out[i] = r0 * Math.exp(b * T[i]! ** -p);
      return out;
    }
    case "metal_power_law": {
      // A_ohm is the phonon term at 1 K: R = R0 + A·T^n
      const r0 = need(params, "R0_ohm");
      const a = need(params, "A_ohm");
      const e = need(params, "n");
      for (let i = 0; i < n; i++) out[i] = r0 + a * T[i]! ** e;
      return out;
    }
    case "weak_localization": {
      const g0 = need(params, "G0_S");
      const a = need(params, "A_S");
      const t0 = params.T0_K ?? WL_T0_K;
      for (let i = 0; i < n; i++) {
        const g = g0 + a * Math.log(T[i]! / t0);
        out[i] = g > 0 ? 1 / g : NaN;
      }
      return out;
    }
    default:
      throw new RangeError(`unknown model ${String(model)}`);
  }
}
