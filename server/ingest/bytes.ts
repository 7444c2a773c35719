/**
 * Byte-level helpers: encoding detection, text decoding with ISO-8859-1 fallback,
 * binary sniffing and a streaming line splitter that never builds a file-sized string.
 */

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

/** Decodes one line (or header block) as UTF-8, falling back to ISO-8859-1 on invalid bytes. */
export class TextDecoding {
  /** True once any line needed the ISO-8859-1 fallback. */
  usedLatin1 = false;

  decode(buf: Uint8Array, start: number, end: number): string {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (buf[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    const view = buf.subarray(start, end);
    // ASCII is the same in every candidate encoding: skip the fatal decoder's exception path.
    if (ascii) return latin1.decode(view);
    try {
      return utf8Fatal.decode(view);
    } catch {
      this.usedLatin1 = true;
      return latin1.decode(view);
    }
  }
}

export interface Sniff {
  kind: "text" | "utf-16le" | "utf-16be" | "binary" | "empty";
  /** Bytes to skip at the start (byte-order mark). */
  bomLength: number;
  hasUtf8Bom: boolean;
  /** For "binary": what it looks like. */
  binaryHint?: string;
}

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

/** Looks at the first bytes of a file: BOM, UTF-16, binary signatures, control-character density. */
export function sniffBytes(b: Uint8Array): Sniff {
  if (startsWith(b, [0xef, 0xbb, 0xbf])) {
    const rest = b.subarray(3);
    const s = sniffBytes(rest);
    if (s.kind === "binary") return s;
    return { kind: s.kind === "empty" ? "empty" : "text", bomLength: 3, hasUtf8Bom: true };
  }
  if (startsWith(b, [0xff, 0xfe])) return { kind: b.length > 2 ? "utf-16le" : "empty", bomLength: 2, hasUtf8Bom: false };
  if (startsWith(b, [0xfe, 0xff])) return { kind: b.length > 2 ? "utf-16be" : "empty", bomLength: 2, hasUtf8Bom: false };

  const binary = (hint: string): Sniff => ({ kind: "binary", bomLength: 0, hasUtf8Bom: false, binaryHint: hint });
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return binary("a ZIP archive (an .xlsx workbook or a zipped file)");
  if (startsWith(b, [0x1f, 0x8b])) return binary("a gzip-compressed file");
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return binary("an old Excel/Office (.xls) file");
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return binary("a PDF document");
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return binary("a PNG image");
  if (startsWith(b, [0x89, 0x48, 0x44, 0x46])) return binary("an HDF5 file");

  const n = Math.min(b.length, 65536);
  let nonSpace = 0;
  let nul = 0;
  let ctrl = 0;
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) {
      nul++;
      if (i & 1) nulOdd++;
      else nulEven++;
    } else if (c < 9 || (c > 13 && c < 32) || c === 127) ctrl++;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) nonSpace++;
  }
  if (nonSpace === 0) return { kind: "empty", bomLength: 0, hasUtf8Bom: false };
  // UTF-16 without a byte-order mark: ASCII text leaves every other byte zero.
  // (at least 40 % of the odd, resp. even, positions are NUL and none of the others).
  if (n >= 4 && nulOdd > 0.2 * n && nulEven === 0) return { kind: "utf-16le", bomLength: 0, hasUtf8Bom: false };
  if (n >= 4 && nulEven > 0.2 * n && nulOdd === 0) return { kind: "utf-16be", bomLength: 0, hasUtf8Bom: false };
  if (nul > 0) return binary("binary data (it contains NUL bytes)");
  if (ctrl > Math.max(2, n * 0.01)) return binary("binary data (it contains many control characters)");
  return { kind: "text", bomLength: 0, hasUtf8Bom: false };
}

/** Converts a UTF-16 stream to UTF-8 bytes chunk by chunk. */
export class Utf16Transcoder {
  private readonly decoder: TextDecoder;
  private readonly encoder = new TextEncoder();
  constructor(kind: "utf-16le" | "utf-16be") {
    this.decoder = new TextDecoder(kind);
  }
  push(chunk: Uint8Array): Uint8Array {
    return this.encoder.encode(this.decoder.decode(chunk, { stream: true }));
  }
  end(): Uint8Array {
    return this.encoder.encode(this.decoder.decode());
  }
}

export type LineHandler = (buf: Uint8Array, start: number, end: number, lineNo: number) => void;

/**
 * Splits a byte stream into lines. In "lf" mode lines end at LF (a CR before it is removed,
 * so CRLF works); in "cr" mode (old Mac files) they end at CR. Complete lines inside a chunk
 * are handed over as views into the chunk; only a line that spans chunks is copied.
 */
export class LineSplitter {
  private carry = new Uint8Array(256);
  private carryLen = 0;
  private lineNo = 0;
  private overflowed = false;

  constructor(
    private readonly sep: 10 | 13,
    private readonly onLine: LineHandler,
    private readonly maxLineBytes: number,
    private readonly onOverflow: (lineNo: number) => void,
  ) {}

  get lines(): number {
    return this.lineNo;
  }

  /** Bytes after the last line break, still to be emitted by end(). */
  get pending(): number {
    return this.overflowed ? 0 : this.carryLen;
  }

  push(chunk: Uint8Array): void {
    if (this.overflowed) return;
    const sep = this.sep;
    let pos = 0;
    const n = chunk.length;
    while (pos < n) {
      const idx = chunk.indexOf(sep, pos);
      if (idx < 0) {
        this.append(chunk, pos, n);
        return;
      }
      if (this.carryLen > 0) {
        this.append(chunk, pos, idx);
        if (this.overflowed) return;
        this.emit(this.carry, 0, this.carryLen);
        this.carryLen = 0;
      } else {
        if (idx - pos > this.maxLineBytes) {
          this.overflow();
          return;
        }
        this.emit(chunk, pos, idx);
      }
      pos = idx + 1;
    }
  }

  end(): void {
    if (this.overflowed) return;
    if (this.carryLen > 0) {
      this.emit(this.carry, 0, this.carryLen);
      this.carryLen = 0;
    }
  }

  private emit(buf: Uint8Array, start: number, end: number): void {
    if (end > start && buf[end - 1] === 13) end--;
    this.lineNo++;
    this.onLine(buf, start, end, this.lineNo);
  }

  private append(chunk: Uint8Array, from: number, to: number): void {
    const len = to - from;
    if (len <= 0) return;
    const need = this.carryLen + len;
    if (need > this.maxLineBytes) {
      this.overflow();
      return;
    }
    if (need > this.carry.length) {
      let cap = this.carry.length * 2;
      while (cap < need) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.carry.subarray(0, this.carryLen));
      this.carry = next;
    }
    this.carry.set(chunk.subarray(from, to), this.carryLen);
    this.carryLen = need;
  }

  private overflow(): void {
    this.overflowed = true;
    this.carryLen = 0;
    this.onOverflow(this.lineNo + 1);
  }
}

/** Chooses the line separator from the first bytes: LF if any LF occurs, else CR if any CR. */
export function detectLineSeparator(b: Uint8Array): 10 | 13 {
  if (b.indexOf(10) >= 0) return 10;
  if (b.indexOf(13) >= 0) return 13;
  return 10;
}
