/** Compact number formatting for text (tables, tooltips). Axis ticks and their labels are in ./ticks.ts. */
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
