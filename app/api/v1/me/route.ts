import { v1Route } from "~/server/http/v1";

export const GET = v1Route(async ({ actor }) => ({
  kind: actor.kind,
  labId: actor.kind === "token" ? actor.labId : null,
  userId: actor.kind === "anonymous" ? null : actor.userId,
  scopes: actor.kind === "token" ? actor.scopes : [],
}));
