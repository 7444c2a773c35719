/**
 * Allocation-free decimal number parsing straight from bytes.
 *
 * Grammar: [spaces] [+|-] digits [. digits] [(e|E|d|D) [+|-] digits] [spaces], with at least
 * one mantissa digit; "," is the decimal separator when `decimalComma` is set (a "." is still
 * accepted). Surrounding double quotes are ignored.
 * Missing-value tokens (empty, NA, N/A, null, none, -, --, ---) give status MISSING; NaN and
 * ±inf/±Infinity give status NONFINITE (written by the instrument: reported, never silently
 * absent). Anything else that is not a finite number (including an overflowing "1e999")
 * gives status INVALID.
 *
 * Results are correctly rounded (identical to `Number(text)`): mantissas of up to 15
 * significant digits with |exponent| ≤ 22 take Clinger's exact fast path; everything else
 * falls back to `Number()` on the (rare) text.
 */

export const NUM_OK = 0;
export const NUM_MISSING = 1;
export const NUM_INVALID = 2;
export const NUM_NONFINITE = 3;

/** Status of the last `parseNumber` call (module-level to avoid allocating result objects). */
export const numState = { status: NUM_OK };

const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

/** Largest mantissa for which mant·10 + 9 stays an exact integer in a double. */
const MANT_LIMIT = 900719925474098; // floor((2^53 - 9) / 10)

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Largest integer below which every integer is exact in a double. */
const TWO53 = 9007199254740992;

/**
 * Parses the number in buf[start, end). Fast path for the common case (no blanks or quotes
 * around it, ≤ 15–16 significant digits, |exponent| ≤ 22); everything else goes to
 * `parseNumberGeneral`, which handles the full grammar. Status in `numState.status`.
 */
export function parseNumber(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  if (end <= start) return parseNumberGeneral(buf, start, end, decimalComma);
  let i = start;
  let c = buf[i]!;
  const last = buf[end - 1]!;
  if (c === 32 || c === 9 || c === 34 || last === 32 || last === 9 || last === 34) {
    return parseNumberGeneral(buf, start, end, decimalComma);
  }
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let mant = 0;
  let nd = 0;
  let dot = -1;
  for (; i < end; i++) {
    c = buf[i]!;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      mant = mant * 10 + d;
      nd++;
      continue;
    }
    if (dot < 0 && (c === 46 || (decimalComma && c === 44))) {
      dot = nd;
      continue;
    }
    break;
  }
  if (nd === 0) return parseNumberGeneral(buf, start, end, decimalComma);
  let exp10 = dot >= 0 ? dot - nd : 0;
  if (i < end) {
    if (c !== 101 && c !== 69 && c !== 100 && c !== 68) return parseNumberGeneral(buf, start, end, decimalComma);
    i++;
    let eneg = false;
    if (i < end && (buf[i] === 45 || buf[i] === 43)) {
      eneg = buf[i] === 45;
      i++;
    }
    const e0 = i;
    let ev = 0;
    for (; i < end; i++) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) break;
      if (ev < 100000) ev = ev * 10 + d;
    }
    if (i === e0 || i !== end) return parseNumberGeneral(buf, start, end, decimalComma);
    exp10 += eneg ? -ev : ev;
  }
  // mant only grows digit by digit, so mant ≤ 2^53 at the end means every step was exact.
  if (mant > TWO53) return parseNumberGeneral(buf, start, end, decimalComma);
  let v: number;
  if (exp10 === 0 || mant === 0) v = mant;
  else if (exp10 > 0 && exp10 <= 22) v = mant * POW10[exp10]!;
  else if (exp10 < 0 && exp10 >= -22) v = mant / POW10[-exp10]!;
  else return parseNumberGeneral(buf, start, end, decimalComma);
  numState.status = NUM_OK;
  return neg ? -v : v;
}

/** End offset of the cell read by the last `scanCell` call (the delimiter's index, or the line end). */
export const cellState = { end: 0 };

/**
 * Parses the cell that starts at `start` in a line ending at `end`, whose cells are separated by
 * byte `delim`, in one pass: the number is read while the cell end is searched. Sets
 * `cellState.end` and `numState.status`. Quoted cells and anything unusual go through
 * `parseNumberGeneral` after the cell end is found.
 */
export function scanCell(buf: Uint8Array, start: number, end: number, delim: number, decimalComma: boolean): number {
  let i = start;
  if (i >= end || buf[i] === delim) {
    cellState.end = i;
    numState.status = NUM_MISSING;
    return NaN;
  }
  let c = buf[i]!;
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let mant = 0;
  let nd = 0;
  let dot = -1;
  for (; i < end; i++) {
    c = buf[i]!;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      mant = mant * 10 + d;
      nd++;
      continue;
    }
    if (dot < 0 && (c === 46 || (decimalComma && c === 44 && delim !== 44))) {
      dot = nd;
      continue;
    }
    break;
  }
  let exp10 = dot >= 0 ? dot - nd : 0;
  if (nd > 0 && i < end && (c === 101 || c === 69 || c === 100 || c === 68)) {
    i++;
    let eneg = false;
    if (i < end && (buf[i] === 45 || buf[i] === 43)) {
      eneg = buf[i] === 45;
      i++;
    }
    const e0 = i;
    let ev = 0;
    for (; i < end; i++) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) break;
      if (ev < 100000) ev = ev * 10 + d;
    }
    if (i === e0) nd = 0; // "1e" is not a number: let the general parser say so
    exp10 += eneg ? -ev : ev;
  }
  if (nd > 0 && (i === end || buf[i] === delim) && mant <= TWO53 && exp10 >= -22 && exp10 <= 22) {
    cellState.end = i;
    numState.status = NUM_OK;
    const v = exp10 === 0 || mant === 0 ? mant : exp10 > 0 ? mant * POW10[exp10]! : mant / POW10[-exp10]!;
    return neg ? -v : v;
  }
  // Slow path: find the cell end (quotes allowed), then parse the whole cell.
  i = start;
  let cs = start;
  let ce: number;
  if (buf[i] === 34) {
    i++;
    while (i < end) {
      if (buf[i] === 34) {
        if (i + 1 < end && buf[i + 1] === 34) {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    cs = start + 1;
    ce = i;
    while (i < end && buf[i] !== delim) i++;
  } else {
    while (i < end && buf[i] !== delim) i++;
    ce = i;
  }
  cellState.end = i;
  return parseNumberGeneral(buf, cs, ce, decimalComma);
}

/** The full grammar (blanks, quotes, missing-value tokens, long mantissas, big exponents). */
function parseNumberGeneral(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  if (end - start >= 2 && buf[start] === 34 && buf[end - 1] === 34) {
    start++;
    end--;
    while (start < end && isSpace(buf[start]!)) start++;
    while (end > start && isSpace(buf[end - 1]!)) end--;
  }
  if (start === end) {
    numState.status = NUM_MISSING;
    return NaN;
  }
  let i = start;
  let c = buf[i]!;
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let mant = 0;
  let exact = true;
  let digits = 0;
  let exp10 = 0;
  // Integer part.
  while (i < end) {
    c = buf[i]!;
    const d = c - 48;
    if (d < 0 || d > 9) break;
    digits++;
    if (mant <= MANT_LIMIT) mant = mant * 10 + d;
    else {
      exact = false;
      exp10++;
    }
    i++;
  }
  // Fraction.
  if (i < end && (buf[i] === 46 || (decimalComma && buf[i] === 44))) {
    i++;
    while (i < end) {
      c = buf[i]!;
      const d = c - 48;
      if (d < 0 || d > 9) break;
      digits++;
      if (mant <= MANT_LIMIT) {
        mant = mant * 10 + d;
        exp10--;
      } else if (d !== 0) {
        exact = false;
      }
      i++;
    }
  }
  if (digits === 0) return parseSpecial(buf, start, end);
  // Exponent.
  if (i < end) {
    c = buf[i]!;
    if (c === 101 || c === 69 || c === 100 || c === 68) {
      i++;
      let eneg = false;
      if (i < end && (buf[i] === 45 || buf[i] === 43)) {
        eneg = buf[i] === 45;
        i++;
      }
      let ev = 0;
      let edigits = 0;
      while (i < end) {
        const d = buf[i]! - 48;
        if (d < 0 || d > 9) break;
        if (ev < 100000) ev = ev * 10 + d;
        edigits++;
        i++;
      }
      if (edigits === 0) {
        numState.status = NUM_INVALID;
        return NaN;
      }
      exp10 += eneg ? -ev : ev;
    }
  }
  if (i !== end) {
    numState.status = NUM_INVALID;
    return NaN;
  }
  numState.status = NUM_OK;
  if (exact) {
    let v: number;
    if (mant === 0) v = 0;
    else if (exp10 === 0) v = mant;
    else if (exp10 > 0 && exp10 <= 22) v = mant * POW10[exp10]!;
    else if (exp10 < 0 && exp10 >= -22) v = mant / POW10[-exp10]!;
    else return slowParse(buf, start, end);
    return neg ? -v : v;
  }
  return slowParse(buf, start, end);
}

function slowParse(buf: Uint8Array, start: number, end: number): number {
  let s = "";
  for (let k = start; k < end; k++) {
    const c = buf[k]!;
    // Decimal comma → point; Fortran exponent letters → e.
    s += c === 44 ? "." : c === 100 || c === 68 ? "e" : String.fromCharCode(c);
  }
  const v = Number(s);
  // Overflow to ±Infinity (e.g. "1e999") is not a measurement.
  if (!Number.isFinite(v)) {
    numState.status = NUM_INVALID;
    return NaN;
  }
  numState.status = NUM_OK;
  return v;
}

const NONFINITE_TOKENS = new Set(["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"]);

const MISSING_TOKENS = new Set([
  "na",
  "n/a",
  "null",
  "none",
  "-",
  "--",
  "---",
]);

function parseSpecial(buf: Uint8Array, start: number, end: number): number {
  numState.status = NUM_INVALID;
  if (end - start > 9) return NaN;
  let s = "";
  for (let k = start; k < end; k++) {
    const c = buf[k]!;
    s += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
  }
  if (MISSING_TOKENS.has(s)) numState.status = NUM_MISSING;
  else if (NONFINITE_TOKENS.has(s)) numState.status = NUM_NONFINITE;
  return NaN;
}

const encoder = new TextEncoder();

/** Convenience for strings (header detection, tests). Same grammar and status as parseNumber. */
export function parseNumberText(text: string, decimalComma = false): number {
  const b = encoder.encode(text);
  return parseNumber(b, 0, b.length, decimalComma);
}
