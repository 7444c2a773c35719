import { randomBytes } from "node:crypto";
import packageJson from "~/package.json";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import type { Actor } from "~/server/domains/access/actor";
import { readableSampleWhere, requireUser, resolveScope } from "~/server/domains/access/service";
import { recordAudit } from "~/server/domains/audit/service";
import { AXES } from "~/server/domains/diagrams/axes";
import { diagramFromPoints, type TBasePoint } from "~/server/domains/diagrams/geometry";
import { MAX_DRAWN_POINTS, ZDiagramQuery, type TDiagramQuery, type TProvenance } from "~/server/domains/diagrams/schemas";
import { loadDiagramPoints, loadDiagramSummary } from "~/server/domains/diagrams/service";
import { diagramHref, normalizeDiagramQuery } from "~/server/domains/diagrams/url";
import { exportRows, type TExportRow } from "~/server/domains/diagrams/export";
import { normalizeOrcid, type CitableSnapshot, type CitedPerson } from "./citation";
import { packPoints, snapshotHash, unpackPoints, ZSnapshotPayload } from "./payload";
import type { TCreatePermalinkInput, TPermalinkDto } from "./schemas";

/** Most points one permalink freezes; larger views must be narrowed first. */
export const PERMALINK_MAX_POINTS = MAX_DRAWN_POINTS;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** 10 random characters of [0-9A-Za-z] (about 59 bits). */
export function newPermalinkId(length = 10): string {
  const bytes = randomBytes(length * 2);
  let id = "";
  for (let i = 0; i < bytes.length && id.length < length; i++) {
    const b = bytes[i]!;
    if (b < 248) id += ALPHABET[b % 62]; // 248 = 4·62: no bias
  }
  return id.length === length ? id : newPermalinkId(length);
}

/** A title from the axes alone (material names could be private to the sharer's lab). */
export function defaultTitle(query: TDiagramQuery): string {
  return `${AXES[query.y].label} against ${AXES[query.x].label}${query.wellFilteredOnly ? " · well-filtered data only" : ""}`;
}

/**
 * Freezes the diagram of a query as the actor sees it now: the points with their provenance and
 * the ids of their curves and fits, the engine versions and a content hash. Never updated after.
 */
export async function createPermalink(db: Db, actor: Actor, input: TCreatePermalinkInput): Promise<{ id: string; path: string; pointCount: number; contentHash: string }> {
  const userId = requireUser(actor);
  const scope = await resolveScope(db, actor);
  const query = normalizeDiagramQuery(input.query);
  const summary = await loadDiagramSummary(db, scope, query);
  if (summary.total > PERMALINK_MAX_POINTS) {
    throw new AppError(
      "BAD_REQUEST",
      `This view has ${summary.total.toLocaleString("en")} points; a permalink freezes at most ${PERMALINK_MAX_POINTS.toLocaleString("en")}. Narrow the filters (lab, material, sample, dates) and share again.`,
    );
  }
  const { points, provenance } = await loadDiagramPoints(db, scope, query, PERMALINK_MAX_POINTS);
  const payload = packPoints(points, provenance, { missing: summary.missing, removedBySwitch: summary.removedBySwitch });
  const contentHash = snapshotHash("diagram", query, points);
  const sampleIds = Object.keys(provenance.samples).sort();
  const data = {
    createdById: userId,
    title: input.title?.trim() || defaultTitle(query),
    view: "diagram",
    query: query as unknown as Prisma.InputJsonValue,
    curveIds: points.map((p) => p.curveId),
    fitResultIds: points.map((p) => p.fitId),
    sampleIds,
    engineVersions: [...new Set(points.map((p) => p.engineVersion))].sort(),
    payload: payload as unknown as Prisma.InputJsonValue,
    contentHash,
    isAllPublic: sampleIds.every((id) => provenance.samples[id]?.visibility === "PUBLIC"),
  };
  for (let attempt = 0; ; attempt++) {
    const id = newPermalinkId();
    try {
      await db.$transaction(async (tx) => {
        await tx.permalink.create({ data: { id, ...data }, select: { id: true } });
        await recordAudit(tx, { actor, action: "permalink.create", entityType: "Permalink", entityId: id, details: { points: points.length, contentHash } });
      });
      return { id, path: `/p/${id}`, pointCount: points.length, contentHash };
    } catch (error) {
      const isCollision = (error as { code?: string }).code === "P2002";
      if (!isCollision || attempt >= 4) throw error;
    }
  }
}

export interface ResolvedSnapshot {
  dto: Omit<TPermalinkDto, "diagram">;
  query: TDiagramQuery;
  points: TBasePoint[];
  provenance: TProvenance;
  counts: { missing: number; removedBySwitch: number };
}

/**
 * Loads a snapshot for one viewer. Access is checked again now, sample by sample: points from
 * samples the viewer may not read are left out (and counted), with their names.
 */
export async function resolvePermalink(db: Db, actor: Actor, id: string): Promise<ResolvedSnapshot> {
  const [row, scope] = await Promise.all([
    db.permalink.findUnique({
      where: { id },
      select: {
        id: true,
        title: true,
        view: true,
        createdAt: true,
        query: true,
        sampleIds: true,
        engineVersions: true,
        payload: true,
        contentHash: true,
        isAllPublic: true,
        createdBy: { select: { name: true } },
      },
    }),
    resolveScope(db, actor),
  ]);
  if (!row) throw new AppError("NOT_FOUND", `Permalink ${id} not found`);
  const query = ZDiagramQuery.parse(row.query);
  const payload = ZSnapshotPayload.parse(row.payload);
  const all = unpackPoints(payload);
  const readable = new Set(
    row.sampleIds.length === 0
      ? []
      : (await db.sample.findMany({ where: { AND: [{ id: { in: row.sampleIds } }, readableSampleWhere(scope)] }, select: { id: true } })).map((s) => s.id),
  );
  const points = all.filter((p) => readable.has(p.sampleId));
  // A viewer who may not read every point learns nothing about the others: not how many they
  // are, nor the title, author or labs of the whole (nor, when none is readable, its hash).
  const isPartial = points.length < all.length;
  const isAccessDenied = all.length > 0 && points.length === 0;
  const provenance: TProvenance = { labs: {}, samples: {}, setups: {} };
  for (const p of points) {
    const sample = payload.provenance.samples[p.sampleId];
    if (sample) provenance.samples[p.sampleId] = sample;
    const lab = payload.provenance.labs[p.labId];
    if (lab) provenance.labs[p.labId] = lab;
    if (sample && payload.provenance.labs[sample.labId]) provenance.labs[sample.labId] = payload.provenance.labs[sample.labId]!;
    const setup = p.setupId ? payload.provenance.setups[p.setupId] : undefined;
    if (setup && p.setupId) provenance.setups[p.setupId] = setup;
  }
  // The frozen query may name materials and samples the viewer may not read: only those of the
  // points shown are kept in what the viewer gets (the stored query and its hash are unchanged).
  const shownMaterials = new Set(Object.values(provenance.samples).map((sample) => sample.material));
  const shownLabs = new Set([...Object.keys(provenance.labs), ...scope.roles.keys()]);
  const viewerQuery: TDiagramQuery = {
    ...query,
    materials: query.materials.filter((m) => shownMaterials.has(m)),
    sampleIds: query.sampleIds.filter((id) => readable.has(id)),
    labIds: query.labIds.filter((id) => shownLabs.has(id)),
  };
  const anonymous = actor.kind === "anonymous";
  const accessMessage = isAccessDenied
    ? anonymous
      ? "This snapshot shows data that is not public. Sign in with an account of a lab that may read it."
      : "This snapshot shows only data from samples that your labs may not read."
    : isPartial
      ? `Some points of this snapshot are not shown: they come from samples you may not read${anonymous ? " (sign in to see more)" : ""}.`
      : null;
  return {
    dto: {
      id: row.id,
      title: isPartial ? null : row.title,
      view: row.view,
      createdAt: row.createdAt.toISOString(),
      createdBy: isPartial ? null : (row.createdBy?.name ?? null),
      query: viewerQuery,
      engineVersions: isAccessDenied ? [] : row.engineVersions,
      contentHash: isAccessDenied ? "" : row.contentHash,
      isHashVerified: !isAccessDenied && snapshotHash(row.view, query, all) === row.contentHash,
      isAllPublic: row.isAllPublic,
      pointCount: points.length,
      isPartial,
      isAccessDenied,
      accessMessage,
      todayPath: diagramHref(viewerQuery),
    },
    query: viewerQuery,
    points,
    provenance,
    counts: { missing: payload.missing, removedBySwitch: payload.removedBySwitch },
  };
}

/** A snapshot with its diagram, computed from the frozen points the viewer may read. */
export async function getPermalink(db: Db, actor: Actor, id: string): Promise<TPermalinkDto> {
  const resolved = await resolvePermalink(db, actor, id);
  return {
    ...resolved.dto,
    diagram: resolved.dto.isAccessDenied ? null : diagramFromPoints(resolved.query, resolved.points, resolved.provenance, resolved.counts),
  };
}

/** The snapshot's points the viewer may read, as table rows with provenance. */
export function snapshotRows(resolved: ResolvedSnapshot, baseUrl: string): TExportRow[] {
  return exportRows(resolved.points, resolved.provenance, { x: resolved.query.x, y: resolved.query.y }, baseUrl);
}

/** The platform named in every citation: its name and version. */
export const PLATFORM = { name: "SIT Atlas", version: packageJson.version };

/**
 * What a citation names, from the points the viewer may read only: the people who uploaded their
 * curves (with ORCID iDs where known; the creators of the samples when no uploader is recorded),
 * the labs with the way each asks to be cited, the snapshot and the platform.
 */
export async function citableSnapshot(db: Db, resolved: ResolvedSnapshot, baseUrl: string): Promise<CitableSnapshot> {
  const { dto } = resolved;
  const labIds = [...new Set(resolved.points.map((p) => p.labId))];
  const uploadIds = [...new Set(resolved.points.map((p) => p.uploadId).filter((id): id is string => id !== null))];
  const sampleIds = [...new Set(resolved.points.map((p) => p.sampleId))];
  const [labs, uploads, samples] = await Promise.all([
    db.lab.findMany({ where: { id: { in: labIds } }, select: { name: true, institution: true, citation: true }, orderBy: { name: "asc" } }),
    db.upload.findMany({ where: { id: { in: uploadIds } }, select: { createdAt: true, uploadedBy: { select: { id: true, name: true, email: true, orcid: true } } }, orderBy: { createdAt: "asc" } }),
    db.sample.findMany({ where: { id: { in: sampleIds } }, select: { createdAt: true, createdBy: { select: { id: true, name: true, email: true, orcid: true } } }, orderBy: { createdAt: "asc" } }),
  ]);
  const uploaders = uploads.map((u) => u.uploadedBy).filter((u) => u !== null);
  const measured = uploaders.length > 0 ? uploaders : samples.map((x) => x.createdBy).filter((u) => u !== null);
  const people = new Map<string, CitedPerson>();
  for (const u of measured) if (!people.has(u.id)) people.set(u.id, { name: u.name ?? u.email.split("@")[0]!, orcid: normalizeOrcid(u.orcid) });
  return {
    id: dto.id,
    title: dto.title ?? "Shared phase diagram",
    createdAt: dto.createdAt,
    createdBy: dto.createdBy,
    contentHash: dto.contentHash,
    engineVersions: dto.engineVersions,
    pointCount: dto.pointCount,
    people: [...people.values()],
    labs: labs.map((l) => ({ name: l.name, institution: l.institution, citation: l.citation })),
    url: `${baseUrl}/p/${dto.id}`,
    platform: { ...PLATFORM, url: baseUrl },
  };
}

/** A snapshot for a download or the API: an error when the viewer may read none of its points. */
export async function requireReadablePermalink(db: Db, actor: Actor, id: string): Promise<ResolvedSnapshot> {
  const resolved = await resolvePermalink(db, actor, id);
  if (resolved.dto.isAccessDenied) throw new AppError(actor.kind === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN", resolved.dto.accessMessage ?? "You may not read this snapshot.");
  return resolved;
}
