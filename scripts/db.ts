/**
 * Database tasks.
 *   npm run db:deploy            apply pending migrations (DATABASE_URL, or the embedded server)
 *   npm run db:seed              seed the demo data (idempotent)
 *   npm run db:migrate -- NAME   write prisma/migrations/<timestamp>_NAME/migration.sql from the
 *                                difference between the schema of the last migration and
 *                                prisma/schema.prisma, without Prisma's native engines
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createDb } from "~/server/db";
import { seedDemoData } from "~/server/domains/demo/seed";
import { installQueue } from "~/server/jobs/queue";
import { applyMigrations, MIGRATIONS_DIR } from "~/server/platform/migrate";
import { withDatabase } from "./lib/database";
import { log, ROOT, settings } from "./lib/launcher";

/** Prisma's last CLI with a WASM schema engine that can diff schemas offline. */
const DIFF_PRISMA_VERSION = "6.19.3";

/** The schema as it was when the newest migration was committed. */
function schemaAtLastMigration(): string {
  const last = fs.readdirSync(MIGRATIONS_DIR).filter((n) => fs.existsSync(path.join(MIGRATIONS_DIR, n, "migration.sql"))).sort().at(-1);
  if (!last) return "";
  const commit = execFileSync("git", ["log", "-1", "--format=%H", "--", `prisma/migrations/${last}`], { cwd: ROOT, encoding: "utf8" }).trim();
  if (!commit) throw new Error(`Commit the migration ${last} (together with its schema) before writing the next one.`);
  return execFileSync("git", ["show", `${commit}:prisma/schema.prisma`], { cwd: ROOT, encoding: "utf8" });
}

/** The CLI wants the old generator and an inline URL; the URL only satisfies the validator. */
function forDiff(schema: string, url: string): string {
  return schema
    .replace(/generator client \{[\s\S]*?\n\}/, 'generator client {\n  provider = "prisma-client-js"\n}')
    .replace(/datasource db \{[\s\S]*?\n\}/, `datasource db {\n  provider = "postgresql"\n  url      = "${url}"\n}`);
}

async function newMigration(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Name the migration in snake_case, e.g. add_gate_voltage_index");
  const toolDir = path.join(settings().dataDir, "prisma-diff");
  if (!fs.existsSync(path.join(toolDir, "node_modules/prisma"))) {
    log(`installing prisma@${DIFF_PRISMA_VERSION} for offline diffs into ${toolDir}`);
    fs.mkdirSync(toolDir, { recursive: true });
    execFileSync("npm", ["install", "--prefix", toolDir, "--no-save", `prisma@${DIFF_PRISMA_VERSION}`, `@prisma/adapter-pg@${DIFF_PRISMA_VERSION}`], { stdio: "inherit" });
  }
  await withDatabase(async (url) => {
    const previous = schemaAtLastMigration();
    fs.writeFileSync(path.join(toolDir, "from.prisma"), previous ? forDiff(previous, url) : "");
    fs.writeFileSync(path.join(toolDir, "to.prisma"), forDiff(fs.readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8"), url));
    fs.writeFileSync(
      path.join(toolDir, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";\nimport { PrismaPg } from "@prisma/adapter-pg";\nexport default defineConfig({ experimental: { adapter: true }, engine: "js", schema: "to.prisma", adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(url)} }) });\n`,
    );
    const from = previous ? ["--from-schema-datamodel", "from.prisma"] : ["--from-empty"];
    const sql = execFileSync(process.execPath, [path.join(toolDir, "node_modules/prisma/build/index.js"), "migrate", "diff", ...from, "--to-schema-datamodel", "to.prisma", "--script"], {
      cwd: toolDir,
      encoding: "utf8",
      env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: import.meta.filename, PRISMA_SCHEMA_ENGINE_BINARY: import.meta.filename, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
      log("the schema has not changed since the last migration: nothing to write");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    log(`wrote ${path.relative(ROOT, dir)}/migration.sql; review it, then commit it with the schema`);
  });
}

const [command, arg] = process.argv.slice(2);
if (command === "deploy") {
  await withDatabase(async (url) => {
    const applied = await applyMigrations(url);
    await installQueue(url);
    log(applied.length > 0 ? `applied ${applied.join(", ")}` : "nothing to apply");
  });
} else if (command === "seed") {
  await withDatabase(async (url) => {
    await applyMigrations(url);
    await installQueue(url);
    const db = createDb(url, { max: 2 });
    log(JSON.stringify(await seedDemoData(db)));
    await db.$disconnect();
  });
} else if (command === "new" && arg) {
  await newMigration(arg);
} else {
  console.error("usage: tsx scripts/db.ts deploy | seed | new <snake_case_name>");
  process.exit(2);
}
