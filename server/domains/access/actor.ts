/** Who is asking. Every service receives one; authorization is decided from it. */
export type Actor =
  | { kind: "user"; userId: string }
  | { kind: "token"; tokenId: string; labId: string; userId: string; scopes: readonly TokenScope[] }
  | { kind: "anonymous" };

export type TokenScope = "read" | "write";

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function userActor(userId: string): Actor {
  return { kind: "user", userId };
}

/** The user behind the actor (a token acts for the user who created it), if any. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === "anonymous" ? null : actor.userId;
}
