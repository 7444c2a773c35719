import "server-only";
import { notFound } from "next/navigation";
import type { QueryKey } from "@tanstack/react-query";
import { getQueryClient } from "~/server/trpc/rsc";

/** tRPC codes that mean "nothing here for you": answered as one 404, whatever the reason. */
const UNREADABLE = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"]);

function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const direct = (error as { code?: unknown }).code;
  if (typeof direct === "string") return direct;
  const nested = (error as { data?: { code?: unknown } }).data?.code;
  return typeof nested === "string" ? nested : null;
}

/** True when a failed query failed because the row is missing or the viewer may not read it. */
export function isUnreadable(error: unknown): boolean {
  const code = errorCode(error);
  return code !== null && UNREADABLE.has(code);
}

/**
 * Prefetches queries for the client and answers 404 at once (Next's not-found page, the same for
 * a missing row and a forbidden one) when any of them was refused by the service's access check.
 * Returns the data of the queries in order.
 */
export async function prefetchReadable(...options: { queryKey: QueryKey }[]): Promise<unknown[]> {
  const client = getQueryClient();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await Promise.all(options.map((o) => client.prefetchQuery(o as any)));
  return options.map((o) => {
    const state = client.getQueryState(o.queryKey);
    if (state?.status === "error" && isUnreadable(state.error)) notFound();
    return state?.data;
  });
}
