import { z } from "zod";

/** What an error status means, as the OpenAPI document says it. */
const ERROR_MEANING: Record<number, string> = {
  400: "The request is not valid: the message says which parameter or field, the details list each problem",
  401: "The API token is missing, unknown, revoked or expired",
  403: "The token lacks the scope, or its lab may not do this",
  404: "Not found, or not readable with this token (the two are not told apart)",
  409: "Conflicts with what is stored (for example a name already taken in the lab)",
  413: "The file or the number of points is over the upload limits",
  422: "The file could be read but holds nothing that can be stored",
  429: "Too many requests: wait for the seconds in Retry-After",
};

export interface ApiOperation {
  method: "get" | "post" | "patch" | "delete";
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
  /** the status of a success (201 for what creates) and its description */
  status?: 200 | 201;
  /** further success statuses, e.g. 200 for an upload that was already stored */
  otherSuccesses?: { status: number; description: string }[];
  /** error statuses this operation returns besides 400, 401, 403 and 429 (which any operation can) */
  errors?: number[];
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

/** A stable name for generated clients: getApiV1SamplesSampleIdCurves → "getSampleCurves"-like camel case of the path. */
function operationId(op: ApiOperation): string {
  const words = op.path
    .replace(/^\/api\/v1\//, "")
    .split("/")
    .map((part) => part.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : "")))
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1));
  return `${op.method}${words.join("")}`;
}

function responsesOf(op: ApiOperation): Record<string, unknown> {
  const status = op.status ?? 200;
  const content = { "application/json": { schema: jsonSchema(op.response) } };
  const responses: Record<string, unknown> = { [String(status)]: { description: status === 201 ? "Created" : "OK", content } };
  for (const other of op.otherSuccesses ?? []) responses[String(other.status)] = { description: other.description, content };
  const errors = new Set([400, 401, 403, 429, ...(op.path.includes("{") ? [404] : []), ...(op.errors ?? [])]);
  for (const code of [...errors].sort((a, b) => a - b)) {
    responses[String(code)] = { description: ERROR_MEANING[code] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  responses.default = { description: "Unexpected error: the code, a message saying what is wrong, and details", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  return responses;
}

/** Every operation registered so far (the catalog imports them all). */
export function registeredOperations(): readonly ApiOperation[] {
  return operations;
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
      operationId: operationId(op),
      summary: op.summary,
      description: op.description,
      tags: op.tags,
      security: op.isAuthenticated ? [{ bearerToken: [] }] : [{}, { bearerToken: [] }],
      parameters: parameters.length > 0 ? parameters : undefined,
      requestBody: op.body
        ? { required: true, description: op.body.description, content: { [op.body.contentType]: { schema: op.body.schema ? z.toJSONSchema(op.body.schema, { io: "input", unrepresentable: "any" }) : { type: "string", format: "binary" } } } }
        : undefined,
      responses: responsesOf(op),
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
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A lab API token, sit_…" } },
      schemas: { Error: jsonSchema(ZError) },
    },
    paths,
  };
}
