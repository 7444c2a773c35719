/**
 * Import instrument files.
 *
 *   npm run -s import -- --dry-run <file> [--mapping '<json>'] [--options '<json>']
 *       Parses the file and prints exactly one JSON object to stdout:
 *       {"format", "parser", "curves": [{kind, points, T_range_K, H_Oe, P_GPa, channel, segment_reason, …}],
 *        "warnings": [...], "errors": [...]}
 *       Exit code 0 whenever the file could be read (even if it has parse errors),
 *       1 when it cannot be read (missing, unreadable), 2 for bad arguments.
 *
 *   npm run -s import -- --lab <id|slug> --sample <id> [--setup <id>] [--pressure GPa]
 *                        [--as <email>] [--skip-bad-rows] [--exclude 0,3] [--template <name>]
 *                        [--channels '{"Bridge 2":"<sampleId>"}'] [--readout signed] [--temperature K] <file>
 *       Real import into the database (DATABASE_URL, or the embedded server) through the same
 *       upload service as the web page and the API: the raw file is stored with its SHA-256, and
 *       the Upload, its curves, their fit jobs and an audit event are written in one transaction.
 *       Acts as the user --as (default: the lab's first owner). Prints one JSON object: the
 *       upload's summary, or {"error": {code, message, details}} with exit code 1.
 *
 * Argument parsing lives in `parseArgs` only; `runDryRun(path)` is the reusable core
 * (a database import adds a step after it that stores `parsed.curves`).
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { createParser, ZColumnMapping, ZParseOptions, type ParsedFile, type TParseOptions } from "~/server/ingest";
import { mergedPointCount } from "~/server/domains/uploads/convert";
import { ZodError } from "zod";

export interface ImportArgs {
  dryRun: boolean;
  file: string | null;
  lab: string | null;
  sample: string | null;
  setup: string | null;
  pressureGPa: number | null;
  as: string | null;
  skipBadRows: boolean;
  exclude: number[];
  options: TParseOptions;
  /** channel → sample id (null: leave the channel out) */
  channels: Record<string, string | null>;
  /** signed | magnitude | unknown, for every curve or per channel */
  readout: string | Record<string, string> | null;
  /** a mapping template of the lab, by name or id */
  template: string | null;
  help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage:
  npm run -s import -- --dry-run <file> [--mapping '<json>'] [--options '<json>']
  npm run -s import -- --lab <labId|slug> --sample <sampleId> [--setup <setupId>] [--pressure <GPa>]
                       [--as <email>] [--skip-bad-rows] [--exclude 0,3] [--mapping '<json>'] [--template <name>]
                       [--channels '{"Bridge 2":"<sampleId>"}'] [--readout signed|magnitude|unknown] [--temperature <K>] <file>   (database import)`;

export function parseArgs(argv: readonly string[]): ImportArgs {
  const out: ImportArgs = {
    dryRun: false,
    file: null,
    lab: null,
    sample: null,
    setup: null,
    pressureGPa: null,
    as: null,
    skipBadRows: false,
    exclude: [],
    options: {},
    channels: {},
    readout: null,
    template: null,
    help: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const json = (text: string, flag: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      throw new UsageError(`${flag} must be JSON`);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    switch (a) {
      case "--dry-run":
        out.dryRun = true;
        break;
      case "--lab":
        out.lab = value(i, a);
        i++;
        break;
      case "--sample":
        out.sample = value(i, a);
        i++;
        break;
      case "--setup":
        out.setup = value(i, a);
        i++;
        break;
      case "--as":
        out.as = value(i, a);
        i++;
        break;
      case "--pressure": {
        const p = Number(value(i, a));
        if (!Number.isFinite(p) || p < 0) throw new UsageError("--pressure is in GPa and cannot be negative");
        out.pressureGPa = p;
        i++;
        break;
      }
      case "--exclude": {
        const v = value(i, a);
        if (!/^\d+(,\d+)*$/.test(v)) throw new UsageError("--exclude takes curve indices, e.g. 0,3 (as listed by --dry-run)");
        out.exclude = v.split(",").map(Number);
        i++;
        break;
      }
      case "--skip-bad-rows":
        out.skipBadRows = true;
        break;
      case "--channels": {
        const m = json(value(i, a), a);
        if (typeof m !== "object" || m === null || Array.isArray(m) || !Object.values(m).every((v) => v === null || typeof v === "string")) {
          throw new UsageError('--channels takes JSON like {"Bridge 1":"<sampleId>","Bridge 2":null}');
        }
        out.channels = m as Record<string, string | null>;
        i++;
        break;
      }
      case "--readout": {
        const v = value(i, a);
        out.readout = v.trim().startsWith("{") ? (json(v, a) as Record<string, string>) : v;
        i++;
        break;
      }
      case "--template":
        out.template = value(i, a);
        i++;
        break;
      case "--temperature": {
        const t = Number(value(i, a));
        if (!(t > 0)) throw new UsageError("--temperature is the temperature of the field sweeps in K (> 0)");
        out.options = { ...out.options, constants: { ...out.options.constants, T_K: t } };
        i++;
        break;
      }
      case "--mapping": {
        const m = ZColumnMapping.safeParse(json(value(i, a), a));
        if (!m.success) throw new UsageError(`--mapping: ${m.error.issues.map((x) => x.message).join("; ")}`);
        out.options = { ...out.options, mapping: m.data };
        i++;
        break;
      }
      case "--options": {
        const o = ZParseOptions.safeParse(json(value(i, a), a));
        if (!o.success) throw new UsageError(`--options: ${o.error.issues.map((x) => x.message).join("; ")}`);
        out.options = { ...o.data, ...out.options };
        i++;
        break;
      }
      case "-h":
      case "--help":
        out.help = true;
        break;
      default:
        if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
        if (out.file !== null) throw new UsageError(`only one file per run (got ${out.file} and ${a})`);
        out.file = a;
    }
  }
  return out;
}

export interface DryRunCurve {
  kind: "RT" | "RH";
  points: number;
  /** raw rows behind the points (repeated readings at one set point are merged into one point) */
  readings: number;
  /** points holding more than one reading */
  merged_points: number;
  /** signed (bridge, lock-in X), magnitude (lock-in R) or unknown */
  readout: string;
  /** null for field sweeps of a file that records no temperature */
  T_range_K: [number, number] | null;
  /** RT: the fixed field (null when unknown). RH: null (see H_range_Oe). */
  H_Oe: number | null;
  /** RH: field at the first and last point of the sweep. */
  H_range_Oe?: [number, number];
  /** RH: the isotherm temperature. */
  T_K?: number | null;
  P_GPa: number | null;
  channel: string;
  label?: string;
  quantity: string;
  unit: string;
  direction: string;
  source_lines: [number, number];
  segment_reason: string;
}

export interface DryRunReport {
  file: string;
  format: string;
  parser: { name: string; version: string };
  metadata: Record<string, string>;
  stats: ParsedFile["stats"] & { readings: number };
  curves: DryRunCurve[];
  warnings: ParsedFile["warnings"];
  errors: ParsedFile["errors"];
}

function range(a: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of a) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

export function summarise(file: string, parsed: ParsedFile): DryRunReport {
  return {
    file,
    format: parsed.format,
    parser: parsed.parser,
    metadata: parsed.metadata,
    stats: { ...parsed.stats, readings: parsed.curves.reduce((n, c) => n + c.readings, 0) },
    curves: parsed.curves.map((c) => {
      const d: DryRunCurve = {
        kind: c.kind,
        points: c.R.length,
        readings: c.readings,
        merged_points: mergedPointCount(c),
        readout: c.readout,
        T_range_K: Number.isNaN(c.T_K[0]) ? null : range(c.T_K),
        H_Oe: c.fixed.H_Oe,
        P_GPa: c.fixed.P_GPa,
        channel: c.channel,
        quantity: c.quantity,
        unit: c.unit,
        direction: c.direction,
        source_lines: [c.sourceRows.first, c.sourceRows.last],
        segment_reason: c.segmentReason,
      };
      if (c.label !== undefined) d.label = c.label;
      if (c.kind === "RH" && c.H_Oe) {
        d.H_range_Oe = [c.H_Oe[0]!, c.H_Oe[c.H_Oe.length - 1]!];
        d.T_K = c.fixed.T_K;
      }
      return d;
    }),
    warnings: parsed.warnings,
    errors: parsed.errors,
  };
}

/** Streams the file into the chunked parser. Rejects only when the file cannot be read. */
export async function parseFile(path: string, options: TParseOptions = {}): Promise<ParsedFile> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a regular file`);
  const parser = createParser({ fileName: basename(path), ...options });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    parser.push(chunk as Buffer);
  }
  return parser.finish();
}

export async function runDryRun(path: string, options: TParseOptions = {}): Promise<DryRunReport> {
  return summarise(path, await parseFile(path, options));
}

/** Exit code and the text for stdout/stderr, so tests can run the command without a process. */
export async function main(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let args: ImportArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: "", stderr: `${e.message}\n${USAGE}\n` };
    throw e;
  }
  if (args.help) return { code: 0, stdout: "", stderr: `${USAGE}\n` };
  if (args.file === null) return { code: 2, stdout: "", stderr: `no file given\n${USAGE}\n` };
  if (!args.dryRun) {
    if (args.lab === null || args.sample === null) {
      return {
        code: 2,
        stdout: "",
        stderr: `a real import needs --lab <labId> and --sample <sampleId> (or use --dry-run to only parse)\n${USAGE}\n`,
      };
    }
    return runImport(args);
  }
  try {
    const report = await runDryRun(args.file, args.options);
    return { code: 0, stdout: `${JSON.stringify(report)}\n`, stderr: "" };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { code: 1, stdout: "", stderr: `cannot read ${args.file}: ${msg}\n` };
  }
}

/**
 * Database import through the upload service (`importUpload`): one pass over the file streams it
 * into raw-file storage and the parser, then one transaction stores everything. The service and
 * the database are loaded only here, so --dry-run needs neither.
 */
export async function runImport(args: ImportArgs, databaseUrl?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = args.file!;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error("not a regular file");
  } catch (e) {
    return { code: 1, stdout: "", stderr: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n` };
  }
  const [{ createDb }, { AppError }, { userActor }, { importUpload }, { ZUploadAssignment }, { withDatabase }] = await Promise.all([
    import("~/server/db"),
    import("~/server/errors"),
    import("~/server/domains/access/actor"),
    import("~/server/domains/uploads/service"),
    import("~/server/domains/uploads/schemas"),
    import("./lib/database"),
  ]);
  const fail = (code: string, message: string, details?: unknown) => ({
    code: 1,
    stdout: `${JSON.stringify({ error: { code, message, ...(details === undefined ? {} : { details }) } })}\n`,
    stderr: `${message}\n`,
  });
  const work = async (url: string) => {
    const db = createDb(url, { max: 2 });
    try {
      const lab = await db.lab.findFirst({ where: { OR: [{ id: args.lab! }, { slug: args.lab! }] }, select: { id: true, slug: true } });
      if (!lab) return fail("NOT_FOUND", `no lab has the id or slug ${JSON.stringify(args.lab)}`);
      const who = args.as
        ? await db.user.findUnique({ where: { email: args.as.trim().toLowerCase() }, select: { id: true, email: true } })
        : ((await db.membership.findFirst({ where: { labId: lab.id, role: "OWNER" }, orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, email: true } } } }))?.user ?? null);
      if (!who) return fail("NOT_FOUND", args.as ? `no user has the e-mail address ${args.as}` : `lab ${lab.slug} has no owner to act as; name a member with --as`);
      const sample = await db.sample.findUnique({ where: { id: args.sample! }, select: { labId: true } });
      if (!sample || sample.labId !== lab.id) return fail("NOT_FOUND", `sample ${args.sample} is not a sample of lab ${lab.slug}`);
      const assignment = ZUploadAssignment.parse({
        sample: { sampleId: args.sample },
        setup: args.setup ? { setupId: args.setup } : null,
        pressureGPa: args.pressureGPa,
        excludeCurves: args.exclude,
        skipBadRows: args.skipBadRows,
        channels: Object.fromEntries(Object.entries(args.channels).map(([ch, id]) => [ch, id === null ? null : { sampleId: id }])),
        ...(args.readout !== null ? { readout: args.readout } : {}),
        ...(args.template !== null ? { template: args.template } : {}),
      });
      const { fileName: _name, limits: _limits, ...options } = args.options;
      const result = await importUpload(db, userActor(who.id), createReadStream(file, { highWaterMark: 1 << 20 }), {
        ...assignment,
        fileName: basename(file),
        contentType: null,
        options,
      });
      const summary = { file, lab: lab.slug, actingAs: who.email, ...result, curves: result.curveIds.length };
      return { code: 0, stdout: `${JSON.stringify(summary)}\n`, stderr: "" };
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.details);
      if (e instanceof ZodError) return fail("BAD_REQUEST", e.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; "));
      throw e;
    } finally {
      await db.$disconnect();
    }
  };
  return databaseUrl ? work(databaseUrl) : withDatabase(work);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const r = await main(process.argv.slice(2));
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
