// Stops of the viridis colour map: perceptually ordered, readable for colour-blind readers.
const VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"];

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa.map((v, k) => Math.round(v + (pb[k]! - v) * t).toString(16).padStart(2, "0")).join("")}`;
}

/** Colour i of n along an ordered series (e.g. increasing field or pressure); the light end is avoided. */
export function sequentialColor(i: number, n: number): string {
  const t = n <= 1 ? 0 : (i / (n - 1)) * 0.88;
  const pos = t * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(pos));
  return mix(VIRIDIS[k]!, VIRIDIS[k + 1]!, pos - k);
}
