/**
 * Axis ranges, tick positions and tick labels for every chart (curve charts, the phase diagram,
 * its figures and exports). Pure: numbers in, numbers and strings out.
 *
 * - Linear axes step by 1, 2 or 5 × 10ⁿ; the range is widened to whole steps, and an axis whose
 *   values are all ≥ 0 never reaches below zero.
 * - Log axes are labelled at decades (and at 2 and 5 when fewer than two decades are in view),
 *   with unlabelled minor ticks at 2…9 × 10ⁿ.
 * - Units take SI prefixes (Ω, kΩ, MΩ; mK, K; µS): on a linear axis one prefix for the whole
 *   axis, named in its title; on a log axis in each label.
 */

export interface Tick {
  value: number;
  /** empty for a minor tick */
  label: string;
  major: boolean;
}

export interface AxisLayout {
  domain: [number, number];
  ticks: Tick[];
  /** the unit the labels are written in, with its prefix on a linear axis ("kΩ"); "" when none */
  unit: string;
}

/** Units that take SI prefixes. Pressure stays in GPa, thickness in nm, fields in Oe. */
const PREFIXABLE = new Set(["Ω", "Ω/□", "K", "S", "V", "A"]);
const PREFIXES: { exp: number; symbol: string }[] = [
  { exp: 9, symbol: "G" },
  { exp: 6, symbol: "M" },
  { exp: 3, symbol: "k" },
  { exp: 0, symbol: "" },
  { exp: -3, symbol: "m" },
  { exp: -6, symbol: "µ" },
  { exp: -9, symbol: "n" },
];
const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** Rounds away binary noise (0.30000000000000004 → 0.3). */
function clean(v: number): number {
  return v === 0 ? 0 : +v.toPrecision(12);
}

/** The 1-2-5 step that gives about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const m = raw / mag;
  const factor = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  return clean(factor * mag);
}

/** Multiples of `step` within [min, max]. */
export function stepTicks(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  if (!(step > 0)) return out;
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  for (let i = first; i <= last && out.length < 1000; i++) out.push(clean(i * step));
  return out;
}

/** Tick values of a log axis: labelled ones and unlabelled minor ones, in increasing order. */
export function logTickValues(min: number, max: number, maxLabels = 10): { value: number; major: boolean }[] {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) return [];
  const lo = Math.floor(Math.log10(min) + 1e-9);
  const hi = Math.ceil(Math.log10(max) - 1e-9);
  const inside = (v: number) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  const all: { value: number; mantissa: number; exp: number }[] = [];
  for (let e = lo; e <= hi; e++) for (let m = 1; m <= 9; m++) {
    const value = clean(m * 10 ** e);
    if (inside(value)) all.push({ value, mantissa: m, exp: e });
  }
  const decades = all.filter((t) => t.mantissa === 1).length;
  let labelled: (t: { mantissa: number; exp: number }) => boolean;
  if (decades >= 2) {
    const every = Math.max(1, Math.ceil(decades / maxLabels));
    labelled = (t) => t.mantissa === 1 && t.exp % every === 0;
  } else {
    const some = all.filter((t) => t.mantissa === 1 || t.mantissa === 2 || t.mantissa === 5).length;
    labelled = some >= 2 ? (t) => t.mantissa === 1 || t.mantissa === 2 || t.mantissa === 5 : () => true;
  }
  if (all.filter(labelled).length < 2) {
    // less than a factor of ten around one mantissa: round linear steps inside the range
    const step = niceStep(max - min, 5);
    return stepTicks(min, max, step).map((value) => ({ value, major: true }));
  }
  const showMinor = hi - lo <= 2 * maxLabels;
  return all.filter((t) => labelled(t) || showMinor).map((t) => ({ value: t.value, major: labelled(t) }));
}

/** The SI prefix that writes `magnitude` in `unit` with 1 to 3 digits before the point. */
export function siPrefix(magnitude: number, unit: string): { factor: number; unit: string } {
  if (!PREFIXABLE.has(unit) || !(magnitude > 0) || !Number.isFinite(magnitude)) return { factor: 1, unit };
  const exp = Math.floor(Math.log10(magnitude) + 1e-9);
  const prefix = PREFIXES.find((p) => exp >= p.exp) ?? PREFIXES[PREFIXES.length - 1]!;
  // kelvin above 1 K stays in K (no kK); mK below
  if (unit === "K" && prefix.exp > 0) return { factor: 1, unit };
  return { factor: 10 ** prefix.exp, unit: `${prefix.symbol}${unit}` };
}

/** 10ⁿ written with superscripts. */
export function powerOfTen(exp: number): string {
  return `10${String(exp)
    .split("")
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join("")}`;
}

/** A number written with as many decimals as `step` needs (0.5 → "0.5", 1 → "1", 1e-4 → "1×10⁻⁴"). */
export function formatStepped(value: number, step: number): string {
  if (value === 0) return "0";
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  if (decimals > 4 || Math.abs(value) >= 1e5) {
    const exp = Math.floor(Math.log10(Math.abs(value)) + 1e-9);
    const mantissa = clean(value / 10 ** exp);
    return mantissa === 1 ? powerOfTen(exp) : mantissa === -1 ? `−${powerOfTen(exp)}` : `${mantissa}×${powerOfTen(exp)}`.replace("-", "−");
  }
  return value.toFixed(decimals).replace("-", "−");
}

/** A value with its unit and SI prefix, for log-axis labels and tooltips: 6450 Ω → "6.45 kΩ". */
export function formatWithUnit(value: number, unit: string, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return unit ? `0 ${unit}` : "0";
  if (PREFIXABLE.has(unit)) {
    const p = siPrefix(Math.abs(value), unit);
    return `${+(value / p.factor).toPrecision(digits)} ${p.unit}`.replace("-", "−");
  }
  const abs = Math.abs(value);
  const text = abs >= 1e5 || abs < 1e-3 ? formatStepped(value, abs / 10 ** (digits - 1)) : `${+value.toPrecision(digits)}`.replace("-", "−");
  return unit ? `${text} ${unit}` : text;
}

/** Range of the finite values (positive ones only for a log axis), or null. */
function dataRange(values: Iterable<number>, isLog: boolean): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (isLog && v <= 0)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? null : [min, max];
}

/**
 * The layout of a linear axis over [min, max]: a 1-2-5 step giving about `pixels / 80` intervals,
 * the range widened to whole steps (never below zero when min ≥ 0), labels in one prefixed unit.
 */
export function linearAxis(min: number, max: number, opts: { unit?: string; pixels?: number; snap?: boolean } = {}): AxisLayout {
  const unit = opts.unit ?? "";
  const count = Math.max(2, Math.round((opts.pixels ?? 400) / 80));
  let lo = min;
  let hi = max;
  if (hi - lo <= Math.abs(hi) * 1e-9) {
    hi = lo;
    const pad = Math.abs(lo) * 0.1 || 1;
    lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
    hi += pad;
  }
  let step = niceStep(hi - lo, count);
  if (opts.snap !== false) {
    const snappedLo = Math.floor(lo / step + 1e-9) * step;
    const snappedHi = Math.ceil(hi / step - 1e-9) * step;
    lo = min >= 0 ? Math.max(0, snappedLo) : snappedLo;
    hi = snappedHi;
    step = niceStep(hi - lo, count);
  }
  const { factor, unit: shown } = siPrefix(Math.max(Math.abs(lo), Math.abs(hi)), unit);
  const ticks = stepTicks(lo, hi, step).map((value) => ({ value, label: formatStepped(clean(value / factor), step / factor), major: true }));
  return { domain: [clean(lo), clean(hi)], ticks, unit: shown };
}

/** The layout of a log axis over [min, max] (both > 0): decades, or 1-2-5 within one decade, and minor ticks. */
export function logAxis(min: number, max: number, opts: { unit?: string; pixels?: number } = {}): AxisLayout {
  const unit = opts.unit ?? "";
  const lo = min === max ? min / 2 : min;
  const hi = min === max ? max * 2 : max;
  const maxLabels = Math.max(3, Math.floor((opts.pixels ?? 400) / 45));
  const ticks = logTickValues(lo, hi, maxLabels).map((t) => ({ value: t.value, major: t.major, label: t.major ? logLabel(t.value, unit) : "" }));
  return { domain: [lo, hi], ticks, unit };
}

function logLabel(value: number, unit: string): string {
  if (PREFIXABLE.has(unit)) return formatWithUnit(value, unit);
  const exp = Math.floor(Math.log10(value) + 1e-9);
  if (exp >= 5 || exp <= -4) {
    const mantissa = clean(value / 10 ** exp);
    return mantissa === 1 ? powerOfTen(exp) : `${mantissa}×${powerOfTen(exp)}`;
  }
  return `${clean(value)}`;
}

/**
 * The axis for a set of values: a log axis over the positive ones padded by a few percent, or a
 * linear one widened to whole steps. Null when nothing can be drawn.
 */
export function axisFor(values: Iterable<number>, opts: { isLog: boolean; unit?: string; pixels?: number }): AxisLayout | null {
  const range = dataRange(values, opts.isLog);
  if (!range) return null;
  const [min, max] = range;
  if (opts.isLog) return logAxis(min === max ? min : min / 1.08, min === max ? max : max * 1.08, opts);
  return linearAxis(min, max, opts);
}

/** An axis title with its unit: "R (kΩ)", or the name alone when there is no unit. */
export function axisTitle(name: string, unit: string): string {
  return unit ? `${name} (${unit})` : name;
}

/** "R (kΩ)" → { name: "R", unit: "kΩ" }; a title without a unit in parentheses is all name. */
export function splitTitle(title: string): { name: string; unit: string } {
  const m = /^(.*\S)\s+\(([^()]+)\)$/.exec(title);
  return m ? { name: m[1]!, unit: m[2]! } : { name: title, unit: "" };
}

/** True when the positive values span more than `factor` (a linear axis would flatten all but the largest). */
export function spansFactor(values: Iterable<number>, factor: number): boolean {
  const range = dataRange(values, true);
  return range !== null && range[1] / range[0] > factor;
}
