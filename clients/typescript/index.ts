/**
 * A small typed client of the SIT Atlas API for scripts (Node 22, Deno, Bun or a browser):
 *
 *   import { atlasClient } from "./clients/typescript";
 *   const api = atlasClient("https://atlas.example", process.env.SIT_TOKEN!);
 *   const { data, error } = await api.GET("/api/v1/curves/{curveId}", { params: { path: { curveId } } });
 *
 * Paths, parameters, bodies and answers are typed from the OpenAPI document (schema.d.ts).
 */
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export type { components, paths } from "./schema";

export function atlasClient(baseUrl: string, token?: string) {
  return createClient<paths>({ baseUrl, headers: token ? { authorization: `Bearer ${token}` } : {} });
}
