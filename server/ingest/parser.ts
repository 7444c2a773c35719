/**
 * The streaming entry point: createParser(options) → push(chunk)… → finish().
 *
 * The first PRELUDE_BYTES are buffered to sniff the encoding and the format (and, for
 * delimited text, the delimiter and header); from then on every chunk goes straight through
 * the line splitter into the format handler, which parses numbers in place and appends them
 * to growable Float64Arrays. Nothing file-sized is ever held as a string (JSON excepted).
 */
import { assembleCurves } from "./assemble";
import { detectLineSeparator, LineSplitter, sniffBytes, TextDecoding, Utf16Transcoder } from "./bytes";
import { createDelimitedHandler, DELIMITED_PARSER, sampleLines } from "./delimited";
import { DiagnosticSink } from "./diagnostics";
import type { FormatHandler } from "./handler";
import { JSON_PARSER, parseJsonUpload } from "./json";
import { createLakeShoreHandler, LAKESHORE_PARSER, looksLikeLakeShore } from "./lakeshore";
import { resolveOptions, type ResolvedOptions, type TParseOptions } from "./options";
import { createQdHandler, looksLikeQd, QD_PARSER } from "./qd-dat";
import { RowStore } from "./store";
import type { IngestParser, ParsedCurve, ParsedFile, ParserId, TFileFormat } from "./types";

/** Bytes buffered before the format is decided. */
export const PRELUDE_BYTES = 128 * 1024;

/** Parser ids of every format, for callers that record provenance. */
export const PARSERS = {
  delimited: DELIMITED_PARSER,
  qd: QD_PARSER,
  lakeshore: LAKESHORE_PARSER,
  json: JSON_PARSER,
} as const;

const NO_PARSER: ParserId = { name: "sniffer", version: "1.0.0" };

type Phase = "prelude" | "lines" | "json" | "failed" | "done";

class StreamingParser implements IngestParser {
  private readonly opts: ResolvedOptions;
  private readonly diags: DiagnosticSink;
  private readonly store = new RowStore();
  private readonly text = new TextDecoding();
  private phase: Phase = "prelude";
  private prelude: Uint8Array[] = [];
  private preludeLen = 0;
  private bytes = 0;
  private handler: FormatHandler | null = null;
  private splitter: LineSplitter | null = null;
  private transcoder: Utf16Transcoder | null = null;
  private skipBom = 0;
  private format: TFileFormat = "unknown";
  private parserId: ParserId = NO_PARSER;
  private readonly metadata: Record<string, string> = {};
  private jsonParts: Uint8Array[] = [];
  private jsonLen = 0;

  constructor(options?: TParseOptions) {
    this.opts = resolveOptions(options);
    this.diags = new DiagnosticSink(this.opts.fileName, this.opts.limits.maxWarningsPerCode);
  }

  push(chunk: Uint8Array): void {
    if (this.phase === "done") throw new Error("ingest parser: push() after finish()");
    if (this.phase === "failed" || chunk.length === 0) return;
    this.bytes += chunk.length;
    if (this.bytes > this.opts.limits.maxBytes) {
      this.fail(
        "file_too_large",
        `the file is larger than the limit of ${this.opts.limits.maxBytes} bytes`,
        `at most ${this.opts.limits.maxBytes} bytes (options.limits.maxBytes)`,
      );
      return;
    }
    switch (this.phase) {
      case "prelude":
        this.prelude.push(chunk.slice());
        this.preludeLen += chunk.length;
        if (this.preludeLen >= PRELUDE_BYTES) this.start(false);
        break;
      case "lines":
        this.feed(chunk);
        break;
      case "json": {
        const part = this.transcoder ? this.transcoder.push(chunk) : chunk.slice();
        this.jsonParts.push(part);
        this.jsonLen += part.length;
        break;
      }
    }
  }

  finish(): ParsedFile {
    if (this.phase === "done") throw new Error("ingest parser: finish() called twice");
    if (this.phase === "prelude") this.start(true);
    let curves: ParsedCurve[] = [];
    if (this.phase === "lines") {
      if (this.transcoder) this.splitter!.push(this.transcoder.end());
      if (this.splitter!.pending > 0) this.handler!.markFinalLine();
      this.splitter!.end();
      this.handler!.end();
      Object.assign(this.metadata, this.handler!.metadata);
      if (!this.diags.hasErrors()) {
        const stamp = Number(this.metadata.file_open_stamp);
        curves = assembleCurves(this.store, this.handler!.columns, {
          hasField: this.handler!.hasField,
          hasPressure: this.handler!.hasPressure,
          opts: this.opts,
          diags: this.diags,
          timeOrigin: this.metadata.file_time && stamp > 0 ? { stamp, iso: this.metadata.file_time } : null,
        });
      }
    } else if (this.phase === "json") {
      if (this.transcoder) {
        const tail = this.transcoder.end();
        this.jsonParts.push(tail);
        this.jsonLen += tail.length;
      }
      const all = concat(this.jsonParts, this.jsonLen);
      this.jsonParts = [];
      const text = this.text.decode(all, this.skipBom, all.length);
      curves = parseJsonUpload(text, this.opts, this.diags, this.metadata);
    }
    if (this.text.usedLatin1) this.metadata.encoding = "iso-8859-1";
    const deferred = this.diags.ifNoCurves;
    if (curves.length === 0 && !this.diags.hasErrors() && deferred) {
      this.diags.error(deferred.code, deferred.text, deferred.where, deferred.expected);
    }
    if (curves.length === 0 && !this.diags.hasErrors()) {
      this.diags.error(
        "no_curves",
        "no R(T) or R(H) sweep found: every channel was empty, dead, or never swept temperature or field beyond the tolerances (see the warnings)",
        {},
        "at least one temperature sweep at constant field or one field sweep at constant temperature",
      );
    }
    this.diags.finish();
    const errors = this.diags.errors;
    if (errors.length > 0) curves = [];
    this.phase = "done";
    const columns = this.handler?.columns ?? [];
    let points = 0;
    for (const c of curves) points += c.R.length;
    const stored = this.handler?.points ?? points;
    return {
      format: this.format,
      parser: this.parserId,
      metadata: this.metadata,
      columns,
      curves,
      warnings: this.diags.warnings,
      errors,
      stats: { bytes: this.bytes, lines: this.splitter?.lines ?? 0, rows: this.store.n, points: stored },
    };
  }

  private fail(code: string, message: string, expected?: string): void {
    this.diags.error(code, message, {}, expected);
    this.phase = "failed";
    this.prelude = [];
    this.jsonParts = [];
  }

  private feed(chunk: Uint8Array): void {
    if (this.handler!.stopped) return;
    if (this.transcoder) chunk = this.transcoder.push(chunk);
    this.splitter!.push(chunk);
  }

  /** Decides encoding and format from the prelude, then replays it through the handler. */
  private start(isFinal: boolean): void {
    const raw = concat(this.prelude, this.preludeLen);
    this.prelude = [];
    const sniff = sniffBytes(raw);
    if (sniff.kind === "empty") {
      this.fail("empty_file", "the file is empty (no characters other than blanks)", "a data file with a header and rows");
      return;
    }
    if (sniff.kind === "binary") {
      this.fail(
        "binary_file",
        `the file is not text: it looks like ${sniff.binaryHint}`,
        "a text export (CSV, TSV, Quantum Design .dat, Lake Shore .txt) or JSON",
      );
      return;
    }
    let text: Uint8Array = raw.subarray(sniff.bomLength);
    if (sniff.kind === "utf-16le" || sniff.kind === "utf-16be") {
      this.transcoder = new Utf16Transcoder(sniff.kind);
      text = this.transcoder.push(text);
      this.metadata.encoding = sniff.kind;
    } else {
      this.metadata.encoding = sniff.hasUtf8Bom ? "utf-8 (with BOM)" : "utf-8";
    }
    const head = this.text.decode(text, 0, Math.min(text.length, 8192));
    const firstChar = head.trimStart()[0];
    const forced = this.opts.format;
    let kind: "qd" | "lakeshore" | "json" | "delimited";
    if (forced === "qd-dat") kind = "qd";
    else if (forced === "lakeshore") kind = "lakeshore";
    else if (forced === "json") kind = "json";
    else if (forced === "delimited") kind = "delimited";
    else if (looksLikeQd(head.trimStart())) kind = "qd";
    else if (firstChar === "{" || /^\s*\[\s*(?:[{["\d-]|\])/.test(head)) kind = "json";
    else if (looksLikeLakeShore(head)) kind = "lakeshore";
    else kind = "delimited";

    if (kind === "json") {
      this.phase = "json";
      this.format = "json";
      this.parserId = JSON_PARSER;
      // Keep the raw bytes (BOM skipped at decode time); UTF-16 is already transcoded.
      if (this.transcoder) {
        this.jsonParts = [text];
        this.jsonLen = text.length;
      } else {
        this.jsonParts = [raw];
        this.jsonLen = raw.length;
        this.skipBom = sniff.bomLength;
      }
      return;
    }

    const sep = detectLineSeparator(text);
    if (kind === "qd") this.handler = createQdHandler(this.opts, this.diags, this.store, this.text);
    else if (kind === "lakeshore") this.handler = createLakeShoreHandler(this.opts, this.diags, this.store, this.text);
    else {
      const sample = sampleLines(text, sep, this.text, isFinal);
      this.handler = createDelimitedHandler(sample, this.opts, this.diags, this.store, this.text);
    }
    this.format = this.handler.format;
    this.parserId = this.handler.parser;
    this.splitter = new LineSplitter(
      sep,
      (buf, s, e, lineNo) => this.handler!.onLine(buf, s, e, lineNo),
      this.opts.limits.maxLineBytes,
      (lineNo) =>
        this.diags.error(
          "line_too_long",
          `line ${lineNo} is longer than ${this.opts.limits.maxLineBytes} bytes: not a text table (binary data?)`,
          { line: lineNo },
          `lines shorter than ${this.opts.limits.maxLineBytes} bytes (options.limits.maxLineBytes)`,
        ),
    );
    this.phase = "lines";
    if (!this.handler.stopped) this.splitter.push(text);
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p.subarray(0, Math.min(p.length, total - o)), o);
    o += p.length;
  }
  return out;
}

/** Creates a streaming parser. Throws only when the options themselves are invalid. */
export function createParser(options?: TParseOptions): IngestParser {
  return new StreamingParser(options);
}

/** Parses a whole file held in memory (pushed in 1 MiB chunks, like a stream). */
export function parseBytes(bytes: Uint8Array, options?: TParseOptions): ParsedFile {
  const p = createParser(options);
  const step = 1 << 20;
  for (let o = 0; o < bytes.length; o += step) p.push(bytes.subarray(o, Math.min(bytes.length, o + step)));
  return p.finish();
}
