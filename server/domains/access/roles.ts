import type { LabRole } from "~/generated/prisma/enums";

const RANK: Record<LabRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** True when `role` grants at least what `required` grants. */
export function roleAtLeast(role: LabRole, required: LabRole): boolean {
  return RANK[role] >= RANK[required];
}

/** What each role may do; the single place these rules are written down. */
export const LAB_PERMISSIONS = {
  read: "VIEWER",
  writeData: "MEMBER",
  overrideLabel: "MEMBER",
  /** making a sample public (everyone, signed in or not, reads it) */
  publishSample: "ADMIN",
  manageMembers: "ADMIN",
  manageTokens: "ADMIN",
  refitLab: "ADMIN",
  deleteLab: "OWNER",
} as const satisfies Record<string, LabRole>;

export type LabPermission = keyof typeof LAB_PERMISSIONS;

/** An admin may grant roles up to ADMIN; only an owner may make another owner. */
export function canGrantRole(granter: LabRole, role: LabRole): boolean {
  if (role === "OWNER") return granter === "OWNER";
  return roleAtLeast(granter, "ADMIN");
}
