/**
 * One remembered result of a deterministic computation on arrays, found again only when every
 * input array has the same length and the same values (NaN never matches, so inputs with NaN are
 * always recomputed). The analysis fits the same window more than once: a variable-projection
 * estimate first, and the LM-polished fit of the same data later when the evidence asks for it;
 * the projection's 1-D search is the same both times and is done once. The inputs are copied (the
 * callers' arrays are work views, overwritten by the next curve), which costs a few microseconds
 * against the search's hundreds of exponentials.
 */
export class ArrayMemo<V> {
  private readonly keys: Float64Array[] = [];
  private readonly lengths: number[] = [];
  private value: V | null = null;

  constructor(private readonly arity: number) {
    for (let j = 0; j < arity; j++) {
      this.keys.push(new Float64Array(64));
      this.lengths.push(-1);
    }
  }

  /** The value stored with exactly these inputs, or null. */
  get(inputs: readonly Float64Array[]): V | null {
    if (this.value === null) return null;
    for (let j = 0; j < this.arity; j++) {
      const a = inputs[j]!;
      const n = a.length;
      if (this.lengths[j] !== n) return null;
      const k = this.keys[j]!;
      for (let i = 0; i < n; i++) if (k[i] !== a[i]) return null;
    }
    return this.value;
  }

  set(inputs: readonly Float64Array[], value: V): void {
    for (let j = 0; j < this.arity; j++) {
      const a = inputs[j]!;
      if (this.keys[j]!.length < a.length) this.keys[j] = new Float64Array(Math.max(a.length, 2 * this.keys[j]!.length));
      this.keys[j]!.set(a);
      this.lengths[j] = a.length;
    }
    this.value = value;
  }
}
