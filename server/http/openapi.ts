import { z } from "zod";

export interface ApiOperation {
  method: "get" | "post" | "delete";
  /** OpenAPI path, e.g. /api/v1/samples/{sampleId} */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** whether the operation needs a token (Authorization: Bearer sit_…) */
  isAuthenticated: boolean;
  query?: z.ZodObject;
  body?: { schema?: z.ZodType; contentType: string; description?: string };
  response: z.ZodType;
}

const operations: ApiOperation[] = [];

/** Declares an operation of the public API; the OpenAPI document is built from these. */
export function registerOperation(operation: ApiOperation): ApiOperation {
  if (!operations.some((o) => o.method === operation.method && o.path === operation.path)) operations.push(operation);
  return operation;
}

const ZError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: "output", unrepresentable: "any" });
}

export function buildOpenApiDocument(baseUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: "query",
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }),
      })),
    ];
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      description: op.description,
      tags: op.tags,
      security: op.isAuthenticated ? [{ bearerToken: [] }] : [{}, { bearerToken: [] }],
      parameters: parameters.length > 0 ? parameters : undefined,
      requestBody: op.body
        ? { required: true, description: op.body.description, content: { [op.body.contentType]: { schema: op.body.schema ? jsonSchema(op.body.schema) : { type: "string", format: "binary" } } } }
        : undefined,
      responses: {
        "200": { description: "OK", content: { "application/json": { schema: jsonSchema(op.response) } } },
        default: { description: "Error: the code, a message saying what is wrong, and details", content: { "application/json": { schema: jsonSchema(ZError) } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "SIT Atlas API",
      version: "1",
      description:
        "Read and upload R(T, H, P) measurements. Authenticate scripts with a lab API token (created on the lab page): `Authorization: Bearer sit_…`. Public data can be read without a token.",
    },
    servers: [{ url: baseUrl }],
    components: { securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A lab API token, sit_…" } } },
    paths,
  };
}
