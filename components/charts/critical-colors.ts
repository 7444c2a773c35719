// Okabe–Ito palette: distinguishable for colour-blind readers.
const OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

/** n categorical colours (repeating after eight). */
export function categoricalColors(n: number): string[] {
  return Array.from({ length: n }, (_, i) => OKABE_ITO[i % OKABE_ITO.length]!);
}
