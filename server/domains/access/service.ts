import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import type { LabRole } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "./actor";
import { LAB_PERMISSIONS, roleAtLeast, type LabPermission } from "./roles";

export interface AccessScope {
  actor: Actor;
  /** labs the actor belongs to, with the role held in each */
  roles: ReadonlyMap<string, LabRole>;
}

/** Resolves the labs an actor acts within. A token acts only within its own lab. */
export async function resolveScope(db: Db, actor: Actor): Promise<AccessScope> {
  if (actor.kind === "anonymous") return { actor, roles: new Map() };
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId, ...(actor.kind === "token" ? { labId: actor.labId } : {}) },
    select: { labId: true, role: true },
  });
  const roles = new Map<string, LabRole>();
  for (const m of memberships) {
    // A token never grants more than MEMBER, and read-only tokens act as VIEWER.
    const role =
      actor.kind === "token"
        ? actor.scopes.includes("write") && roleAtLeast(m.role, "MEMBER")
          ? "MEMBER"
          : "VIEWER"
        : m.role;
    roles.set(m.labId, role);
  }
  return { actor, roles };
}

export function memberLabIds(scope: AccessScope): string[] {
  return [...scope.roles.keys()];
}

/** Prisma filter for the samples the scope may read: public ones, its labs' own, and those shared with its labs. */
export function readableSampleWhere(scope: AccessScope): Prisma.SampleWhereInput {
  const labs = memberLabIds(scope);
  if (labs.length === 0) return { visibility: "PUBLIC" };
  return {
    OR: [
      { visibility: "PUBLIC" },
      { labId: { in: labs } },
      { visibility: "SHARED", shares: { some: { labId: { in: labs } } } },
    ],
  };
}

/** SQL twin of readableSampleWhere for raw queries: a condition on a sample row aliased `s`. */
export function readableSampleSql(scope: AccessScope): { sql: string; labIds: string[] } {
  const labs = memberLabIds(scope);
  if (labs.length === 0) return { sql: `s."visibility" = 'PUBLIC'`, labIds: [] };
  return {
    sql: `(s."visibility" = 'PUBLIC' OR s."labId" = ANY($LABS) OR (s."visibility" = 'SHARED' AND EXISTS (SELECT 1 FROM "SampleShare" ss WHERE ss."sampleId" = s."id" AND ss."labId" = ANY($LABS))))`,
    labIds: labs,
  };
}

export function requireUser(actor: Actor): string {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", "Sign in to do this.");
  return actor.userId;
}

/**
 * Throws unless the scope holds `permission` in `labId`. A lab the actor does not belong to
 * is reported as not found, so its existence is not revealed.
 */
export function requireLabPermission(scope: AccessScope, labId: string, permission: LabPermission, what = `Lab ${labId}`): LabRole {
  requireUser(scope.actor);
  const role = scope.roles.get(labId);
  if (!role) throw new AppError("NOT_FOUND", `${what} not found`);
  if (!roleAtLeast(role, LAB_PERMISSIONS[permission])) {
    throw new AppError("FORBIDDEN", `This needs the ${LAB_PERMISSIONS[permission].toLowerCase()} role or higher in this lab (you are ${role.toLowerCase()}).`);
  }
  return role;
}

/** Throws unless the scope holds `permission` in at least one lab (no lab to name: FORBIDDEN). */
export function requireAnyLabPermission(scope: AccessScope, permission: LabPermission): void {
  requireUser(scope.actor);
  for (const role of scope.roles.values()) if (roleAtLeast(role, LAB_PERMISSIONS[permission])) return;
  throw new AppError("FORBIDDEN", `This needs the ${LAB_PERMISSIONS[permission].toLowerCase()} role or higher in a lab.`);
}

export function hasLabPermission(scope: AccessScope, labId: string, permission: LabPermission): boolean {
  const role = scope.roles.get(labId);
  return role !== undefined && roleAtLeast(role, LAB_PERMISSIONS[permission]);
}

/**
 * Loads a sample the scope may read, or throws NOT_FOUND (also when it exists but is not
 * readable). `what` names the row asked for (a curve of the sample, say), so that the message
 * is the same whether that row is missing or unreadable.
 */
export async function requireReadableSample(db: Db, scope: AccessScope, sampleId: string, what = `Sample ${sampleId}`): Promise<{ id: string; labId: string }> {
  const sample = await db.sample.findFirst({
    where: { AND: [{ id: sampleId }, readableSampleWhere(scope)] },
    select: { id: true, labId: true },
  });
  if (!sample) throw new AppError("NOT_FOUND", `${what} not found`);
  return sample;
}

/** Loads a sample the scope may write to (member of its lab), or throws. */
export async function requireWritableSample(db: Db, scope: AccessScope, sampleId: string): Promise<{ id: string; labId: string }> {
  const sample = await requireReadableSample(db, scope, sampleId);
  requireLabPermission(scope, sample.labId, "writeData");
  return sample;
}
