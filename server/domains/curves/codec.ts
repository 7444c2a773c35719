/**
 * Curve points are stored as little-endian IEEE-754 doubles, one `bytea` per column.
 * Decoding copies into an aligned buffer, so it works whatever the offset of the input.
 */
export function encodeFloat64(values: ArrayLike<number>): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i]!, true);
  return out;
}

export function decodeFloat64(bytes: Uint8Array): Float64Array {
  if (bytes.byteLength % 8 !== 0) throw new Error(`A point column has ${bytes.byteLength} bytes, not a multiple of 8`);
  const n = bytes.byteLength / 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

/**
 * Keeps at most `max` points for drawing: every point when there are few, otherwise the
 * min and max of R in each of max/2 buckets (so spikes and transitions stay visible).
 */
export function downsampleIndices(r: ArrayLike<number>, max: number): number[] {
  const n = r.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor(max / 2));
  const picked: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let lo = start;
    let hi = start;
    for (let i = start; i < end; i++) {
      if (r[i]! < r[lo]!) lo = i;
      if (r[i]! > r[hi]!) hi = i;
    }
    if (lo === hi) picked.push(lo);
    else picked.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  return picked;
}
