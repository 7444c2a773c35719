/** Deterministic pseudo-noise in [−0.5, 0.5) (no Math.random, so generated files are the same on every machine). */
export function noise(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return x - Math.floor(x) - 0.5;
}
