/**
 * Writes the types of the typed API client (clients/typescript/schema.d.ts) from the OpenAPI
 * document the server builds. Run after changing an /api/v1 operation: `npm run -s api:client`.
 * `--check` exits with 1 when the file is out of date instead of writing it.
 */
import fs from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { buildOpenApiDocument } from "~/server/http/openapi";
import "~/server/http/catalog";

export const SCHEMA_FILE = path.resolve(import.meta.dirname, "../clients/typescript/schema.d.ts");

export async function clientTypes(): Promise<string> {
  const document = buildOpenApiDocument("http://localhost:3000");
  const ast = await openapiTS(document as never, { alphabetize: true });
  return `// Generated from the OpenAPI document of /api/v1 by scripts/api-client.ts; do not edit.\n${astToString(ast)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await clientTypes();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : "";
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), SCHEMA_FILE)} is out of date: run npm run -s api:client`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  }
}
