import { z } from "zod";
import { ZListSamplesInput, ZSampleListDto } from "~/server/domains/samples/schemas";
import { registerOperation } from "../openapi";

export const ZWhoAmI = z.object({
  kind: z.enum(["token", "user", "anonymous"]),
  labId: z.string().nullable(),
  userId: z.string().nullable(),
  scopes: z.array(z.string()),
});

export const whoAmIOperation = registerOperation({
  method: "get",
  path: "/api/v1/me",
  summary: "Who the request acts as",
  description: "With a token: its lab, its creator and its scopes.",
  tags: ["auth"],
  isAuthenticated: false,
  response: ZWhoAmI,
});

export const ZSamplesQuery = ZListSamplesInput.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const listSamplesOperation = registerOperation({
  method: "get",
  path: "/api/v1/samples",
  summary: "Samples the caller may read",
  description: "Public samples, the token's lab's own, and samples shared with that lab. Filter by lab, material or text.",
  tags: ["samples"],
  isAuthenticated: false,
  query: ZSamplesQuery,
  response: ZSampleListDto,
});
