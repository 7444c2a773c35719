/**
 * Compression of dense curves for the nonlinear searches of variable
 * projection: points are averaged in bins of equal width in ln T. For a model
 * that varies slowly across a bin the binned weighted RSS differs from the
 * full one by a constant (the within-bin scatter), so the location of the
 * minimum is preserved to high accuracy; the final Levenberg–Marquardt polish
 * always runs on the full data. The returned arrays are work views, valid
 * until the next call (see workspace.ts).
 */
import { scratchF64 } from "../workspace";

export interface Binned {
  n: number;
  lnT: Float64Array;
  T: Float64Array;
  invT: Float64Array;
  y: Float64Array;
  /** summed weights (counts when unweighted) */
  w: Float64Array;
}

function copyWindow(lnT: Float64Array, y: Float64Array, w: Float64Array | null, i0: number, i1: number): Binned {
  const count = i1 - i0;
  const out: Binned = {
    n: count,
    lnT: scratchF64("bin.lnT", count),
    T: scratchF64("bin.T", count),
    invT: scratchF64("bin.invT", count),
    y: scratchF64("bin.y", count),
    w: scratchF64("bin.w", count),
  };
  out.lnT.set(lnT.subarray(i0, i1));
  out.y.set(y.subarray(i0, i1));
  if (w) out.w.set(w.subarray(i0, i1));
  else out.w.fill(1);
  for (let k = 0; k < count; k++) {
    out.T[k] = Math.exp(out.lnT[k]!);
    out.invT[k] = 1 / out.T[k]!;
  }
  return out;
}

export function binByLnT(
  lnT: Float64Array,
  y: Float64Array,
  w: Float64Array | null,
  i0: number,
  i1: number,
  maxBins: number,
): Binned {
  const count = i1 - i0;
  // (few readings: copied as they are, in a function of its own, see analysis/scan.ts)
  if (count <= maxBins * 1.5) return copyWindow(lnT, y, w, i0, i1);
  const lo = lnT[i0]!;
  const hi = lnT[i1 - 1]!;
  const width = (hi - lo) / maxBins || 1;
  const sx = scratchF64("bin.sx", maxBins).fill(0);
  const sy = scratchF64("bin.sy", maxBins).fill(0);
  const sw = scratchF64("bin.sw", maxBins).fill(0);
  for (let i = i0; i < i1; i++) {
    let k = Math.floor((lnT[i]! - lo) / width);
    if (k >= maxBins) k = maxBins - 1;
    if (k < 0) k = 0;
    const wi = w ? w[i]! : 1;
    sx[k] = sx[k]! + wi * lnT[i]!;
    sy[k] = sy[k]! + wi * y[i]!;
    sw[k] = sw[k]! + wi;
  }
  let m = 0;
  for (let k = 0; k < maxBins; k++) if (sw[k]! > 0) m++;
  const out: Binned = {
    n: m,
    lnT: scratchF64("bin.lnT", m),
    T: scratchF64("bin.T", m),
    invT: scratchF64("bin.invT", m),
    y: scratchF64("bin.y", m),
    w: scratchF64("bin.w", m),
  };
  let j = 0;
  for (let k = 0; k < maxBins; k++) {
    const s = sw[k]!;
    if (!(s > 0)) continue;
    out.lnT[j] = sx[k]! / s;
    out.T[j] = Math.exp(out.lnT[j]!);
    out.invT[j] = 1 / out.T[j]!;
    out.y[j] = sy[k]! / s;
    out.w[j] = s;
    j++;
  }
  return out;
}
