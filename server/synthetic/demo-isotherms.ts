/**
 * Demo isotherm sets (R(H) sweeps at fixed temperatures) of two field-tuned films in lab A's
 * dilution refrigerator, generated from the physics of the transition (isotherms.ts):
 *
 * - an amorphous indium-oxide film whose isotherms cross at one point: the scaling form
 *   R = R_c·exp(A·tanh(u/w)), u = δ·(T/T₀)^(−1/zν), with H_c = 7.2 kOe, R_c = 5.4 kΩ/□, zν = 1.3,
 *   0.4 % noise and a weak drift of the crossing;
 * - an In/InOx-like composite whose isotherms do not cross cleanly (seed 001's "avoided"
 *   transition): the same scaling channel in parallel with a field-dependent quantum-metal
 *   conductance σ_QF(H, T) = σ₀·exp(−(H − H*)/H₁ − T/T₁) that appears on cooling, which makes the
 *   coldest isotherms level off, so that the crossing of each pair moves with temperature.
 */
import type { DemoSample } from "./demo";
import { generateScalingSet, type ScalingSetSpec } from "./isotherms";
import { createRng, mixSeeds, type Rng } from "./rng";

export interface DemoIsothermCurve {
  key: string;
  T_K: number;
  H_Oe: Float64Array;
  R: Float64Array;
  sweepDirection: "UP";
  measuredAt: string;
  sequence: number;
}

export interface DemoIsothermSet {
  sample: DemoSample;
  setupKey: string;
  quantity: "SHEET_RESISTANCE";
  curves: DemoIsothermCurve[];
}

/** The critical point the crossing film was generated with (for tests; not part of the data). */
export const DEMO_CROSSING_FILM = { key: "a-inox-f3", Hc_Oe: 7200, Rc: 5400, znu: 1.3 } as const;

const TEMPERATURES = [0.05, 0.07, 0.1, 0.14, 0.2, 0.28];

function day(offset: number, hour: number): string {
  return new Date(Date.UTC(2024, 2, 4 + offset, hour, 0, 0)).toISOString();
}

function sample(key: string, name: string, material: string, morphology: DemoSample["morphology"], notes: string): DemoSample {
  return {
    key,
    name,
    material,
    morphology,
    thicknessNm: 30,
    substrate: "Si with 300 nm thermal SiO₂",
    depositionMethod: "e-gun evaporation of In₂O₃ in O₂",
    depositionO2PressureMbar: 1e-5,
    depositionNotes: "",
    geometry: "HALL_BAR",
    squares: 3,
    leadMaterial: "Ti/Au",
    notes,
    provenance: "Synthetic demo isotherms generated from the finite-size-scaling form of a field-tuned transition; values are synthetic.",
    filmKey: key,
    stageIndex: 0,
    annealStage: "S0",
    parentKey: null,
    annealTreatment: null,
    visibility: "PUBLIC",
    sharedWithLabKeys: [],
  };
}

function crossingSet(setupKey: string): DemoIsothermSet {
  const rng = createRng(mixSeeds(0x15a, 1));
  const spec: ScalingSetSpec = {
    Hc_Oe: DEMO_CROSSING_FILM.Hc_Oe,
    Rc: DEMO_CROSSING_FILM.Rc,
    znu: DEMO_CROSSING_FILM.znu,
    T_K: TEMPERATURES,
    T0: 0.28,
    A: 1.8,
    w: 0.35,
    shape: "tanh",
    drift: 0.002,
    noise: 0.004,
    grids: TEMPERATURES.map((_, i) => ({ dLo: -0.6 + 0.01 * i, dHi: 0.6 - 0.015 * i, n: 150 + 6 * i })),
  };
  const sets = generateScalingSet(spec, rng);
  return {
    sample: sample("a-inox-f3", "a-InO F3 — field-tuned isotherms", "a-InO", "AMORPHOUS", "Perpendicular-field sweeps 2.9–11.5 kOe at six temperatures from 50 to 280 mK."),
    setupKey,
    quantity: "SHEET_RESISTANCE",
    curves: sets.map((s, i) => ({ key: `a-inox-f3-t${i}`, T_K: s.T_K, H_Oe: Float64Array.from(s.H_Oe), R: Float64Array.from(s.R), sweepDirection: "UP", measuredAt: day(i, 10), sequence: i + 1 })),
  };
}

function avoidedSet(setupKey: string): DemoIsothermSet {
  const rng: Rng = createRng(mixSeeds(0x15a, 2));
  const Hs = 450;
  const Rc = 6200;
  const znu = 1.3;
  const curves = TEMPERATURES.map((T, i) => {
    const n = 140 + 5 * i;
    const H: number[] = [];
    const R: number[] = [];
    for (let j = 0; j < n; j++) {
      const h = Hs * (0.3 + (1.5 * (j + (j > 0 && j < n - 1 ? rng.uniform(-0.3, 0.3) : 0))) / (n - 1));
      const u = ((h - Hs) / Hs) * Math.pow(T / 0.28, -1 / znu);
      const rScaling = Rc * Math.exp(2 * Math.tanh(u / 0.35));
      const sigmaQF = (1 / 8000) * Math.exp(-(h - Hs) / 300 - T / 0.1);
      H.push(h);
      R.push((1 / (1 / rScaling + sigmaQF)) * (1 + 0.004 * rng.normal()));
    }
    return { key: `a-ininox-f9-t${i}`, T_K: T, H_Oe: Float64Array.from(H), R: Float64Array.from(R), sweepDirection: "UP" as const, measuredAt: day(20 + i, 14), sequence: i + 1 };
  });
  return {
    sample: {
      ...sample("a-ininox-f9", "InOx/In #9 — isotherms without a clean crossing", "In/InOx composite", "COMPOSITE", "Perpendicular-field sweeps 135–810 Oe at six temperatures; the coldest isotherms level off."),
      depositionMethod: "e-gun evaporation of In₂O₃ in O₂, followed in situ by In under high vacuum",
      depositionO2PressureMbar: 3e-5,
      thicknessNm: 25,
    },
    setupKey,
    quantity: "SHEET_RESISTANCE",
    curves,
  };
}

/** The isotherm sets of a demo lab (only lab A has them). */
export function demoIsothermSets(labKey: string, setupKey: string): DemoIsothermSet[] {
  return labKey === "lab-a" ? [crossingSet(setupKey), avoidedSet(setupKey)] : [];
}
