/**
 * Reusable work arrays. Typed arrays of a few hundred elements live outside
 * the JavaScript heap and cost an allocation and a finaliser each; a curve
 * analysis needs dozens of them. Internal code takes views of buffers kept
 * here instead. Rules: a view never escapes the function call that obtained
 * it (results are copied into plain numbers or fresh arrays), each call site
 * uses its own key, and the engine is synchronous (no interleaving).
 */

const f64 = new Map<string, Float64Array>();
const u8 = new Map<string, Uint8Array>();
const i32 = new Map<string, Int32Array>();

function grow(size: number, current: number): number {
  return Math.max(size, 2 * current, 64);
}

/** A Float64Array view of length n (contents unspecified). */
export function scratchF64(key: string, n: number): Float64Array {
  let b = f64.get(key);
  if (!b || b.length < n) {
    b = new Float64Array(grow(n, b?.length ?? 0));
    f64.set(key, b);
  }
  return b.subarray(0, n);
}

/** A zero-filled Uint8Array view of length n. */
export function scratchU8(key: string, n: number): Uint8Array {
  let b = u8.get(key);
  if (!b || b.length < n) {
    b = new Uint8Array(grow(n, b?.length ?? 0));
    u8.set(key, b);
  }
  const v = b.subarray(0, n);
  v.fill(0);
  return v;
}

/** An Int32Array view of length n (contents unspecified). */
export function scratchI32(key: string, n: number): Int32Array {
  let b = i32.get(key);
  if (!b || b.length < n) {
    b = new Int32Array(grow(n, b?.length ?? 0));
    i32.set(key, b);
  }
  return b.subarray(0, n);
}
