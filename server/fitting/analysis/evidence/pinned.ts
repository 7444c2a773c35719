/**
 * Readings pinned at an instrument limit. A film's resistance carries noise, reading after
 * reading; an instrument at the end of its range does not. When the coldest readings repeat one
 * exact non-zero value (an over-range code such as SCPI's 9.9E37, a range or compliance ceiling
 * that an insulator runs into, a floor of the instrument or of an export clipped for a log
 * plot), they measure the instrument, not the sample: where the film's resistance lies there,
 * above a ceiling or below a floor, is unknown. Zero itself is not a limit: a superconductor read
 * by an auto-zeroed bridge reads exactly 0 Ω, and that is a measurement.
 *
 * The pinned readings are set aside (reported, never dropped silently) and the answer from the
 * rest can only be a best guess (`instrument_limit`).
 */
import { fmt } from "../format";

/** identical readings in the cold run before they count as pinned: one noisy reading repeats by chance, five do not */
export const MIN_PINNED = 5;
/** readings of another value that may interleave with the pinned ones (a ceiling reached in noise) before the run ends */
const GAP = 3;

export interface Pinned {
  /** the repeated value (Ω) */
  value: number;
  /** how many readings repeat it */
  k: number;
  /** "ceiling": no reading exceeds it; "floor": no reading lies below it */
  limit: "ceiling" | "floor" | "level";
  reason: string;
}

/**
 * @param T ascending temperatures, @param R their readings
 * @returns the pinned cold run, or null when the coldest readings carry noise
 */
export function pinnedColdEnd(T: ArrayLike<number>, R: ArrayLike<number>): Pinned | null {
  const n = R.length;
  const v = R[0];
  if (n < 2 * MIN_PINNED || v === undefined || v === 0 || !Number.isFinite(v)) return null;
  let k = 0;
  let last = 0;
  for (let i = 0, misses = 0; i < n && misses < GAP; i++) {
    if (R[i] === v) {
      k++;
      last = i;
      misses = 0;
    } else misses++;
  }
  // most of the run is the one value, and readings of the film remain above it
  if (k < MIN_PINNED || k < 0.75 * (last + 1) || n - k < MIN_PINNED) return null;
  let above = 0;
  let below = 0;
  for (let i = 0; i < n; i++) {
    if (R[i]! > v) above++;
    else if (R[i]! < v) below++;
  }
  const limit = above === 0 ? "ceiling" : below === 0 ? "floor" : "level";
  const what =
    limit === "ceiling"
      ? "an instrument's range or compliance (or an over-range code): the film's resistance lies above it, by how much is not measured"
      : limit === "floor"
        ? "a floor of the instrument or of the export: the film's resistance lies at or below it, zero or not is not measured"
        : "a reading the instrument holds or repeats, not the film's";
  return {
    value: v,
    k,
    limit,
    reason: `the ${k} coldest readings (up to ${fmt(T[last]!, 3)} K) repeat one value exactly, ${fmt(v)} Ω, without the scatter every other reading has: ${what}`,
  };
}
