/**
 * A drop at the cold end that the outlier screen set aside: the coldest readings (at most three,
 * each colder than every reading kept) are flagged, and one lies below half the level of the
 * readings just above them. (A low reading with kept readings colder than it is a glitch.) A
 * single reading cannot tell a glitch from a transition that begins at the window's edge (zero
 * resistance read with an instrument offset is negative, and so not "within the noise of
 * zero"), so the curve above it is no evidence that the film stays a metal or an insulator.
 */
import { fmt } from "../format";

/** At most this many coldest readings are screened; this many kept readings set the level above them. */
const COLD = 3;
const ABOVE = 5;

/**
 * @param T ascending temperatures, @param R their readings, @param flags 1 for a reading set aside as an outlier
 * @returns why the labels of the rest are not conclusive, or null
 */
export function coldDropEvidence(T: ArrayLike<number>, R: ArrayLike<number>, flags: Uint8Array): string | null {
  const n = R.length;
  const above: number[] = [];
  for (let i = 0; i < n && above.length < ABOVE; i++) if (!flags[i]) above.push(R[i]!);
  if (above.length < ABOVE) return null;
  above.sort((a, b) => a - b);
  const level = above[ABOVE >> 1]!;
  if (!(level > 0)) return null;
  for (let i = 0; i < Math.min(COLD, n) && flags[i]; i++) {
    if (R[i]! < 0.5 * level) {
      return `the reading at ${fmt(T[i]!, 3)} K (${fmt(R[i]!)} Ω) lies far below the readings above it (${fmt(level)} Ω) and was set aside as an outlier; a transition that begins at the cold edge of the window cannot be excluded`;
    }
  }
  return null;
}
