/** Tick values for a log axis: decades, plus 2 and 5 within them when the range is short. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > 0) || min >= max) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const steps = hi - lo <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) {
    for (const m of steps) {
      const v = m * 10 ** e;
      if (v >= min * 0.999 && v <= max * 1.001) ticks.push(v);
    }
  }
  return ticks;
}

/** Compact number formatting for axis labels and tooltips (SI prefixes for large values). */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs === 0) return "0";
  if (abs >= 1e9) return `${+(value / 1e9).toPrecision(digits)}G`;
  if (abs >= 1e6) return `${+(value / 1e6).toPrecision(digits)}M`;
  if (abs >= 1e3) return `${+(value / 1e3).toPrecision(digits)}k`;
  if (abs < 1e-3) return value.toExponential(Math.max(0, digits - 1));
  return `${+value.toPrecision(digits)}`;
}

/** Padded [min, max] of the positive values (for log axes) or of all values. */
export function extent(values: readonly number[], isLog: boolean): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (isLog && v <= 0)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return null;
  if (isLog) return min === max ? [min / 2, max * 2] : [min / 1.15, max * 1.15];
  const pad = (max - min) * 0.04 || Math.abs(max) * 0.05 || 1;
  return [min - pad, max + pad];
}
