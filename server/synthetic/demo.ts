/**
 * The deterministic demo dataset of the platform: three fictional labs with
 * members, measurement setups (with their radiation-filter stages), samples
 * (with anneal lineage), R(T) curves and, in lab A, two films measured as R(H)
 * isotherms (demo-isotherms.ts). Pure data, built with the same laws
 * and noise code as the synthetic corpus. It carries NO phase labels: labels
 * come only from fits.
 *
 * Enumerated values (cryostat, filter type, temperature stage, morphology,
 * geometry, role, visibility, field orientation, pressure and sweep direction)
 * use the names of the platform's database enums (prisma/schema.prisma).
 */
import { generateCurve } from "./curve";
import { bmoTbkt, hnAlCoefficient } from "./laws";
import { createRng, mixSeeds } from "./rng";
import type { Rng } from "./rng";
import type { TBackgroundSpec, TCurveSpec, TDipSpec, TLawSpec, TNoiseSpec, TTransitionSpec, TWindowSpec } from "./types";
import { demoIsothermSets, type DemoIsothermSet } from "./demo-isotherms";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_EMAIL_DOMAIN = "demo.sit-atlas.org";
export const DEMO_DATASET_VERSION = "demo-4";

export type TDemoRole = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
export type TDemoCryostat = "DILUTION" | "HE3" | "HE4" | "PPMS" | "DYNACOOL" | "ADR" | "OTHER";
export type TDemoFilterType =
  | "PI"
  | "RC"
  | "LC"
  | "COPPER_POWDER"
  | "THERMOCOAX"
  | "SILVER_EPOXY"
  | "MICROWAVE_ABSORBER"
  | "TWISTED_PAIR"
  | "OTHER";
export type TDemoTemperatureStage = "ROOM" | "K50" | "K4" | "STILL" | "COLD_PLATE" | "MIXING_CHAMBER" | "SAMPLE";
export type TDemoMorphology = "AMORPHOUS" | "GRANULAR" | "COMPOSITE" | "POLYCRYSTALLINE" | "EPITAXIAL" | "JOSEPHSON_ARRAY" | "OTHER";
export type TDemoGeometry = "HALL_BAR" | "VAN_DER_PAUW" | "STRIP" | "OTHER";
export type TDemoVisibility = "PRIVATE" | "SHARED" | "PUBLIC";

export interface DemoMember {
  name: string;
  email: string;
  password: string;
  role: TDemoRole;
}

export interface DemoFilterStage {
  /** 1 = closest to room temperature, increasing towards the sample. */
  position: number;
  type: TDemoFilterType;
  stage: TDemoTemperatureStage;
  /** Attenuation in dB over [bandLowHz, bandHighHz]; null when unknown. */
  attenuationDb: number | null;
  bandLowHz: number | null;
  bandHighHz: number | null;
  notes?: string;
}

export interface DemoSetup {
  key: string;
  name: string;
  cryostat: TDemoCryostat;
  baseTemperatureK: number;
  thermometry: string;
  thermometerPlacement: string;
  excitation: "AC" | "DC";
  excitationAmplitudeA: number;
  excitationFrequencyHz: number | null;
  fourProbe: boolean;
  linearResponseChecked: boolean;
  shielding: string;
  notes: string;
  filterStages: DemoFilterStage[];
}

export interface DemoSample {
  key: string;
  name: string;
  material: string;
  morphology: TDemoMorphology;
  thicknessNm: number;
  substrate: string;
  depositionMethod: string;
  depositionO2PressureMbar: number | null;
  depositionNotes: string;
  geometry: TDemoGeometry;
  squares: number;
  leadMaterial: string;
  notes: string;
  provenance: string;
  /** Anneal lineage: stages of one physical film share `filmKey` and are ordered by `stageIndex`. */
  filmKey: string;
  stageIndex: number;
  annealStage: string;
  /** Key of the previous stage of the same film (null for the first stage). */
  parentKey: string | null;
  annealTreatment: string | null;
  visibility: TDemoVisibility;
  /** For SHARED samples: the labs (by key) that may read them. */
  sharedWithLabKeys: string[];
}

export interface DemoCurveConditions {
  H_Oe: number;
  fieldOrientation: "PERPENDICULAR";
  P_GPa: number | null;
  pressureDirection: "PRESSURIZING" | "DEPRESSURIZING" | null;
  pressureMedium: string | null;
  annealStage: string;
  sweepDirection: "COOLING" | "WARMING";
  /** Order of the measurement within its sample (1, 2, …). */
  sequence: number;
}

export interface DemoCurve {
  key: string;
  sampleKey: string;
  setupKey: string;
  kind: "RT";
  quantity: "SHEET_RESISTANCE";
  conditions: DemoCurveConditions;
  /** ISO 8601 date-time of the sweep (fixed, fictional). */
  measuredAt: string;
  /** Temperatures (K), strictly monotonic in the sweep order. */
  T: Float64Array;
  /** Sheet resistance (Ω/□), with measurement noise. */
  R: Float64Array;
}

export interface DemoLab {
  key: string;
  slug: string;
  name: string;
  institution: string;
  description: string;
  members: DemoMember[];
  setups: DemoSetup[];
  samples: DemoSample[];
  curves: DemoCurve[];
  /** Films measured as R(H) isotherms (demo-isotherms.ts), apart from the R(T) series above. */
  isothermSets: DemoIsothermSet[];
}

export interface DemoDataset {
  version: string;
  labs: DemoLab[];
}

/**
 * A curve before it is generated: the specification that produces it. Kept
 * apart from `DemoCurve` because the law name would reveal the intended phase.
 */
export interface DemoCurvePlan {
  labKey: string;
  curve: Omit<DemoCurve, "T" | "R">;
  spec: TCurveSpec;
}

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

/** FNV-1a hash of a string, as a 32-bit seed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function member(first: string, last: string, role: TDemoRole): DemoMember {
  return { name: `${first} ${last}`, email: `${first.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORD, role };
}

function isoDate(dayOffset: number, hour: number): string {
  // fixed origin: 2024-01-08 (no clock involved)
  return new Date(Date.UTC(2024, 0, 8 + dayOffset, hour, 0, 0)).toISOString();
}

function demoNoise(rng: Rng, floor: number): TNoiseSpec {
  return {
    relative: rng.logUniform(0.001, 0.006),
    floor,
    outlierFraction: rng.chance(0.3) ? rng.logUniform(0.001, 0.004) : 0,
    outlierSigmaMin: 5,
    outlierSigmaMax: 12,
    thermometerJitter: rng.logUniform(2e-4, 1.5e-3),
    ...(rng.chance(0.3) ? { correlated: { amplitude: 0.001, phi: 0.9 } } : {}),
  };
}

function sweepWindow(
  rng: Rng,
  Tmin: number,
  Tmax: number,
  spacing: Partial<TWindowSpec> = {},
  order: "cooling" | "warming" = "cooling",
): TWindowSpec {
  return {
    Tmin,
    Tmax,
    points: rng.int(180, 560),
    spacing: "log",
    order,
    ...spacing,
  };
}

/** Superconducting transition of Halperin–Nelson type with AL tail, BKT temperature from BMO times `bktFactor`. */
function hn(RN: number, Tc0: number, b = 1, bktFactor = 0.95): TTransitionSpec {
  const Tbkt = bmoTbkt(Tc0, RN) * bktFactor;
  return { kind: "hn", Tc0, Tbkt, b, c: hnAlCoefficient(RN, Tc0, Tbkt, b) };
}

/** TAFF transition with midpoint Tm (where ρ0·e^(−Ea/T) = R_N). */
function taff(RN: number, Ea: number, Tm: number): TTransitionSpec {
  return { kind: "taff", Ea, rho0: RN * Math.exp(Ea / Tm) };
}

/** Failed-insulator law (seed 001 Eq. 1) from the high-T resistance, σ0/σ_QF and E_aI. */
function failedInsulatorFrom(Rhigh: number, Q: number, Ea: number, extra: { highT?: { a: number; T0: number }; dip?: TDipSpec } = {}): TLawSpec {
  const nTop = extra.highT ? 1 / (1 + extra.highT.a * Math.log1p(300 / extra.highT.T0)) : 1;
  const sigma0 = nTop / (Rhigh * (1 + 1 / Q));
  return { law: "failed-insulator", sigmaQF: sigma0 / Q, sigma0, Ea, ...extra };
}

// ---------------------------------------------------------------------------
// Lab A — field-tuned In/InOx composite across anneal stages (after seed 001)
// ---------------------------------------------------------------------------

const LAB_A = "lab-a";

function labAPlans(): { lab: Omit<DemoLab, "curves" | "isothermSets">; plans: DemoCurvePlan[] } {
  const setup: DemoSetup = {
    key: "a-dr1",
    name: "DR-1 dilution refrigerator (filtered lines)",
    cryostat: "DILUTION",
    baseTemperatureK: 0.035,
    thermometry: "calibrated RuO₂ chip thermometer; mixing-chamber RuO₂ for comparison",
    thermometerPlacement: "on chip, same mounting and wiring as the film",
    excitation: "AC",
    excitationAmplitudeA: 5e-10,
    excitationFrequencyHz: 3.1,
    fourProbe: true,
    linearResponseChecked: true,
    shielding: "sample in a closed copper can on the mixing chamber; radiation shields at still and 4 K; twisted-pair looms",
    notes:
      "Current from a reference voltage through a 1 GΩ series resistor (0.1–1 nA, 0.7–7 Hz depending on the sample resistance). Points where the chip thermometer differs from the mixing chamber by more than 10 % are discarded. Run with an extra circulation pump at the highest cooling power.",
    filterStages: [
      { position: 1, type: "PI", stage: "ROOM", attenuationDb: 50, bandLowHz: 1e8, bandHighHz: 5e9, notes: "commercial in-line π filters at the breakout box" },
      { position: 2, type: "RC", stage: "MIXING_CHAMBER", attenuationDb: 30, bandLowHz: 1e8, bandHighHz: 5e9, notes: "cryogenic RC stage" },
      { position: 3, type: "COPPER_POWDER", stage: "MIXING_CHAMBER", attenuationDb: 45, bandLowHz: 1e8, bandHighHz: 5e9, notes: "copper-powder filters thermalised at the mixing chamber" },
    ],
  };
  const filmCommon = {
    material: "In/InOx composite",
    morphology: "COMPOSITE" as const,
    thicknessNm: 25,
    substrate: "Si with 300 nm thermal SiO₂",
    depositionMethod: "e-gun evaporation of In₂O₃ in O₂, followed in situ by In under high vacuum",
    depositionO2PressureMbar: 3e-5,
    depositionNotes: "20 nm weakly insulating amorphous InOx underlayer; In islands with a bimodal size distribution (~30 nm and ~0.5 µm)",
    geometry: "HALL_BAR" as const,
    squares: 3,
    leadMaterial: "Ti/Au",
    provenance: "Demo data modelled on a published field-tuned study of an In/InOx composite (seed 001); values are synthetic.",
    filmKey: "a-film-1",
    visibility: "PUBLIC" as const,
    sharedWithLabKeys: [],
  };
  const samples: DemoSample[] = [
    {
      key: "a-film-1-s0",
      name: "InOx/In #7 — stage S0 (as grown)",
      notes: "As grown. Perpendicular-field series 0–600 Oe.",
      stageIndex: 0,
      annealStage: "S0",
      parentKey: null,
      annealTreatment: null,
      ...filmCommon,
    },
    {
      key: "a-film-1-s1",
      name: "InOx/In #7 — stage S1",
      notes: "After the first low-temperature anneal; sheet resistance lowered irreversibly.",
      stageIndex: 1,
      annealStage: "S1",
      parentKey: "a-film-1-s0",
      annealTreatment: "vacuum anneal at 45 °C for 20 h",
      ...filmCommon,
    },
    {
      key: "a-film-1-s2",
      name: "InOx/In #7 — stage S2",
      notes: "After the second low-temperature anneal.",
      stageIndex: 2,
      annealStage: "S2",
      parentKey: "a-film-1-s1",
      annealTreatment: "vacuum anneal at 48 °C for 40 h",
      ...filmCommon,
    },
  ];

  const plans: DemoCurvePlan[] = [];
  const add = (sampleKey: string, stage: string, H: number, seq: number, day: number, build: (rng: Rng) => { law: TLawSpec; Tmin: number; Tmax: number }) => {
    const key = `${sampleKey}-h${H}`;
    const rng = createRng(mixSeeds(hashString(key), 1));
    const { law, Tmin, Tmax } = build(rng);
    const spec: TCurveSpec = {
      law,
      window: sweepWindow(rng, Tmin, Tmax, { spacing: "log-linear", linearAbove: 0.8 }),
      noise: demoNoise(rng, 1.5),
    };
    plans.push({
      labKey: LAB_A,
      spec,
      curve: {
        key,
        sampleKey,
        setupKey: setup.key,
        kind: "RT",
        quantity: "SHEET_RESISTANCE",
        conditions: {
          H_Oe: H,
          fieldOrientation: "PERPENDICULAR",
          P_GPa: null,
          pressureDirection: null,
          pressureMedium: null,
          annealStage: stage,
          sweepDirection: "COOLING",
          sequence: seq,
        },
        measuredAt: isoDate(day, 9 + (seq % 10)),
      },
    });
  };

  // Stage S0: at H = 0 the resistance falls and levels off near 6.2 kΩ; from 30 Oe it rises on cooling
  // and levels off (σ_QF decreasing with H; E_aI from ~0.3 K to ~0.58 K near 300 Oe, then decreasing);
  // at 600 Oe the divergence is restored.
  const s0Fields = [0, 30, 60, 100, 150, 200, 300, 400, 500, 600];
  const s0Ea: Record<number, number> = { 30: 0.3, 60: 0.36, 100: 0.43, 150: 0.5, 200: 0.55, 300: 0.58, 400: 0.53, 500: 0.47, 600: 0.43 };
  const s0Q: Record<number, number> = { 30: 3, 60: 5, 100: 9, 150: 15, 200: 25, 300: 50, 400: 90, 500: 160 };
  s0Fields.forEach((H, i) =>
    add("a-film-1-s0", "S0", H, i + 1, i, (rng) => {
      const Tmin = rng.uniform(0.048, 0.056);
      const Tmax = rng.uniform(2.3, 2.8);
      if (H === 0) {
        const RNpart = 2900;
        return { law: { law: "failed-superconductor", rhoQF: 6200, background: { kind: "flat", R: RNpart }, transition: taff(RNpart, 2.0, 0.32) }, Tmin, Tmax };
      }
      const Rhigh = 9200 * (1 + H / 1500);
      const Ea = s0Ea[H]!;
      if (H === 600) {
        // σ_QF = 0: pure activation
        return { law: { law: "failed-insulator", sigmaQF: 0, sigma0: 1 / Rhigh, Ea }, Tmin, Tmax };
      }
      const dip: TDipSpec | undefined = H <= 60 ? { Tm: 0.7, s: 0.15, depth: H === 30 ? 0.12 : 0.06 } : undefined;
      return { law: failedInsulatorFrom(Rhigh, s0Q[H]!, Ea, dip ? { dip } : {}), Tmin, Tmax };
    }),
  );

  // Stage S1: Tc ≈ 0.4 K at H = 0; for H ≲ 300 Oe the resistance levels off at ρ_QF ∝ H^0.45 with E_aS ≈ 1.5 K
  // decreasing with field; separatrix ≈ 6.5 kΩ at H* ≈ 300 Oe; above, σ_QF ∝ H^-4.7.
  const s1Fields = [0, 25, 50, 100, 150, 200, 250, 300, 350, 400];
  s1Fields.forEach((H, i) =>
    add("a-film-1-s1", "S1", H, i + 1, 20 + i, (rng) => {
      const Tmin = rng.uniform(0.044, 0.05);
      const Tmax = rng.uniform(2.8, 3.3);
      const Rhigh = 6600 * (1 + H / 4000);
      if (H === 0) {
        return { law: { law: "sc-transition", background: { kind: "flat", R: Rhigh }, transition: hn(Rhigh, 0.42, 1.0, 1) }, Tmin, Tmax };
      }
      if (H <= 300) {
        const rhoQF = 6500 * Math.pow(H / 300, 0.45);
        const RNpart = Rhigh - rhoQF;
        const Ea = 1.5 * (1 - H / 600);
        const Tm = 0.4 * (1 - H / 450);
        return { law: { law: "failed-superconductor", rhoQF, background: { kind: "flat", R: RNpart }, transition: taff(RNpart, Ea, Tm) }, Tmin, Tmax };
      }
      const Rsat = 6500 * Math.pow(H / 300, 4.7);
      const Q = Rsat / Rhigh - 1;
      return { law: failedInsulatorFrom(Rhigh, Q, H === 350 ? 0.22 : 0.28), Tmin, Tmax };
    }),
  );

  // Stage S2: more strongly superconducting than S1: zero resistance at low fields, levelling off at higher fields.
  const s2Fields = [0, 50, 100, 150, 200, 250, 300, 400, 500];
  const s2Rho: Record<number, number> = { 200: 280, 250: 560, 300: 900, 400: 1700, 500: 2600 };
  s2Fields.forEach((H, i) =>
    add("a-film-1-s2", "S2", H, i + 1, 40 + i, (rng) => {
      const Tmin = rng.uniform(0.039, 0.046);
      const Tmax = rng.uniform(3.0, 3.6);
      const Rhigh = 4600 * (1 + H / 4000);
      if (H === 0) return { law: { law: "sc-transition", background: { kind: "flat", R: Rhigh }, transition: hn(Rhigh, 0.62, 1.2, 1) }, Tmin, Tmax };
      if (H === 50) return { law: { law: "sc-transition", background: { kind: "flat", R: Rhigh }, transition: hn(Rhigh, 0.52, 1.0, 0.95) }, Tmin, Tmax };
      if (H === 100) return { law: { law: "sc-transition", background: { kind: "flat", R: Rhigh }, transition: { kind: "lognormal", Tm: 0.42, s: 0.1 } }, Tmin, Tmax };
      if (H === 150) return { law: { law: "sc-transition", background: { kind: "flat", R: Rhigh }, transition: { kind: "lognormal", Tm: 0.33, s: 0.12 } }, Tmin, Tmax };
      const rhoQF = s2Rho[H]!;
      const RNpart = Rhigh - rhoQF;
      const Ea = 1.6 * (1 - (H - 150) / 800);
      const Tm = 0.3 * (1 - (H - 150) / 700);
      return { law: { law: "failed-superconductor", rhoQF, background: { kind: "flat", R: RNpart }, transition: taff(RNpart, Ea, Tm) }, Tmin, Tmax };
    }),
  );

  return {
    lab: {
      key: LAB_A,
      slug: "halden-transport",
      name: "Halden Low-Temperature Transport Group",
      institution: "Northgate Institute of Technology (fictional)",
      description: "Field-tuned transport of granular and composite films in a well-filtered dilution refrigerator. Demo lab with synthetic data.",
      members: [member("Alice", "Marlow", "OWNER"), member("Bruno", "Okafor", "ADMIN"), member("Carmen", "Ruiz", "MEMBER")],
      setups: [setup],
      samples,
    },
    plans,
  };
}

// ---------------------------------------------------------------------------
// Lab B — a-InO films under pressure in a diamond anvil cell (after seed 003)
// ---------------------------------------------------------------------------

const LAB_B = "lab-b";

/** Weak-localization background G(T) = G300 + A·ln(T/300 K) (seed 003 Eq. 1 with T0 = 300 K). */
function wlBg(G300: number, A: number): TBackgroundSpec {
  return { kind: "wl", G0: G300, A, T0: 300 };
}

interface PressureStep {
  P: number;
  direction: "PRESSURIZING" | "DEPRESSURIZING";
  law: TLawSpec;
}

function labBPlans(): { lab: Omit<DemoLab, "curves" | "isothermSets">; plans: DemoCurvePlan[] } {
  const filters: DemoFilterStage[] = [
    { position: 1, type: "PI", stage: "ROOM", attenuationDb: 45, bandLowHz: 1e7, bandHighHz: 5e9, notes: "π filters on every line at the top of the insert" },
    { position: 2, type: "RC", stage: "K4", attenuationDb: 30, bandLowHz: 1e7, bandHighHz: 5e9, notes: "RC filters on the 4 K plate" },
    { position: 3, type: "COPPER_POWDER", stage: "SAMPLE", attenuationDb: 45, bandLowHz: 1e8, bandHighHz: 5e9, notes: "copper-powder filters on the cell, below the coldest plate" },
  ];
  const setups: DemoSetup[] = [
    {
      key: "b-he3-dac",
      name: "³He cryostat with CuBe diamond anvil cell",
      cryostat: "HE3",
      baseTemperatureK: 0.27,
      thermometry: "calibrated RuO₂ on the cell body; Cernox above 1.5 K",
      thermometerPlacement: "on the CuBe cell, next to the anvils",
      excitation: "AC",
      excitationAmplitudeA: 1e-9,
      excitationFrequencyHz: 7.7,
      fourProbe: true,
      linearResponseChecked: true,
      shielding: "cell inside a copper radiation shield at the ³He pot; coaxial lines down to 4 K",
      notes: "Opposing-plate CuBe diamond anvil cell, culets 500/750 µm, CuBe gasket covered with epoxy and MgO. Pressure from ruby fluorescence, measured at room temperature before each cool-down.",
      filterStages: filters,
    },
    {
      key: "b-dr-dac",
      name: "Dilution refrigerator with diamond anvil cell",
      cryostat: "DILUTION",
      baseTemperatureK: 0.05,
      thermometry: "calibrated RuO₂ on the cell body",
      thermometerPlacement: "on the CuBe cell",
      excitation: "AC",
      excitationAmplitudeA: 5e-10,
      excitationFrequencyHz: 3.3,
      fourProbe: true,
      linearResponseChecked: true,
      shielding: "cell in a closed copper can on the mixing chamber",
      notes: "Second setup used to cross-check the low-temperature behaviour of one film. Pressure from ruby fluorescence.",
      filterStages: [
        { position: 1, type: "PI", stage: "ROOM", attenuationDb: 50, bandLowHz: 1e8, bandHighHz: 5e9 },
        { position: 2, type: "THERMOCOAX", stage: "STILL", attenuationDb: 40, bandLowHz: 1e8, bandHighHz: 5e9, notes: "1.5 m of Thermocoax per line" },
        { position: 3, type: "COPPER_POWDER", stage: "MIXING_CHAMBER", attenuationDb: 40, bandLowHz: 1e8, bandHighHz: 5e9 },
      ],
    },
  ];
  const films: Array<{ key: string; name: string; o2: number; notes: string; setupKey: string }> = [
    { key: "b-ino-41", name: "a-InO DAC-41", o2: 4.5e-5, notes: "Highest O₂ partial pressure of the series; strongly resistive at ambient pressure.", setupKey: "b-he3-dac" },
    { key: "b-ino-27", name: "a-InO DAC-27", o2: 2.7e-5, notes: "Intermediate O₂ partial pressure.", setupKey: "b-dr-dac" },
    { key: "b-ino-13", name: "a-InO DAC-13", o2: 1.3e-5, notes: "Lowest O₂ partial pressure of the series.", setupKey: "b-he3-dac" },
  ];
  const samples: DemoSample[] = films.map((f) => ({
    key: f.key,
    name: f.name,
    material: "a-InO",
    morphology: "AMORPHOUS",
    thicknessNm: 30,
    substrate: "diamond anvil (Böhler–Almax, culet 500 µm)",
    depositionMethod: "e-gun evaporation of In₂O₃ through a mechanical mask onto the anvil",
    depositionO2PressureMbar: f.o2,
    depositionNotes: "A test film evaporated simultaneously on a free diamond for ambient-pressure measurements.",
    geometry: "STRIP",
    squares: 1.5,
    leadMaterial: "sputtered Pt with 7 µm Pt foils (silver epoxy)",
    notes: f.notes,
    provenance: "Demo data modelled on a published pressure study of a-InO films (seed 003); values are synthetic.",
    filmKey: f.key,
    stageIndex: 0,
    annealStage: "S0",
    parentKey: null,
    annealTreatment: null,
    visibility: "PUBLIC",
    sharedWithLabKeys: [],
  }));

  /** G300 decreases with pressure (disorder increases); the WL prefactor A is suppressed at high pressure (≈1e-5 S near 12–13 GPa). */
  const G300 = (g0: number, P: number) => g0 - 1.1e-5 * P;
  const Awl = (P: number, a0: number) => 1e-5 + a0 * Math.exp(-P / 5);

  const sc = (g0: number, a0: number, P: number, Tc0: number, bkt = 0.95): TLawSpec => {
    const bg = wlBg(G300(g0, P), Awl(P, a0));
    const RNc = 1 / (G300(g0, P) + Awl(P, a0) * Math.log(Tc0 / 300));
    return { law: "sc-transition", background: bg, transition: hn(RNc, Tc0, 1.2, bkt) };
  };
  const m1 = (g0: number, a0: number, P: number, Tm: number, rhoFrac: number, EaOverTm = 7): TLawSpec => {
    const RNc = 1 / (G300(g0, P) + Awl(P, a0) * Math.log(Tm / 300));
    const rhoQF = rhoFrac * RNc;
    // the normal channel carries R − ρ_QF, so that R(300 K) follows the same weak-localization curve
    const scale = 1 / (1 - rhoQF * G300(g0, P));
    const bg = wlBg(G300(g0, P) * scale, Awl(P, a0) * scale);
    const RNpart = RNc - rhoQF;
    return { law: "failed-superconductor", rhoQF, background: bg, transition: taff(RNpart, EaOverTm * Tm, Tm) };
  };
  const m2 = (g0: number, P: number, Q: number, Ea: number, dip?: TDipSpec): TLawSpec =>
    failedInsulatorFrom(1 / G300(g0, P), Q, Ea, { highT: { a: 0.09, T0: 0.5 }, ...(dip ? { dip } : {}) });
  const es = (g0: number, a0: number, P: number, T0: number, rScale = 1): TLawSpec => ({
    law: "hopping",
    prefactor: wlBg(G300(g0, P) / rScale, Awl(P, a0) / rScale),
    T0,
    p: 0.5,
  });
  const arr = (g0: number, a0: number, P: number, T0: number, dip?: TDipSpec): TLawSpec => ({
    law: "hopping",
    prefactor: wlBg(G300(g0, P), Awl(P, a0)),
    T0,
    p: 1,
    ...(dip ? { dip } : {}),
  });

  // film 41: activated at P = 0 → zero resistance (~2–6 GPa, Tc rising then falling) → levelling off
  // below Tc → rising then levelling off → Efros–Shklovskii from ~12.7 GPa; then three steps back down.
  const g41 = 4.0e-4;
  const a41 = 1.6e-5;
  const steps41: PressureStep[] = [
    { P: 0, direction: "PRESSURIZING", law: arr(g41, a41, 0, 2.5) },
    { P: 1.1, direction: "PRESSURIZING", law: arr(g41, a41, 1.1, 0.9, { Tm: 1.6, s: 0.15, depth: 0.3 }) },
    { P: 2.3, direction: "PRESSURIZING", law: sc(g41, a41, 2.3, 1.15) },
    { P: 3.6, direction: "PRESSURIZING", law: sc(g41, a41, 3.6, 1.9) },
    { P: 4.8, direction: "PRESSURIZING", law: sc(g41, a41, 4.8, 2.5) },
    { P: 6.0, direction: "PRESSURIZING", law: sc(g41, a41, 6.0, 2.0) },
    { P: 7.4, direction: "PRESSURIZING", law: m1(g41, a41, 7.4, 1.5, 0.08) },
    { P: 8.7, direction: "PRESSURIZING", law: m1(g41, a41, 8.7, 1.1, 0.3) },
    { P: 10.0, direction: "PRESSURIZING", law: m2(g41, 10.0, 3, 1.5, { Tm: 2.2, s: 0.15, depth: 0.25 }) },
    { P: 11.3, direction: "PRESSURIZING", law: m2(g41, 11.3, 20, 2.2) },
    { P: 12.7, direction: "PRESSURIZING", law: es(g41, a41, 12.7, 3.0) },
    { P: 13.5, direction: "PRESSURIZING", law: es(g41, a41, 13.5, 1.2) },
    { P: 15.0, direction: "PRESSURIZING", law: es(g41, a41, 15.0, 1.8) },
    { P: 17.0, direction: "PRESSURIZING", law: es(g41, a41, 17.0, 2.6) },
    { P: 14.1, direction: "DEPRESSURIZING", law: es(g41, a41, 14.3, 1.5) },
    { P: 11.8, direction: "DEPRESSURIZING", law: m2(g41, 11.6, 28, 2.3) },
    { P: 8.2, direction: "DEPRESSURIZING", law: m1(g41, a41, 8.4, 1.2, 0.22) },
  ];
  // film 27: levelling off below Tc at P = 0, stronger superconductivity up to ~3 GPa, then suppressed.
  const g27 = 3.6e-4;
  const a27 = 1.2e-5;
  const steps27: PressureStep[] = [
    { P: 0, direction: "PRESSURIZING", law: m1(g27, a27, 0, 1.0, 0.35) },
    { P: 1.5, direction: "PRESSURIZING", law: m1(g27, a27, 1.5, 1.35, 0.15) },
    { P: 3.0, direction: "PRESSURIZING", law: m1(g27, a27, 3.0, 1.65, 0.06, 9) },
    { P: 4.5, direction: "PRESSURIZING", law: m1(g27, a27, 4.5, 1.4, 0.12) },
    { P: 6.2, direction: "PRESSURIZING", law: m1(g27, a27, 6.2, 1.0, 0.3) },
    { P: 7.8, direction: "PRESSURIZING", law: m2(g27, 7.8, 1.5, 1.3, { Tm: 2.0, s: 0.15, depth: 0.3 }) },
    { P: 9.4, direction: "PRESSURIZING", law: m2(g27, 9.4, 6, 1.7) },
    { P: 10.4, direction: "PRESSURIZING", law: m2(g27 - 2.0e-5, 10.4, 4, 1.6) },
    { P: 11.6, direction: "PRESSURIZING", law: es(g27, a27, 11.6, 2.0) },
    { P: 12.8, direction: "PRESSURIZING", law: es(g27, a27, 12.8, 3.5) },
    { P: 13.6, direction: "PRESSURIZING", law: es(g27, a27, 13.6, 2.2, 1.15) },
    { P: 15.0, direction: "PRESSURIZING", law: es(g27, a27, 15.0, 3.0, 1.1) },
  ];
  // film 13: zero resistance at P = 0 with Tc decreasing monotonically with pressure, then levelling off and ES.
  const g13 = 4.6e-4;
  const a13 = 1.0e-5;
  const steps13: PressureStep[] = [
    { P: 0, direction: "PRESSURIZING", law: sc(g13, a13, 0, 2.8) },
    { P: 2.0, direction: "PRESSURIZING", law: sc(g13, a13, 2.0, 2.5) },
    { P: 4.0, direction: "PRESSURIZING", law: sc(g13, a13, 4.0, 2.1) },
    { P: 6.0, direction: "PRESSURIZING", law: sc(g13, a13, 6.0, 1.6) },
    { P: 8.0, direction: "PRESSURIZING", law: sc(g13, a13, 8.0, 1.05, 0.9) },
    { P: 9.5, direction: "PRESSURIZING", law: m1(g13, a13, 9.5, 0.9, 0.2) },
    { P: 11.0, direction: "PRESSURIZING", law: m2(g13, 11.0, 8, 1.8) },
    { P: 12.0, direction: "PRESSURIZING", law: es(g13, a13, 12.0, 6.0) },
    { P: 14.0, direction: "PRESSURIZING", law: es(g13, a13, 14.0, 8.0) },
    { P: 16.0, direction: "PRESSURIZING", law: es(g13, a13, 16.0, 10.0) },
  ];

  const plans: DemoCurvePlan[] = [];
  const addSeries = (film: (typeof films)[number], steps: PressureStep[], dayBase: number) => {
    steps.forEach((st, i) => {
      const key = `${film.key}-p${st.P.toFixed(1)}${st.direction === "DEPRESSURIZING" ? "-down" : ""}`;
      const rng = createRng(mixSeeds(hashString(key), 2));
      const Tmin = rng.uniform(0.28, 0.31);
      const spec: TCurveSpec = {
        law: st.law,
        window: sweepWindow(rng, Tmin, rng.uniform(300, 305), { spacing: "log-dense-below", denseBelow: 10, sparseWeight: 0.35 }, "warming"),
        noise: demoNoise(rng, 3),
      };
      plans.push({
        labKey: LAB_B,
        spec,
        curve: {
          key,
          sampleKey: film.key,
          setupKey: film.setupKey,
          kind: "RT",
          quantity: "SHEET_RESISTANCE",
          conditions: {
            H_Oe: 0,
            fieldOrientation: "PERPENDICULAR",
            P_GPa: st.P,
            pressureDirection: st.direction,
            pressureMedium: "epoxy",
            annealStage: "S0",
            sweepDirection: "WARMING",
            sequence: i + 1,
          },
          measuredAt: isoDate(dayBase + 3 * i, 14),
        },
      });
    });
  };
  addSeries(films[0]!, steps41, 60);
  addSeries(films[1]!, steps27, 120);
  addSeries(films[2]!, steps13, 170);

  return {
    lab: {
      key: LAB_B,
      slug: "meridian-pressure",
      name: "Meridian High-Pressure Quantum Materials Lab",
      institution: "Eastbrook University (fictional)",
      description:
        "Thin films pressurised in diamond anvil cells up to 17 GPa; sheet resistance from 300 K down to the ³He base. Demo lab with synthetic data.",
      members: [member("Dana", "Whitfield", "OWNER"), member("Emil", "Sandoval", "MEMBER"), member("Farah", "Nasser", "MEMBER")],
      setups,
      samples,
    },
    plans,
  };
}

// ---------------------------------------------------------------------------
// Lab C — one film, two setups with different radiation filtering
// ---------------------------------------------------------------------------

const LAB_C = "lab-c";

function labCPlans(): { lab: Omit<DemoLab, "curves" | "isothermSets">; plans: DemoCurvePlan[] } {
  const setups: DemoSetup[] = [
    {
      key: "c-dr-filtered",
      name: "Triton-class dilution refrigerator, graded filtering",
      cryostat: "DILUTION",
      baseTemperatureK: 0.02,
      thermometry: "calibrated RuO₂ on the sample stage; CMN check below 50 mK",
      thermometerPlacement: "sample stage, 1 cm from the chip",
      excitation: "AC",
      excitationAmplitudeA: 1e-9,
      excitationFrequencyHz: 13.7,
      fourProbe: true,
      linearResponseChecked: true,
      shielding: "light-tight copper can with microwave-absorbing coating at the mixing chamber",
      notes: "Lines filtered at every stage; electron temperature checked against a noise thermometer down to 30 mK.",
      filterStages: [
        { position: 1, type: "PI", stage: "ROOM", attenuationDb: 45, bandLowHz: 1e7, bandHighHz: 6e9 },
        { position: 2, type: "RC", stage: "K4", attenuationDb: 25, bandLowHz: 1e7, bandHighHz: 6e9 },
        { position: 3, type: "COPPER_POWDER", stage: "MIXING_CHAMBER", attenuationDb: 60, bandLowHz: 1e8, bandHighHz: 6e9 },
        { position: 4, type: "MICROWAVE_ABSORBER", stage: "SAMPLE", attenuationDb: 30, bandLowHz: 1e9, bandHighHz: 2e10, notes: "absorber-filled sample-can feedthrough" },
      ],
    },
    {
      key: "c-dr-unfiltered",
      name: "Older dilution refrigerator, room-temperature filters only",
      cryostat: "DILUTION",
      baseTemperatureK: 0.025,
      thermometry: "RuO₂ on the mixing chamber",
      thermometerPlacement: "mixing-chamber plate, not on the sample",
      excitation: "AC",
      excitationAmplitudeA: 1e-9,
      excitationFrequencyHz: 13.7,
      fourProbe: true,
      linearResponseChecked: false,
      shielding: "open sample holder; no radiation-tight can",
      notes: "No cryogenic filtering; attenuation of the room-temperature filters above 1 GHz not measured.",
      filterStages: [{ position: 1, type: "PI", stage: "ROOM", attenuationDb: 30, bandLowHz: 1e7, bandHighHz: 1e9, notes: "feedthrough π filters at the top of the fridge" }],
    },
  ];
  const sample: DemoSample = {
    key: "c-moge-4",
    name: "a-MoGe strip M4",
    material: "a-Mo₄₃Ge₅₇",
    morphology: "AMORPHOUS",
    thicknessNm: 4,
    substrate: "Si with 100 nm SiN",
    depositionMethod: "co-sputtering from Mo and Ge targets",
    depositionO2PressureMbar: null,
    depositionNotes: "2.5 nm Ge buffer and 3 nm Ge cap",
    geometry: "HALL_BAR",
    squares: 5,
    leadMaterial: "Mo/Au",
    notes: "The same chip was measured in both refrigerators within two weeks.",
    provenance: "Synthetic demo film illustrating the effect of radiation filtering on low-temperature transport.",
    filmKey: "c-moge-4",
    stageIndex: 0,
    annealStage: "S0",
    parentKey: null,
    annealTreatment: null,
    visibility: "SHARED",
    sharedWithLabKeys: [LAB_A],
  };
  const RN = 2200;
  const fields = [0, 500, 1000, 1500, 2000, 3000];
  const Tc0Of = (H: number) => 0.95 * (1 - H / 3500);
  const plans: DemoCurvePlan[] = [];
  setups.forEach((setup, si) => {
    const filtered = si === 0;
    fields.forEach((H, i) => {
      const key = `${sample.key}-${filtered ? "f" : "u"}-h${H}`;
      const rng = createRng(mixSeeds(hashString(key), 3));
      let law: TLawSpec;
      if (H >= 3000) {
        // above the critical field: weakly insulating
        law = { law: "hopping", prefactor: { kind: "power", R: RN * 1.15, Tref: 1, alpha: 0.06 }, T0: 0.03, p: 0.5 };
      } else {
        const bg: TBackgroundSpec = { kind: "flat", R: RN * (1 + H / 20000) };
        const tr = hn(RN, Tc0Of(H), 0.8, 0.92);
        // Poor filtering: a residual resistance that grows with field (noise-driven vortex motion)
        // on top of the same transition.
        law = filtered
          ? { law: "sc-transition", background: bg, transition: tr }
          : { law: "failed-superconductor", rhoQF: 150 * (0.02 + H / 1500), background: bg, transition: tr };
      }
      const spec: TCurveSpec = {
        law,
        window: sweepWindow(rng, rng.uniform(0.028, 0.034), rng.uniform(1.8, 2.2), { spacing: "log" }),
        noise: demoNoise(rng, 0.3),
        // Poor filtering also overheats the electrons: T_e = (T⁵ + T_sat⁵)^(1/5).
        ...(filtered ? {} : { electronHeating: { Tsat: 0.12, n: 5 } }),
      };
      plans.push({
        labKey: LAB_C,
        spec,
        curve: {
          key,
          sampleKey: sample.key,
          setupKey: setup.key,
          kind: "RT",
          quantity: "SHEET_RESISTANCE",
          conditions: {
            H_Oe: H,
            fieldOrientation: "PERPENDICULAR",
            P_GPa: null,
            pressureDirection: null,
            pressureMedium: null,
            annealStage: "S0",
            sweepDirection: "COOLING",
            sequence: si * fields.length + i + 1,
          },
          measuredAt: isoDate(filtered ? 220 + i : 235 + i, 11),
        },
      });
    });
  });
  return {
    lab: {
      key: LAB_C,
      slug: "lindqvist-mesoscopic",
      name: "Lindqvist Mesoscopic Superconductivity Lab",
      institution: "Westmere Polytechnic (fictional)",
      description: "Disordered superconducting films measured in two refrigerators with different radiation filtering. Demo lab with synthetic data.",
      members: [member("Gustav", "Lindqvist", "OWNER"), member("Hana", "Kobayashi", "MEMBER")],
      setups,
      samples: [sample],
    },
    plans,
  };
}

// ---------------------------------------------------------------------------
// public API
// ---------------------------------------------------------------------------

function allPlans(): Array<{ lab: Omit<DemoLab, "curves" | "isothermSets">; plans: DemoCurvePlan[] }> {
  return [labAPlans(), labBPlans(), labCPlans()];
}

/** The curve specifications behind the demo dataset (for tests and documentation; not part of the data). */
export function demoCurvePlans(): DemoCurvePlan[] {
  return allPlans().flatMap((x) => x.plans);
}

/** Builds the demo dataset. Deterministic: every call returns identical values. */
export function buildDemoDataset(): DemoDataset {
  const labs: DemoLab[] = allPlans().map(({ lab, plans }) => ({
    ...lab,
    isothermSets: demoIsothermSets(lab.key, lab.setups[0]!.key),
    curves: plans.map((plan) => {
      const rng = createRng(mixSeeds(hashString(plan.curve.key), 99));
      const { T, R } = generateCurve(plan.spec, rng);
      return { ...plan.curve, T, R };
    }),
  }));
  return { version: DEMO_DATASET_VERSION, labs };
}
