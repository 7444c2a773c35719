/**
 * Properties: whatever the bytes, the parser returns (never throws) and every curve it returns
 * is clean — finite values, T > 0, monotonic in its swept variable, in acquisition order.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createParser, parseBytes } from "../parser";
import type { ParsedFile, TParseOptions } from "../index";
import { bytes, fileViolations } from "./helpers";

const FIX = new URL("../__fixtures__/", import.meta.url);
const fixtures = readdirSync(FIX).map((name) => readFileSync(new URL(name, FIX)));

function parseChunked(b: Uint8Array, cuts: number[], options: TParseOptions = {}): ParsedFile {
  const p = createParser({ fileName: "prop", ...options });
  let o = 0;
  for (const c of cuts) {
    if (o >= b.length) break;
    const step = Math.max(1, c);
    p.push(b.subarray(o, Math.min(b.length, o + step)));
    o += step;
  }
  if (o < b.length) p.push(b.subarray(o));
  return p.finish();
}

/** Applies one corruption to a valid file. */
type Corruption =
  | { kind: "truncate"; at: number }
  | { kind: "flip"; at: number[]; value: number[] }
  | { kind: "garbage-line"; at: number; line: Uint8Array }
  | { kind: "swap-delimiter"; from: number; to: number; everyNth: number }
  | { kind: "duplicate-block"; at: number; len: number };

function corrupt(src: Uint8Array, c: Corruption): Uint8Array {
  const b = Uint8Array.from(src);
  const pos = (x: number) => (b.length === 0 ? 0 : Math.floor(x * b.length));
  switch (c.kind) {
    case "truncate":
      return b.subarray(0, pos(c.at));
    case "flip":
      c.at.forEach((x, i) => {
        if (b.length) b[Math.min(b.length - 1, pos(x))] = c.value[i % c.value.length]!;
      });
      return b;
    case "garbage-line": {
      let p = pos(c.at);
      while (p < b.length && b[p] !== 10) p++;
      if (p >= b.length) p = b.length - 1; // no LF after it (e.g. a CR-only file): append at the end
      const out = new Uint8Array(b.length + c.line.length + 1);
      out.set(b.subarray(0, p + 1));
      out.set(c.line, p + 1);
      out[p + 1 + c.line.length] = 10;
      out.set(b.subarray(p + 1), p + 2 + c.line.length);
      return out;
    }
    case "swap-delimiter": {
      let n = 0;
      for (let i = 0; i < b.length; i++) if (b[i] === c.from && n++ % c.everyNth === 0) b[i] = c.to;
      return b;
    }
    case "duplicate-block": {
      const a = pos(c.at);
      const block = b.subarray(a, Math.min(b.length, a + c.len));
      const out = new Uint8Array(b.length + block.length);
      out.set(b.subarray(0, a + block.length));
      out.set(block, a + block.length);
      out.set(b.subarray(a + block.length), a + 2 * block.length);
      return out;
    }
  }
}

const unit = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: unit }),
  fc.record({
    kind: fc.constant("flip" as const),
    at: fc.array(unit, { minLength: 1, maxLength: 20 }),
    value: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 5 }),
  }),
  fc.record({
    kind: fc.constant("garbage-line" as const),
    at: unit,
    line: fc.oneof(
      fc.uint8Array({ maxLength: 80 }),
      fc.string({ maxLength: 60 }).map((s) => bytes(s)),
      fc.constantFrom(bytes("1e999,NaN,-0"), bytes("-5,-5,-5,-5"), bytes('"unterminated,1,2'), bytes("[Data]"), bytes("0,0,0,0")),
    ),
  }),
  fc.record({
    kind: fc.constant("swap-delimiter" as const),
    from: fc.constantFrom(44, 9, 59, 32, 46),
    to: fc.constantFrom(44, 9, 59, 32, 46, 124),
    everyNth: fc.integer({ min: 1, max: 7 }),
  }),
  fc.record({ kind: fc.constant("duplicate-block" as const), at: unit, len: fc.integer({ min: 1, max: 4000 }) }),
);

const cutsArb = fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 40 });
const optionsArb: fc.Arbitrary<TParseOptions> = fc.record(
  {
    segmentation: fc.record(
      {
        temperatureRel: fc.double({ min: 0, max: 0.05, noNaN: true }),
        fieldAbsOe: fc.double({ min: 0, max: 50, noNaN: true }),
        minPoints: fc.integer({ min: 2, max: 20 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe("parser robustness (fast-check)", () => {
  it("never throws on random bytes and never returns a bad curve", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), cutsArb, (b, cuts) => {
        const f = parseChunked(b, cuts);
        expect(fileViolations(f)).toEqual([]);
        expect(f.errors.length + f.curves.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("never throws on random text built from table-like pieces", () => {
    const piece = fc.constantFrom("T (K)", "R (Ohm)", "H (Oe)", ",", ";", "\t", " ", "\n", "\r\n", "\r", "#", '"', "1", "-2.5", "0", "1e-7", "NaN", "abc", "[Header]", "[Data]", "{", "}");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), cutsArb, (parts, cuts) => {
        const f = parseChunked(bytes(parts.join("")), cuts);
        expect(fileViolations(f)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("never throws on corrupted valid files (truncation, byte flips, garbage lines, swapped delimiters)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: fixtures.length - 1 }),
        fc.array(corruption, { minLength: 1, maxLength: 4 }),
        cutsArb,
        optionsArb,
        (which, corruptions, cuts, options) => {
          let b: Uint8Array = fixtures[which]!;
          for (const c of corruptions) b = corrupt(b, c);
          const f = parseChunked(b, cuts, options);
          expect(fileViolations(f)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);

  it("gives identical results whatever the chunking, beyond the sniffing prelude", () => {
    const rows = ["Time (s)\tT (K)\tB (T)\tR (Ohm)"];
    for (let k = 0; k < 12000; k++) {
      const T = 2 + Math.abs(((k % 4000) - 2000) / 10);
      rows.push(`${k}\t${T.toFixed(4)}\t${Math.floor(k / 4000) * 0.5}\t${(100 + T + Math.sin(k)).toFixed(5)}`);
    }
    const b = bytes(rows.join("\n"));
    expect(b.length).toBeGreaterThan(300_000);
    const whole = parseBytes(b, { fileName: "prop" });
    expect(whole.curves.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 30 }), (cuts) => {
        const f = parseChunked(b, cuts);
        expect(f.curves.map((c) => [c.kind, c.direction, c.sourceRows.first, c.sourceRows.last, c.R.length])).toEqual(
          whole.curves.map((c) => [c.kind, c.direction, c.sourceRows.first, c.sourceRows.last, c.R.length]),
        );
        expect(f.warnings).toEqual(whole.warnings);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
