/** Test helpers: curve invariants, a seeded generator, text encoding. */
import type { ParsedCurve, ParsedFile } from "../types";
import { mulberry32 } from "~/server/testing/mulberry32";

/** Every invariant a curve must satisfy; returns the violations (empty when fine). */
export function curveViolations(c: ParsedCurve): string[] {
  const v: string[] = [];
  const n = c.R.length;
  if (n < 2) v.push(`only ${n} point(s)`);
  if (c.T_K.length !== n) v.push(`T_K has ${c.T_K.length} values, R has ${n}`);
  // An R(H) curve from a file without a temperature column: NaN throughout, fixed.T_K null.
  const unknownT = c.kind === "RH" && c.fixed.T_K === null && c.T_K.every((t) => Number.isNaN(t));
  if (c.readings < n) v.push(`readings ${c.readings} < points ${n}`);
  if (c.counts) {
    let sum = 0;
    for (const k of c.counts) sum += k;
    if (sum !== c.readings) v.push(`counts sum to ${sum}, readings ${c.readings}`);
    if (c.counts.length !== n || c.R_spread?.length !== n) v.push("counts/R_spread length differs from points");
  } else if (c.readings !== n) v.push(`readings ${c.readings} without counts for ${n} points`);
  for (let i = 0; i < n; i++) {
    const t = c.T_K[i]!;
    if (!unknownT && (!Number.isFinite(t) || !(t > 0))) v.push(`T_K[${i}] = ${t}`);
    if (!Number.isFinite(c.R[i]!)) v.push(`R[${i}] = ${c.R[i]}`);
  }
  const mono = (x: Float64Array, up: boolean, what: string) => {
    for (let i = 1; i < x.length; i++) {
      if (up ? x[i]! < x[i - 1]! : x[i]! > x[i - 1]!) {
        v.push(`${what} not monotonic at ${i}: ${x[i - 1]} then ${x[i]}`);
        return;
      }
    }
  };
  if (c.kind === "RT") {
    if (c.H_Oe !== null) v.push("RT curve with per-point field");
    if (c.direction !== "warming" && c.direction !== "cooling") v.push(`RT direction ${c.direction}`);
    mono(c.T_K, c.direction === "warming", "T_K");
  } else {
    if (c.H_Oe === null) v.push("RH curve without per-point field");
    else {
      if (c.H_Oe.length !== n) v.push(`H_Oe has ${c.H_Oe.length} values`);
      for (let i = 0; i < c.H_Oe.length; i++) if (!Number.isFinite(c.H_Oe[i]!)) v.push(`H_Oe[${i}] = ${c.H_Oe[i]}`);
      if (c.direction !== "up" && c.direction !== "down") v.push(`RH direction ${c.direction}`);
      mono(c.H_Oe, c.direction === "up", "H_Oe");
    }
  }
  for (const [k, x] of Object.entries(c.fixed)) if (x !== null && !Number.isFinite(x)) v.push(`fixed.${k} = ${x}`);
  if (!(c.sourceRows.first <= c.sourceRows.last)) v.push(`sourceRows ${c.sourceRows.first}–${c.sourceRows.last}`);
  if (c.segmentReason.length === 0) v.push("empty segment reason");
  return v;
}

export function fileViolations(f: ParsedFile): string[] {
  const out: string[] = [];
  if (f.errors.length > 0 && f.curves.length > 0) out.push("curves returned together with errors");
  f.curves.forEach((c, i) => out.push(...curveViolations(c).map((m) => `curve ${i}: ${m}`)));
  return out;
}

/** Small deterministic generator (mulberry32) for reproducible test data. */
export function seeded(seed: number): { next(): number; uniform(a: number, b: number): number; normal(): number } {
  const next = mulberry32(seed);
  return {
    next,
    uniform: (a, b) => a + (b - a) * next(),
    normal: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

const enc = new TextEncoder();
export function bytes(text: string): Uint8Array {
  return enc.encode(text);
}

/** Messages of all diagnostics with the given code. */
export function codes(list: { code: string }[]): string[] {
  return list.map((d) => d.code);
}
