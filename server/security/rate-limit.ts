/**
 * Throttling: every limit of the platform, in one place, counted in PostgreSQL
 * (rate-limiter-flexible's PostgreSQL store, table "rate_limit") so that they hold across web
 * instances. A refused attempt throws RateLimitedError, answered 429 with Retry-After.
 */
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "~/server/env";
import { RateLimitedError } from "~/server/errors";

/** points per duration (seconds); blockDuration: how long a key stays refused once it is over. */
export const RATE_POLICY = {
  /** failed sign-ins of one account (known or not): 10 failures → locked for 10 minutes */
  signInFailuresPerAccount: { points: 10, duration: 600, blockDuration: 600 },
  /** failed sign-ins from one address, over all accounts */
  signInFailuresPerIp: { points: 50, duration: 600, blockDuration: 600 },
  /** sign-up calls from one address (each call of a tRPC batch counts); RATE_LIMIT_SIGNUPS_PER_HOUR */
  signUpPerIp: { points: env.RATE_LIMIT_SIGNUPS_PER_HOUR, duration: 3600, blockDuration: 0 },
  /** confirmation mails one user may ask for */
  verificationMails: { points: 5, duration: 3600, blockDuration: 0 },
  /** unknown, revoked or expired bearer tokens sent from one address */
  tokenFailuresPerIp: { points: 20, duration: 600, blockDuration: 600 },
  /** requests authenticated by one token */
  requestsPerToken: { points: 600, duration: 60, blockDuration: 0 },
  /** files staged or imported by one user or token; RATE_LIMIT_UPLOADS_PER_HOUR */
  uploadsPerActor: { points: env.RATE_LIMIT_UPLOADS_PER_HOUR, duration: 3600, blockDuration: 0 },
  /** files staged or imported from one address: twice one actor's */
  uploadsPerIp: { points: 2 * env.RATE_LIMIT_UPLOADS_PER_HOUR, duration: 3600, blockDuration: 0 },
} as const;

export type RatePolicy = keyof typeof RATE_POLICY;

const MESSAGES: Record<RatePolicy, string> = {
  signInFailuresPerAccount: "Too many failed sign-ins for this account. Try again later.",
  signInFailuresPerIp: "Too many failed sign-ins from this address. Try again later.",
  signUpPerIp: "Too many sign-ups from this address. Try again later.",
  tokenFailuresPerIp: "Too many requests with an invalid API token from this address. Try again later.",
  verificationMails: "Too many confirmation mails asked for. Try again later.",
  requestsPerToken: "Too many requests with this API token. Slow down.",
  uploadsPerActor: "Too many uploads. Try again later.",
  uploadsPerIp: "Too many uploads from this address. Try again later.",
};

const state = globalThis as unknown as { __sitRateLimit?: { url: string; pool: pg.Pool; limiters: Map<RatePolicy, RateLimiterPostgres> } };

/** Counts in the database at `url` (tests); otherwise in DATABASE_URL's. */
export function setRateLimitDatabase(url: string): void {
  if (state.__sitRateLimit?.url === url) return;
  void state.__sitRateLimit?.pool.end();
  state.__sitRateLimit = { url, pool: new pg.Pool({ connectionString: url, max: 4 }), limiters: new Map() };
}

export async function closeRateLimitDatabase(): Promise<void> {
  const s = state.__sitRateLimit;
  state.__sitRateLimit = undefined;
  await s?.pool.end();
}

function limiter(policy: RatePolicy): RateLimiterPostgres {
  if (!state.__sitRateLimit) {
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: throttling needs the database.");
    setRateLimitDatabase(env.DATABASE_URL);
  }
  const s = state.__sitRateLimit!;
  let found = s.limiters.get(policy);
  if (!found) {
    const { points, duration, blockDuration } = RATE_POLICY[policy];
    found = new RateLimiterPostgres({ storeClient: s.pool, storeType: "pool", tableName: "rate_limit", tableCreated: true, keyPrefix: policy, points, duration, blockDuration, clearExpiredByTimeout: false });
    s.limiters.set(policy, found);
  }
  return found;
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Counts one event (or `points`); throws RateLimitedError when the key is over its limit. */
export async function consume(policy: RatePolicy, key: string, points = 1): Promise<void> {
  try {
    await limiter(policy).consume(key, points);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(MESSAGES[policy], retryAfter(error));
    throw error;
  }
}

/** Throws RateLimitedError when the key is already over its limit; counts nothing. */
export async function assertNotLimited(policy: RatePolicy, key: string): Promise<void> {
  const res = await limiter(policy).get(key);
  if (res && res.consumedPoints >= RATE_POLICY[policy].points && res.msBeforeNext > 0) throw new RateLimitedError(MESSAGES[policy], retryAfter(res));
}

/** Counts a failure without throwing (the caller answers the failure itself). */
export async function countFailure(policy: RatePolicy, key: string): Promise<void> {
  await limiter(policy)
    .consume(key)
    .catch((error: unknown) => {
      if (!(error instanceof RateLimiterRes)) throw error;
    });
}

export async function reset(policy: RatePolicy, key: string): Promise<void> {
  await limiter(policy).delete(key);
}

/**
 * The client's address: the last entry of X-Forwarded-For (the one the nearest proxy, or Next's
 * own server from the socket, wrote), else "unknown". Behind a proxy, configure it to set the header.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? headers.get("x-real-ip") ?? "unknown";
}

/** The `Retry-After` header of a throttled answer. */
export function retryAfterHeaders(error: unknown): Record<string, string> {
  return error instanceof RateLimitedError ? { "retry-after": String(error.retryAfterSeconds) } : {};
}
