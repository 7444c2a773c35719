/**
 * Uploads: raw instrument files become validated curves, transactionally.
 *
 *   previewUpload        bytes → staged raw file + what the parser found (no database writes)
 *   previewStagedUpload  a staged file re-read with other options (e.g. a corrected mapping)
 *   commitUpload         a staged file → Upload + curves + fit jobs + audit, in ONE transaction
 *   importUpload         bytes → the same, in one pass over the bytes (API, command line)
 *
 * The raw bytes are kept byte for byte under their SHA-256 (server/storage). The same file
 * committed twice to one lab returns the first Upload and creates nothing.
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
import { insertCurveRows } from "./insert";
import { assertSetupNameFree, insertSetup } from "~/server/domains/setups/service";
import { insertSample, validateNewSample } from "~/server/domains/samples/service";
import { enqueueFits } from "~/server/jobs/queue";
import { createParser, type Diagnostic, type ParsedFile, type TParseOptions } from "~/server/ingest";
import { FileTooLargeError, getRawFileStore, StoredFileMissingError, type ByteSource, type RawFileStore, type StoredFile } from "~/server/storage";
import { describeProblems, previewCurve, rowProblems, storedQuantity, toNewCurve } from "./convert";
import type {
  TCommitUploadInput,
  TPreviewStagedInput,
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
    })),
    curves: parsed.curves.map((c, i) => previewCurve(c, i, perCurve)),
    warnings: parsed.warnings,
    errors: parsed.errors,
    rowProblems: rowProblems(parsed),
    stats: parsed.stats,
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

interface Target {
  labId: string;
  sample: SampleTarget;
  setup: SetupTarget;
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
    const found = await db.measurementSetup.findFirst({ where: { id: assignment.setup.setupId, labId }, select: { id: true } });
    if (!found) throw new AppError("NOT_FOUND", `Setup ${assignment.setup.setupId} not found in the sample's lab`);
    setup = { kind: "existing", id: found.id };
  } else if (assignment.setup && "create" in assignment.setup) {
    await assertSetupNameFree(db, labId, assignment.setup.create.name);
    setup = { kind: "create", fields: assignment.setup.create };
  }
  return { labId, sample, setup };
}

function createSampleInTx(tx: Tx, actor: Actor, target: Extract<SampleTarget, { kind: "create" }>): Promise<{ id: string; annealStage: string }> {
  const { labId, previousStageId, sharedWithLabIds: _shared, ...fields } = target.input;
  return insertSample(tx, actor, { labId, fields, shares: target.shares, previousStageId, via: "upload" });
}

async function createSetupInTx(tx: Tx, actor: Actor, labId: string, fields: Extract<SetupTarget, { kind: "create" }>["fields"]): Promise<string> {
  return (await insertSetup(tx, actor, labId, fields, "upload")).id;
}

/** The Upload already holding these bytes in this lab, as a result (nothing is created). */
async function duplicateResult(db: Db, labId: string, sha256: string): Promise<TUploadResultDto | null> {
  const upload = await db.upload.findUnique({
    where: { labId_sha256: { labId, sha256 } },
    select: { id: true, sizeBytes: true, format: true, parserName: true, parserVersion: true, metadata: true, warnings: true, curves: { orderBy: { createdAt: "asc" }, select: { id: true, sampleId: true, setupId: true, quantity: true } } },
  });
  if (!upload) return null;
  const meta = (upload.metadata ?? {}) as { sampleId?: string; setupId?: string | null };
  const quantities = [...new Set(upload.curves.map((c) => c.quantity))];
  return {
    uploadId: upload.id,
    isDuplicate: true,
    labId,
    sampleId: upload.curves[0]?.sampleId ?? meta.sampleId ?? "",
    setupId: upload.curves[0]?.setupId ?? meta.setupId ?? null,
    sha256,
    sizeBytes: upload.sizeBytes,
    format: upload.format,
    parser: { name: upload.parserName, version: upload.parserVersion },
    curveIds: upload.curves.map((c) => c.id),
    skippedDuplicateCurves: 0,
    excludedCurves: 0,
    queuedFits: 0,
    quantity: quantities.length === 1 ? quantities[0]! : quantities.length === 0 ? null : "MIXED",
    warnings: [],
  };
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

async function commitParsed(db: Db, actor: Actor, target: Target, src: CommitSource, assignment: TUploadAssignment, limits: UploadLimits): Promise<TUploadResultDto> {
  assertImportable(src.parsed, src.fileName, assignment.skipBadRows);
  const excluded = new Set(assignment.excludeCurves);
  for (const i of excluded) {
    if (i >= src.parsed.curves.length) throw new AppError("BAD_REQUEST", `excludeCurves: there is no curve ${i}; the file has ${src.parsed.curves.length} (0-based).`);
  }
  const kept = src.parsed.curves.filter((_, i) => !excluded.has(i));
  if (kept.length === 0) throw new AppError("BAD_REQUEST", "Every detected curve is excluded: nothing to import.");
  if (limits.maxCurves !== undefined && kept.length > limits.maxCurves) {
    throw new AppError("UNPROCESSABLE", `${src.fileName}: ${kept.length} curves in one upload; the limit is ${limits.maxCurves} (UPLOAD_MAX_CURVES). Split the file or exclude curves.`, [
      { code: "too_many_curves", message: `${kept.length} curves; the limit is ${limits.maxCurves}`, file: src.fileName, expected: `at most ${limits.maxCurves} curves (UPLOAD_MAX_CURVES)` },
    ]);
  }

  const squares = target.sample.kind === "existing" ? target.sample.squares : (target.sample.input.squares ?? null);
  const ctx = {
    squares,
    pressureGPa: assignment.pressureGPa ?? null,
    pressureDirection: assignment.pressureDirection,
    fieldOrientation: assignment.fieldOrientation,
  };
  const curves = kept.map((c) => toNewCurve(c, ctx));
  const conversions = [...new Set(kept.map((c) => storedQuantity(c.quantity, squares).note).filter((n): n is string => n !== null))];
  const quantities = [...new Set(curves.map((c) => c.quantity))];
  const userId = requireUser(actor);

  try {
    return await db.$transaction(
      async (tx) => {
        const sample = target.sample.kind === "existing" ? { id: target.sample.id, annealStage: target.sample.annealStage } : await createSampleInTx(tx, actor, target.sample);
        const setupId = target.setup === null ? null : target.setup.kind === "existing" ? target.setup.id : await createSetupInTx(tx, actor, target.labId, target.setup.fields);
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
              sampleId: sample.id,
              setupId,
              header: src.parsed.metadata,
              options: src.options as Prisma.InputJsonValue,
              columns: src.parsed.columns.filter((c) => c.role !== "other").map((c) => ({ index: c.index, name: c.name, role: c.role, unit: c.unit, factor: c.factor, quantity: c.quantity ?? null })),
              stats: { ...src.parsed.stats },
              pressureGPa: assignment.pressureGPa ?? null,
              excludedCurves: [...excluded].sort((a, b) => a - b),
              skipBadRows: assignment.skipBadRows,
              conversions,
            },
            warnings: src.parsed.warnings.slice(0, STORED_WARNINGS) as unknown as Prisma.InputJsonValue,
          },
          select: { id: true },
        });
        const { created, skipped } = await insertCurveRows(tx, { labId: target.labId, sampleId: sample.id, annealStage: sample.annealStage, setupId, uploadId: upload.id }, curves);
        await enqueueFits(tx, created);
        await recordAudit(tx, {
          actor,
          labId: target.labId,
          action: "upload.commit",
          entityType: "Upload",
          entityId: upload.id,
          details: {
            fileName: src.fileName,
            sha256: src.stored.sha256,
            sizeBytes: src.stored.sizeBytes,
            format: src.parsed.format,
            parser: `${src.parsed.parser.name}@${src.parsed.parser.version}`,
            sampleId: sample.id,
            setupId,
            curves: created.length,
            skippedDuplicateCurves: skipped,
            excludedCurves: excluded.size,
            points: curves.reduce((n, c) => n + c.R.length, 0),
          },
        });
        return {
          uploadId: upload.id,
          isDuplicate: false,
          labId: target.labId,
          sampleId: sample.id,
          setupId,
          sha256: src.stored.sha256,
          sizeBytes: src.stored.sizeBytes,
          format: src.parsed.format,
          parser: { name: src.parsed.parser.name, version: src.parsed.parser.version },
          curveIds: created,
          skippedDuplicateCurves: skipped,
          excludedCurves: excluded.size,
          queuedFits: created.length,
          quantity: quantities.length === 1 ? quantities[0]! : "MIXED",
          warnings: src.parsed.warnings,
        };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    // Two commits of the same file raced: the other one won; answer as for a duplicate.
    if (isUniqueViolation(error)) {
      const existing = await duplicateResult(db, target.labId, src.stored.sha256);
      if (existing) return existing;
    }
    throw error;
  }
}

/**
 * Commits a file the caller staged with previewUpload: the file is parsed again with the given
 * options (the preview is advisory), then the Upload row, the curves, their fit jobs and the
 * audit event are written in one transaction. The same bytes already uploaded to the lab return
 * the existing Upload (`isDuplicate`), and nothing is created.
 */
export async function commitUpload(db: Db, actor: Actor, input: TCommitUploadInput, deps?: UploadDeps): Promise<TUploadResultDto> {
  const userId = requireUser(actor);
  const { store, limits } = depsOf(deps);
  const scope = await resolveScope(db, actor);
  const target = await resolveTarget(db, scope, input);
  await requireStaged(store, userId, input.sha256);
  const duplicate = await duplicateResult(db, target.labId, input.sha256);
  if (duplicate) return duplicate;
  const parsed = await parseStored(store, input.sha256, parseOptions(input.fileName, input.options, limits, input.pressureGPa));
  const stored: StoredFile = { sha256: input.sha256, sizeBytes: parsed.stats.bytes, backend: store.backend, key: store.keyFor(input.sha256) };
  return commitParsed(db, actor, target, { fileName: input.fileName, contentType: input.contentType ?? null, stored, parsed, options: input.options }, input, limits);
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
  const { stored, parsed } = await stageAndParse(store, source, {
    fileName: input.fileName,
    options: parseOptions(input.fileName, input.options, limits, input.pressureGPa),
    limits,
  });
  const duplicate = await duplicateResult(db, target.labId, stored.sha256);
  if (duplicate) return duplicate;
  return commitParsed(db, actor, target, { fileName: input.fileName, contentType: input.contentType ?? null, stored, parsed, options: input.options }, input, limits);
}
