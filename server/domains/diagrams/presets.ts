import type { TDiagramQueryInput } from "./schemas";

export interface DiagramPreset {
  id: string;
  title: string;
  /** what a physicist should see, and where the figure comes from */
  description: string;
  query: TDiagramQueryInput;
}

/** Standard views: the figures of the seed papers, drawn from whatever data the viewer may read. */
export const DIAGRAM_PRESETS: readonly DiagramPreset[] = [
  {
    id: "pressure-sequence",
    title: "Phases along pressure, one row per sample",
    description: "The pressure sequence I1 → S → M1 → M2 → I2 of amorphous InO in a diamond anvil cell (seed 003), with the boundaries located along each run.",
    query: { x: "P", y: "sample" },
  },
  {
    id: "tc-pressure",
    title: "Tc against pressure, per sample",
    description: "Tc at 90 % of the normal state against pressure for every sample measured under pressure, like Fig. 2d of seed 003: non-monotonic for samples that start insulating or near the transition.",
    query: { x: "P", y: "Tc90", colorBy: "sample" },
  },
  {
    id: "ratio-pressure",
    title: "R(350 mK)/R(300 K) against pressure",
    description:
      "The inverse residual-resistance ratio of each pressure step (seed 003, Fig. 3d): near zero in the superconductor, of order 1 in the failed superconductor, large in the failed insulator and insulators. Curves labelled S read zero within noise and are left off the log axis.",
    query: { x: "P", y: "ratio350", yScale: "log", colorBy: "sample" },
  },
  {
    id: "wl-pressure",
    title: "Weak-localization prefactor A against pressure",
    description: "A of G = G₀ + A·ln(T/T₀) fitted above Tc (seed 003, Fig. 3f): suppressed at high pressure; the M2 → I2 boundary sits near A ≈ 1×10⁻⁵ S.",
    query: { x: "P", y: "wlA", yScale: "log", colorBy: "sample" },
  },
  {
    id: "field-saturation",
    title: "Saturation value against field",
    description: "ρ_QF of failed superconductors and 1/σ_QF of failed insulators against field (seed 001, Fig. 4), one panel per material; the dashed line is h/4e².",
    query: { x: "H", y: "Rsat", yScale: "log", colorBy: "sample", facetBy: "material" },
  },
  {
    id: "field-activation",
    title: "Activation energy against field",
    description: "E_aS below and E_aI above the field-tuned transition (seed 001, Fig. 4).",
    query: { x: "H", y: "Ea", colorBy: "sample", facetBy: "material" },
  },
  {
    id: "field-phases",
    title: "Phases along field, one row per sample",
    description: "The field-tuned failed superconductor and failed insulator of each anneal stage (seed 001), and the effect of radiation filtering.",
    query: { x: "H", y: "sample", facetBy: "material" },
  },
];
