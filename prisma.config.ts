import { defineConfig } from "prisma/config";

// The URL is only needed by Prisma's own CLI commands (migrate deploy, studio);
// the app applies migrations itself (scripts/lib/migrate.ts) and needs no native engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
