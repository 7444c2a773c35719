import { describe, expect, it } from "vitest";
import { LineSplitter, sniffBytes, TextDecoding } from "../bytes";
import { bytes } from "./helpers";

function split(chunks: Uint8Array[], sep: 10 | 13, max = 1 << 20): { lines: string[]; overflow: number | null } {
  const lines: string[] = [];
  let overflow: number | null = null;
  const dec = new TextDecoding();
  const s = new LineSplitter(sep, (b, a, e) => lines.push(dec.decode(b, a, e)), max, (n) => (overflow = n));
  for (const c of chunks) s.push(c);
  s.end();
  return { lines, overflow };
}

/** Cuts a byte array at every position into two chunks, and into 1-byte chunks. */
function allCuts(b: Uint8Array): Uint8Array[][] {
  const out: Uint8Array[][] = [[b], Array.from(b, (x) => Uint8Array.of(x))];
  for (let k = 1; k < b.length; k++) out.push([b.subarray(0, k), b.subarray(k)]);
  return out;
}

describe("LineSplitter", () => {
  it("splits LF, CRLF and a last line without newline, wherever the chunks are cut", () => {
    const b = bytes("a,1\r\nb,2\n\nc,3");
    for (const chunks of allCuts(b)) expect(split(chunks, 10).lines).toEqual(["a,1", "b,2", "", "c,3"]);
  });

  it("splits CR-only (old Mac) files", () => {
    const b = bytes("x\ry\rz\r");
    for (const chunks of allCuts(b)) expect(split(chunks, 13).lines).toEqual(["x", "y", "z"]);
  });

  it("reports a line longer than the limit and stops", () => {
    const r = split([bytes("short\n"), bytes("x".repeat(100))], 10, 50);
    expect(r.lines).toEqual(["short"]);
    expect(r.overflow).toBe(2);
  });
});

describe("TextDecoding", () => {
  it("decodes UTF-8 and falls back to ISO-8859-1 for invalid UTF-8", () => {
    const d = new TextDecoding();
    const utf8 = bytes("R (kΩ)");
    expect(d.decode(utf8, 0, utf8.length)).toBe("R (kΩ)");
    expect(d.usedLatin1).toBe(false);
    const latin1 = Uint8Array.from([0x54, 0x20, 0x28, 0xb5, 0x4b, 0x29]); // "T (µK)" in ISO-8859-1
    expect(d.decode(latin1, 0, latin1.length)).toBe("T (µK)");
    expect(d.usedLatin1).toBe(true);
  });
});

describe("sniffBytes", () => {
  it("recognises BOMs, UTF-16, binary signatures and empty input", () => {
    expect(sniffBytes(Uint8Array.of(0xef, 0xbb, 0xbf, 0x54))).toMatchObject({ kind: "text", bomLength: 3, hasUtf8Bom: true });
    expect(sniffBytes(Uint8Array.of(0xff, 0xfe, 0x54, 0))).toMatchObject({ kind: "utf-16le", bomLength: 2 });
    expect(sniffBytes(Uint8Array.of(0x54, 0, 0x2c, 0, 0x52, 0, 0x0a, 0))).toMatchObject({ kind: "utf-16le", bomLength: 0 });
    expect(sniffBytes(Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0)).binaryHint).toMatch(/ZIP/);
    expect(sniffBytes(Uint8Array.of(0x1f, 0x8b, 8, 0)).binaryHint).toMatch(/gzip/);
    expect(sniffBytes(Uint8Array.of(0x41, 0, 0x42, 0x43, 0, 0, 0x44)).kind).toBe("binary");
    expect(sniffBytes(bytes(" \r\n\t ")).kind).toBe("empty");
    expect(sniffBytes(new Uint8Array(0)).kind).toBe("empty");
  });
});
