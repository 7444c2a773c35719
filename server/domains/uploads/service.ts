/**
 * Uploads: raw instrument files become validated curves, transactionally.
 *
 *   previewUpload        bytes → staged raw file + what the parser found (no database writes)
 *   previewStagedUpload  a staged file re-read with other options (e.g. a corrected mapping)
 *   commitUpload         a staged file → Upload + curves + fit jobs + audit, in ONE transaction
 *   importUpload         bytes → the same, in one pass over the bytes (API, command line)
 *
 * The raw bytes are kept byte for byte under their SHA-256 (server/storage), once. One Upload row
 * per file and lab; its channels may go to several samples (several films on one puck), sent in
 * one request or several. Duplicates are judged per (file, channel, sample).
 */
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import type { Actor } from "~/server/domains/access/actor";
import {
  memberLabIds,
  requireUser,
  requireWritableSample,
  requireAnyLabPermission,
  resolveScope,
  type AccessScope,
} from "~/server/domains/access/service";
import { recordAudit } from "~/server/domains/audit/service";
import { assertStorageQuota } from "~/server/security/quota";
import { insertCurveRows } from "./insert";
import { templateOptions } from "./templates";
import { assertSetupNameFree, insertSetup } from "~/server/domains/setups/service";
import { insertSample, validateNewSample } from "~/server/domains/samples/service";
import { enqueueFits } from "~/server/jobs/queue";
import { enqueueIsothermAnalyses } from "~/server/jobs/isotherm-queue";
import { createParser, type Diagnostic, type ParsedCurve, type ParsedFile, type TParseOptions } from "~/server/ingest";
import type { NewCurve } from "~/server/domains/curves/service";
import { FileTooLargeError, getRawFileStore, StoredFileMissingError, type ByteSource, type RawFileStore, type StoredFile } from "~/server/storage";
import { describeProblems, instrumentOf, instrumentVersionOf, measuredAtOf, previewCurve, rowProblems, storedQuantity, toNewCurve } from "./convert";
import type {
  TCommitUploadInput,
  TPreviewStagedInput,
  TReadoutName,
  TUploadAssignment,
  TUploadOptions,
  TUploadPreviewDto,
  TUploadResultDto,
} from "./schemas";

type Tx = Prisma.TransactionClient;

export interface UploadLimits {
  maxBytes: number;
  maxPoints: number;
  /** curves one upload may create (UPLOAD_MAX_CURVES); no cap when absent */
  maxCurves?: number;
}

/** Collaborators a caller may replace (tests, the benchmark, the command line). */
export interface UploadDeps {
  store?: RawFileStore;
  limits?: UploadLimits;
}

export function uploadLimits(): UploadLimits {
  return { maxBytes: env.UPLOAD_MAX_BYTES, maxPoints: env.UPLOAD_MAX_POINTS, maxCurves: env.UPLOAD_MAX_CURVES };
}

function depsOf(deps: UploadDeps = {}): { store: RawFileStore; limits: UploadLimits } {
  return { store: deps.store ?? getRawFileStore(), limits: deps.limits ?? uploadLimits() };
}

/** Longest an upload transaction may run (a file of millions of points takes seconds). */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;
/** Points per curve drawn in a preview, and over all curves. */
const PREVIEW_POINTS_PER_CURVE = 300;
const PREVIEW_POINTS_TOTAL = 60_000;
/** Warnings kept on the Upload row. */
const STORED_WARNINGS = 200;

function parseOptions(fileName: string, options: TUploadOptions, limits: UploadLimits, pressureGPa?: number | null): TParseOptions {
  const constants = { ...options.constants };
  if (pressureGPa !== null && pressureGPa !== undefined) constants.P_GPa = pressureGPa;
  return {
    ...options,
    ...(Object.keys(constants).length > 0 ? { constants } : {}),
    fileName,
    limits: { maxBytes: limits.maxBytes, maxPoints: limits.maxPoints },
  };
}

function tooLarge(fileName: string, limits: UploadLimits): AppError {
  const diagnostic: Diagnostic = {
    code: "file_too_large",
    message: `${fileName}: the file is larger than the limit of ${limits.maxBytes} bytes`,
    file: fileName,
    expected: `at most ${limits.maxBytes} bytes (UPLOAD_MAX_BYTES)`,
  };
  return new AppError("PAYLOAD_TOO_LARGE", `${diagnostic.message} (expected ${diagnostic.expected})`, [diagnostic]);
}

/**
 * Streams bytes into the raw-file store and the parser at once: one pass, one chunk in memory
 * besides the parsed points. Throws PAYLOAD_TOO_LARGE past the byte limit (nothing is kept).
 */
export async function stageAndParse(
  store: RawFileStore,
  source: ByteSource,
  input: { fileName: string; options: TParseOptions; limits: UploadLimits; onProgress?: (bytes: number) => void },
): Promise<{ stored: StoredFile; parsed: ParsedFile }> {
  const parser = createParser(input.options);
  let stored: StoredFile;
  try {
    stored = await store.put(source, { maxBytes: input.limits.maxBytes, onChunk: (chunk) => parser.push(chunk), onProgress: input.onProgress });
  } catch (error) {
    if (error instanceof FileTooLargeError) throw tooLarge(input.fileName, input.limits);
    throw error;
  }
  return { stored, parsed: parser.finish() };
}

/** Parses a stored file again (with other options). */
async function parseStored(store: RawFileStore, sha256: string, options: TParseOptions): Promise<ParsedFile> {
  const parser = createParser(options);
  try {
    for await (const chunk of store.stream(sha256)) parser.push(chunk);
  } catch (error) {
    if (error instanceof StoredFileMissingError) throw new AppError("NOT_FOUND", "The staged file is no longer stored; upload it again.");
    throw error;
  }
  return parser.finish();
}

async function requireStaged(store: RawFileStore, userId: string, sha256: string): Promise<void> {
  if (!(await store.isStaged(sha256, userId))) {
    throw new AppError("NOT_FOUND", "No staged file with this SHA-256 was uploaded by you; upload the file again.");
  }
}

async function existingUploads(db: Db, scope: AccessScope, sha256: string): Promise<TUploadPreviewDto["existingUploads"]> {
  const labs = memberLabIds(scope);
  if (labs.length === 0) return [];
  const rows = await db.upload.findMany({
    where: { sha256, labId: { in: labs } },
    orderBy: { createdAt: "asc" },
    select: { id: true, labId: true, createdAt: true, lab: { select: { name: true } }, _count: { select: { curves: true } }, curves: { distinct: ["sampleId"], select: { sampleId: true } } },
  });
  return rows.map((r) => ({ id: r.id, labId: r.labId, labName: r.lab.name, createdAt: r.createdAt.toISOString(), curveCount: r._count.curves, sampleIds: r.curves.map((c) => c.sampleId) }));
}

function previewDto(
  fileName: string,
  stored: { sha256: string; sizeBytes: number },
  parsed: ParsedFile,
  options: TUploadOptions,
  limits: UploadLimits,
  existing: TUploadPreviewDto["existingUploads"],
): TUploadPreviewDto {
  const perCurve = Math.max(20, Math.min(PREVIEW_POINTS_PER_CURVE, Math.floor(PREVIEW_POINTS_TOTAL / Math.max(1, parsed.curves.length))));
  return {
    fileName,
    sha256: stored.sha256,
    sizeBytes: stored.sizeBytes,
    format: parsed.format,
    parser: { name: parsed.parser.name, version: parsed.parser.version },
    metadata: parsed.metadata,
    options,
    columns: parsed.columns.map((c) => ({
      index: c.index,
      name: c.name,
      role: c.role,
      unit: c.unit,
      canonicalUnit: c.canonicalUnit,
      factor: c.factor,
      ...(c.quantity ? { quantity: c.quantity } : {}),
      ...(c.channel ? { channel: c.channel } : {}),
      ...(c.note ? { note: c.note } : {}),
      ...(c.unitSource ? { unitSource: c.unitSource } : {}),
      ...(c.readout ? { readout: c.readout } : {}),
    })),
    curves: parsed.curves.map((c, i) => previewCurve(c, i, perCurve)),
    warnings: parsed.warnings,
    errors: parsed.errors,
    rowProblems: rowProblems(parsed),
    stats: parsed.stats,
    measuredAt: measuredAtOf(parsed.metadata)?.toISOString() ?? null,
    instrument: [instrumentOf(parsed.metadata), instrumentVersionOf(parsed.metadata)].filter(Boolean).join(" ") || null,
    limits,
    existingUploads: existing,
  };
}

/**
 * Stages the bytes (content-addressed, so re-sending is harmless) and returns what the parser
 * found. Writes nothing to the database. Parse errors are returned, not thrown, so the user
 * can fix the mapping; only an over-size file is refused outright.
 */
export async function previewUpload(
  db: Db,
  actor: Actor,
  source: ByteSource,
  input: { fileName: string; options: TUploadOptions; onProgress?: (bytes: number) => void },
  deps?: UploadDeps,
): Promise<TUploadPreviewDto> {
  const userId = requireUser(actor);
  const { store, limits } = depsOf(deps);
  const scope = await resolveScope(db, actor);
  // Staging keeps bytes on disk: only members who may write data to some lab may stage.
  requireAnyLabPermission(scope, "writeData");
  const { stored, parsed } = await stageAndParse(store, source, {
    fileName: input.fileName,
    options: parseOptions(input.fileName, input.options, limits),
    limits,
    onProgress: input.onProgress,
  });
  await store.markStaged(stored.sha256, userId);
  return previewDto(input.fileName, stored, parsed, input.options, limits, await existingUploads(db, scope, stored.sha256));
}

/** Re-reads a file the caller staged, with other options (a corrected column mapping, …). */
export async function previewStagedUpload(db: Db, actor: Actor, input: TPreviewStagedInput, deps?: UploadDeps): Promise<TUploadPreviewDto> {
  const userId = requireUser(actor);
  const { store, limits } = depsOf(deps);
  await requireStaged(store, userId, input.sha256);
  const scope = await resolveScope(db, actor);
  const parsed = await parseStored(store, input.sha256, parseOptions(input.fileName, input.options, limits));
  return previewDto(input.fileName, { sha256: input.sha256, sizeBytes: parsed.stats.bytes }, parsed, input.options, limits, await existingUploads(db, scope, input.sha256));
}

// ───────────────────────────── commit ─────────────────────────────

type SampleTarget =
  | { kind: "existing"; id: string; labId: string; annealStage: string; squares: number | null }
  | { kind: "create"; labId: string; input: Extract<TUploadAssignment["sample"], { create: unknown }>["create"]; shares: string[] };

type SetupTarget = { kind: "existing"; id: string } | { kind: "create"; fields: Extract<NonNullable<TUploadAssignment["setup"]>, { create: unknown }>["create"] } | null;

/** Where one channel goes when the assignment maps it to another sample than the default. */
interface ChannelTarget {
  sampleId: string;
  annealStage: string;
  squares: number | null;
  /** undefined: the default setup */
  setupId: string | null | undefined;
}

interface Target {
  labId: string;
  sample: SampleTarget;
  setup: SetupTarget;
  /** channel → its own sample, or null to leave it out (absent: the default sample) */
  channels: Map<string, ChannelTarget | null>;
}

async function requireSetupInLab(db: Db, labId: string, setupId: string): Promise<void> {
  const found = await db.measurementSetup.findFirst({ where: { id: setupId, labId }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", `Setup ${setupId} not found in the sample's lab`);
}

/** Authorizes and loads where the curves go. Nothing is written. */
async function resolveTarget(db: Db, scope: AccessScope, assignment: TUploadAssignment): Promise<Target> {
  let sample: SampleTarget;
  if ("sampleId" in assignment.sample) {
    const found = await requireWritableSample(db, scope, assignment.sample.sampleId);
    const row = await db.sample.findUniqueOrThrow({ where: { id: found.id }, select: { annealStage: true, squares: true } });
    sample = { kind: "existing", id: found.id, labId: found.labId, annealStage: row.annealStage, squares: row.squares };
  } else {
    const create = assignment.sample.create;
    const shares = await validateNewSample(db, scope, create);
    sample = { kind: "create", labId: create.labId, input: create, shares };
  }
  const labId = sample.labId;
  let setup: SetupTarget = null;
  if (assignment.setup && "setupId" in assignment.setup) {
    await requireSetupInLab(db, labId, assignment.setup.setupId);
    setup = { kind: "existing", id: assignment.setup.setupId };
  } else if (assignment.setup && "create" in assignment.setup) {
    await assertSetupNameFree(db, labId, assignment.setup.create.name);
    setup = { kind: "create", fields: assignment.setup.create };
  }
  const channels = new Map<string, ChannelTarget | null>();
  for (const [channel, to] of Object.entries(assignment.channels)) {
    if (to === null) {
      channels.set(channel, null);
      continue;
    }
    const found = await requireWritableSample(db, scope, to.sampleId);
    if (found.labId !== labId) {
      throw new AppError("BAD_REQUEST", `channels: sample ${to.sampleId} (for ${JSON.stringify(channel)}) belongs to another lab than the upload's; one file is imported into one lab`);
    }
    const row = await db.sample.findUniqueOrThrow({ where: { id: found.id }, select: { annealStage: true, squares: true } });
    if (to.setupId) await requireSetupInLab(db, labId, to.setupId);
    channels.set(channel, { sampleId: found.id, annealStage: row.annealStage, squares: row.squares, setupId: to.setupId === undefined ? undefined : to.setupId });
  }
  return { labId, sample, setup, channels };
}

function createSampleInTx(tx: Tx, actor: Actor, target: Extract<SampleTarget, { kind: "create" }>): Promise<{ id: string; annealStage: string }> {
  const { labId, previousStageId, sharedWithLabIds: _shared, ...fields } = target.input;
  return insertSample(tx, actor, { labId, fields, shares: target.shares, previousStageId, via: "upload" });
}

async function createSetupInTx(tx: Tx, actor: Actor, labId: string, fields: Extract<SetupTarget, { kind: "create" }>["fields"]): Promise<string> {
  return (await insertSetup(tx, actor, labId, fields, "upload")).id;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

interface CommitSource {
  fileName: string;
  contentType: string | null;
  stored: StoredFile;
  parsed: ParsedFile;
  options: TUploadOptions;
}

/** Refuses a file with errors (or, unless asked to skip them, rows the parser had to skip). */
function assertImportable(parsed: ParsedFile, fileName: string, skipBadRows: boolean): void {
  if (parsed.errors.length > 0) {
    const tooBig = parsed.errors.some((e) => e.code === "file_too_large");
    throw new AppError(tooBig ? "PAYLOAD_TOO_LARGE" : "UNPROCESSABLE", describeProblems(fileName, parsed.errors), parsed.errors);
  }
  const skipped = rowProblems(parsed);
  if (skipped.length > 0 && !skipBadRows) {
    throw new AppError(
      "UNPROCESSABLE",
      `${describeProblems(fileName, skipped)}. Nothing was imported: fix the file, or import the other rows with skipBadRows.`,
      skipped,
    );
  }
}

/** One detected curve and where it goes ("default" = the assignment's sample). */
interface Placed {
  index: number;
  curve: ParsedCurve;
  to: "default" | ChannelTarget;
}

/** Curves to store, each with its sample; refuses channel names the file does not have. */
function placeCurves(parsed: ParsedFile, target: Target, assignment: TUploadAssignment, fileName: string): { placed: Placed[]; excluded: number } {
  const excluded = new Set(assignment.excludeCurves);
  for (const i of excluded) {
    if (i >= parsed.curves.length) throw new AppError("BAD_REQUEST", `excludeCurves: there is no curve ${i}; the file has ${parsed.curves.length} (0-based).`);
  }
  const names = new Set(parsed.curves.map((c) => c.channel));
  for (const channel of target.channels.keys()) {
    if (!names.has(channel)) {
      throw new AppError("BAD_REQUEST", `channels: ${fileName} has no channel ${JSON.stringify(channel)} (its channels: ${[...names].map((n) => JSON.stringify(n)).join(", ")})`);
    }
  }
  const placed: Placed[] = [];
  let left = 0;
  parsed.curves.forEach((curve, index) => {
    if (excluded.has(index)) return void left++;
    const mapped = target.channels.get(curve.channel);
    if (mapped === null || (mapped === undefined && assignment.unlistedChannels === "exclude")) return void left++;
    placed.push({ index, curve, to: mapped ?? "default" });
  });
  if (placed.length === 0) throw new AppError("BAD_REQUEST", "Every detected curve is excluded: nothing to import.");
  const unknownT = placed.filter((p) => p.curve.kind === "RH" && p.curve.fixed.T_K === null && Number.isNaN(p.curve.T_K[0]));
  if (unknownT.length > 0) {
    const c = unknownT[0]!;
    const diagnostic: Diagnostic = {
      code: "temperature_unknown",
      message: `${fileName}, line ${c.curve.sourceRows.first}: curve ${c.index} (${c.curve.channel}) is a field sweep at a temperature the file does not record`,
      file: fileName,
      line: c.curve.sourceRows.first,
      expected: "the temperature of the isotherms (options.constants.T_K, or temperatureK= in the API)",
    };
    throw new AppError("UNPROCESSABLE", `${diagnostic.message} (expected ${diagnostic.expected}). Nothing was imported.`, [diagnostic]);
  }
  return { placed, excluded: left };
}

function readoutFor(assignment: TUploadAssignment, channel: string): TReadoutName | undefined {
  const r = assignment.readout;
  if (r === undefined) return undefined;
  return typeof r === "string" ? r : r[channel];
}

const pairKey = (channel: string | null, sampleId: string) => `${channel ?? ""}\u0000${sampleId}`;

async function commitParsed(
  db: Db,
  actor: Actor,
  target: Target,
  src: CommitSource,
  assignment: TUploadAssignment,
  limits: UploadLimits,
  retry = true,
): Promise<TUploadResultDto> {
  assertImportable(src.parsed, src.fileName, assignment.skipBadRows);
  const { placed, excluded } = placeCurves(src.parsed, target, assignment, src.fileName);
  if (limits.maxCurves !== undefined && placed.length > limits.maxCurves) {
    throw new AppError("UNPROCESSABLE", `${src.fileName}: ${placed.length} curves in one upload; the limit is ${limits.maxCurves} (UPLOAD_MAX_CURVES). Split the file or exclude curves.`, [
      { code: "too_many_curves", message: `${placed.length} curves; the limit is ${limits.maxCurves}`, file: src.fileName, expected: `at most ${limits.maxCurves} curves (UPLOAD_MAX_CURVES)` },
    ]);
  }
  const measuredAt = measuredAtOf(src.parsed.metadata);
  const instrument = instrumentOf(src.parsed.metadata);

  // Duplicates are judged per (file, channel, sample): the same file may send another channel to
  // another sample later; a channel already imported into the same sample is not stored again.
  const existing = await db.upload.findUnique({
    where: { labId_sha256: { labId: target.labId, sha256: src.stored.sha256 } },
    select: { id: true, metadata: true, curves: { orderBy: { createdAt: "asc" }, select: { id: true, channel: true, sampleId: true, setupId: true } } },
  });
  const had = new Map<string, string[]>();
  for (const c of existing?.curves ?? []) {
    const k = pairKey(c.channel, c.sampleId);
    had.set(k, [...(had.get(k) ?? []), c.id]);
  }
  const defaultId = target.sample.kind === "existing" ? target.sample.id : null;
  const duplicates = new Map<string, { channel: string; sampleId: string; curveCount: number; ids: string[] }>();
  const toStore: Placed[] = [];
  for (const p of placed) {
    const sampleId = p.to === "default" ? defaultId : p.to.sampleId;
    const k = sampleId === null ? null : pairKey(p.curve.channel, sampleId);
    if (k !== null && had.has(k)) {
      const d = duplicates.get(k) ?? { channel: p.curve.channel, sampleId: sampleId!, curveCount: 0, ids: had.get(k)! };
      d.curveCount++;
      duplicates.set(k, d);
    } else toStore.push(p);
  }
  const duplicateList = [...duplicates.values()].map(({ channel, sampleId, curveCount }) => ({ channel, sampleId, curveCount }));
  const base = {
    labId: target.labId,
    sha256: src.stored.sha256,
    sizeBytes: src.stored.sizeBytes,
    format: src.parsed.format,
    parser: { name: src.parsed.parser.name, version: src.parsed.parser.version },
    excludedCurves: excluded,
    duplicates: duplicateList,
  };
  if (toStore.length === 0 && existing) {
    const first = duplicateList[0]!;
    const firstCurve = existing.curves.find((c) => c.channel === first.channel && c.sampleId === first.sampleId);
    return {
      ...base,
      uploadId: existing.id,
      isDuplicate: true,
      sampleId: first.sampleId,
      sampleIds: [...new Set(duplicateList.map((d) => d.sampleId))],
      setupId: firstCurve?.setupId ?? null,
      curveIds: [...duplicates.values()].flatMap((d) => d.ids),
      skippedDuplicateCurves: 0,
      queuedFits: 0,
      quantity: null,
      warnings: [],
    };
  }

  const squaresOf = (p: Placed) => (p.to !== "default" ? p.to.squares : target.sample.kind === "existing" ? target.sample.squares : (target.sample.input.squares ?? null));
  const ctxBase = { pressureGPa: assignment.pressureGPa ?? null, pressureDirection: assignment.pressureDirection, fieldOrientation: assignment.fieldOrientation, measuredAt };
  const rows = toStore.map((p) => {
    const readout = readoutFor(assignment, p.curve.channel);
    return { p, curve: toNewCurve(p.curve, { ...ctxBase, squares: squaresOf(p), ...(readout ? { readout } : {}) }) };
  });
  const conversions = [...new Set(toStore.map((p) => storedQuantity(p.curve.quantity, squaresOf(p)).note).filter((n): n is string => n !== null))];
  const quantities = [...new Set(rows.map((r) => r.curve.quantity))];
  const userId = requireUser(actor);
  const readings = toStore.reduce((n, p) => n + p.curve.readings, 0);
  // A new upload row counts its bytes against the lab's and the uploader's storage quotas.
  if (!existing) await assertStorageQuota(db, target.labId, userId, src.stored.sizeBytes);

  try {
    return await db.$transaction(
      async (tx) => {
        const needsDefault = toStore.some((p) => p.to === "default");
        const sample =
          target.sample.kind === "existing"
            ? { id: target.sample.id, annealStage: target.sample.annealStage }
            : needsDefault
              ? await createSampleInTx(tx, actor, target.sample)
              : null;
        const setupId = target.setup === null ? null : target.setup.kind === "existing" ? target.setup.id : await createSetupInTx(tx, actor, target.labId, target.setup.fields);
        const assignmentRecord = {
          at: new Date().toISOString(),
          sampleId: sample?.id ?? null,
          setupId,
          channels: Object.fromEntries([...target.channels].map(([k, v]) => [k, v === null ? null : v.sampleId])),
          excludedCurves: [...assignment.excludeCurves].sort((a, b) => a - b),
          curves: toStore.length,
        };
        let uploadId: string;
        if (existing) {
          uploadId = existing.id;
          const meta = (existing.metadata ?? {}) as Record<string, unknown>;
          const assignments = Array.isArray(meta.assignments) ? meta.assignments : [];
          await tx.upload.update({ where: { id: existing.id }, data: { metadata: { ...meta, assignments: [...assignments, assignmentRecord] } as Prisma.InputJsonValue } });
        } else {
          const upload = await tx.upload.create({
            data: {
              labId: target.labId,
              uploadedById: userId,
              apiTokenId: actor.kind === "token" ? actor.tokenId : null,
              originalName: src.fileName,
              contentType: src.contentType,
              sizeBytes: src.stored.sizeBytes,
              sha256: src.stored.sha256,
              storage: src.stored.backend,
              storageKey: src.stored.key,
              format: src.parsed.format,
              parserName: src.parsed.parser.name,
              parserVersion: src.parsed.parser.version,
              metadata: {
                sampleId: sample?.id ?? null,
                setupId,
                measuredAt: measuredAt?.toISOString() ?? null,
                instrument,
                instrumentVersion: instrumentVersionOf(src.parsed.metadata),
                header: src.parsed.metadata,
                options: src.options as Prisma.InputJsonValue,
                columns: src.parsed.columns
                  .filter((c) => c.role !== "other")
                  .map((c) => ({ index: c.index, name: c.name, role: c.role, unit: c.unit, factor: c.factor, quantity: c.quantity ?? null, unitSource: c.unitSource ?? null, readout: c.readout ?? null })),
                stats: { ...src.parsed.stats, readings },
                pressureGPa: assignment.pressureGPa ?? null,
                excludedCurves: [...assignment.excludeCurves].sort((a, b) => a - b),
                skipBadRows: assignment.skipBadRows,
                conversions,
                assignments: [assignmentRecord],
              },
              warnings: src.parsed.warnings.slice(0, STORED_WARNINGS) as unknown as Prisma.InputJsonValue,
            },
            select: { id: true },
          });
          uploadId = upload.id;
        }
        // One insert per destination sample.
        const groups = new Map<string, { sampleId: string; annealStage: string; setupId: string | null; curves: NewCurve[] }>();
        for (const { p, curve } of rows) {
          const dest =
            p.to === "default"
              ? { sampleId: sample!.id, annealStage: sample!.annealStage, setupId }
              : { sampleId: p.to.sampleId, annealStage: p.to.annealStage, setupId: p.to.setupId === undefined ? setupId : p.to.setupId };
          const key = `${dest.sampleId}\u0000${dest.setupId ?? ""}`;
          const g = groups.get(key) ?? { ...dest, curves: [] };
          g.curves.push(curve);
          groups.set(key, g);
        }
        const created: string[] = [];
        let skipped = 0;
        for (const g of groups.values()) {
          const r = await insertCurveRows(tx, { labId: target.labId, sampleId: g.sampleId, annealStage: g.annealStage, setupId: g.setupId, uploadId }, g.curves);
          created.push(...r.created);
          skipped += r.skipped;
        }
        await enqueueFits(tx, created);
        const sampleIds = [...new Set([...groups.values()].map((g) => g.sampleId))];
        if (created.length > 0) await enqueueIsothermAnalyses(tx, sampleIds);
        await recordAudit(tx, {
          actor,
          labId: target.labId,
          action: "upload.commit",
          entityType: "Upload",
          entityId: uploadId,
          details: {
            fileName: src.fileName,
            sha256: src.stored.sha256,
            sizeBytes: src.stored.sizeBytes,
            format: src.parsed.format,
            parser: `${src.parsed.parser.name}@${src.parsed.parser.version}`,
            sampleId: sample?.id ?? sampleIds[0] ?? null,
            sampleIds,
            setupId,
            curves: created.length,
            skippedDuplicateCurves: skipped,
            duplicateChannels: duplicateList.length,
            excludedCurves: excluded,
            points: rows.reduce((n, r) => n + r.curve.R.length, 0),
            readings,
          },
        });
        return {
          ...base,
          uploadId,
          isDuplicate: false,
          sampleId: sample?.id ?? sampleIds[0]!,
          sampleIds,
          setupId,
          curveIds: created,
          skippedDuplicateCurves: skipped,
          queuedFits: created.length,
          quantity: quantities.length === 1 ? quantities[0]! : "MIXED",
          warnings: src.parsed.warnings,
        };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    // Two commits of the same file raced and the other created the Upload: judge again.
    if (retry && isUniqueViolation(error)) return commitParsed(db, actor, target, src, assignment, limits, false);
    throw error;
  }
}

/**
 * Commits a file the caller staged with previewUpload: the file is parsed again with the given
 * options (the preview is advisory), then the Upload row, the curves, their fit jobs and the
 * audit event are written in one transaction. Channels already imported from the same bytes into
 * the same sample are not stored again; when that is all of them the existing Upload is returned
 * (`isDuplicate`) and nothing is created.
 */
export async function commitUpload(db: Db, actor: Actor, input: TCommitUploadInput, deps?: UploadDeps): Promise<TUploadResultDto> {
  const userId = requireUser(actor);
  const { store, limits } = depsOf(deps);
  const scope = await resolveScope(db, actor);
  const target = await resolveTarget(db, scope, input);
  await requireStaged(store, userId, input.sha256);
  const options = input.template ? await templateOptions(db, actor, target.labId, input.template, input.options) : input.options;
  const parsed = await parseStored(store, input.sha256, parseOptions(input.fileName, options, limits, input.pressureGPa));
  const stored: StoredFile = { sha256: input.sha256, sizeBytes: parsed.stats.bytes, backend: store.backend, key: store.keyFor(input.sha256) };
  return commitParsed(db, actor, target, { fileName: input.fileName, contentType: input.contentType ?? null, stored, parsed, options }, input, limits);
}

/**
 * Stores, parses and commits a file in one pass over its bytes (the scripted API and the
 * command line). Authorization is checked before a byte is read.
 */
export async function importUpload(
  db: Db,
  actor: Actor,
  source: ByteSource,
  input: TUploadAssignment & { fileName: string; contentType?: string | null; options: TUploadOptions },
  deps?: UploadDeps,
): Promise<TUploadResultDto> {
  requireUser(actor);
  const { store, limits } = depsOf(deps);
  const scope = await resolveScope(db, actor);
  const target = await resolveTarget(db, scope, input);
  const options = input.template ? await templateOptions(db, actor, target.labId, input.template, input.options) : input.options;
  const { stored, parsed } = await stageAndParse(store, source, {
    fileName: input.fileName,
    options: parseOptions(input.fileName, options, limits, input.pressureGPa),
    limits,
  });
  return commitParsed(db, actor, target, { fileName: input.fileName, contentType: input.contentType ?? null, stored, parsed, options }, input, limits);
}
