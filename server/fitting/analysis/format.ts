/** Number formatting for the human-readable reasons. */

export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 1).replace("e+", "e");
  return Number(v.toPrecision(digits)).toString();
}

/** "412 ± 9" with the uncertainty rounded to 2 significant digits and the value to match. */
export function fmtPm(value: number, unc: number | null | undefined, unit = ""): string {
  const u = unc ?? NaN;
  const suffix = unit ? ` ${unit}` : "";
  if (!Number.isFinite(value)) return `${value}${suffix}`;
  if (!Number.isFinite(u) || u <= 0) return `${fmt(value)}${suffix}`;
  const a = Math.max(Math.abs(value), u);
  if (a >= 1e5 || a < 1e-3) {
    const e = Math.floor(Math.log10(a));
    const s = 10 ** e;
    const decimals = Math.max(0, Math.min(6, e - Math.floor(Math.log10(u)) + 1));
    return `(${(value / s).toFixed(decimals)} ± ${(u / s).toFixed(decimals)})e${e}${suffix}`;
  }
  const decimals = Math.max(0, Math.min(8, 1 - Math.floor(Math.log10(u))));
  return `${value.toFixed(decimals)} ± ${u.toFixed(decimals)}${suffix}`;
}
