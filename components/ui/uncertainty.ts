/**
 * "value ± uncertainty" with the uncertainty rounded to two significant figures and the value
 * to the same decimal place (the usual convention for reporting measurements).
 */
export function formatWithUncertainty(value: number | null | undefined, uncertainty: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  if (uncertainty == null || !Number.isFinite(uncertainty) || uncertainty <= 0) return `${+value.toPrecision(4)}`;
  const exponent = Math.floor(Math.log10(uncertainty)) - 1; // two significant figures
  const big = Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3;
  if (big) {
    const scale = Math.floor(Math.log10(Math.abs(value) || uncertainty));
    const digits = Math.max(0, scale - exponent);
    const mant = value / 10 ** scale;
    const unc = uncertainty / 10 ** scale;
    return `(${mant.toFixed(digits)} ± ${unc.toFixed(digits)})e${scale}`;
  }
  const decimals = Math.max(0, -exponent);
  return `${value.toFixed(decimals)} ± ${uncertainty.toFixed(decimals)}`;
}
