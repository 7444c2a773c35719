/**
 * Response headers of every route: framing forbidden, no MIME sniffing, no referrer across
 * sites, no powerful browser features, HSTS when the request came over https (directly or as
 * told by the proxy in X-Forwarded-Proto). The Content-Security-Policy of pages carries a
 * per-request nonce and is set in proxy.ts (contentSecurityPolicy below).
 */

export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Two years, subdomains included, as browsers' preload lists expect. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** Every non-page route (API, files): nothing may run, nothing may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The pages' policy: scripts only with this request's nonce (and what they load, 'strict-dynamic');
 * styles from the app and inline style attributes (charts position their parts with them).
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** True when the browser reached us over https (a proxy in front says so in X-Forwarded-Proto). */
export function isHttps(headers: Headers, url: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : url.startsWith("https:");
}
