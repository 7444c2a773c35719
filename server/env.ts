import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const optionalBool = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((value) => value === "true" || value === "1");

/** The only reader of process.env. Everything is server-side; no variable reaches the browser. */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** set by the launcher (`npm start`) when it starts the embedded PostgreSQL */
    DATABASE_URL: z.string().url().optional(),
    /** where local state lives: uploaded files, the embedded database, the generated auth secret */
    DATA_DIR: z.string().default(".data"),
    NEXTAUTH_SECRET: z.string().min(16).optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    // Identity providers: each is enabled when its variables are set.
    GITHUB_CLIENT_ID: z.string().optional(),
    GITHUB_CLIENT_SECRET: z.string().optional(),
    ORCID_CLIENT_ID: z.string().optional(),
    ORCID_CLIENT_SECRET: z.string().optional(),
    ORCID_SANDBOX: optionalBool,
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_NAME: z.string().default("Institutional sign-in"),
    // Raw-file storage: local disk by default, S3-compatible when S3_BUCKET is set.
    S3_BUCKET: z.string().optional(),
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    // Upload limits.
    UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(200 * 1024 * 1024),
    UPLOAD_MAX_POINTS: z.coerce.number().int().positive().default(5_000_000),
    /** curves one upload may create (each queues a fit) */
    UPLOAD_MAX_CURVES: z.coerce.number().int().positive().default(500),
    /** sign-ups allowed from one address per hour (the other limits are in server/security/rate-limit.ts) */
    RATE_LIMIT_SIGNUPS_PER_HOUR: z.coerce.number().int().positive().default(20),
    /** files one user or token may stage or import per hour (twice that from one address) */
    RATE_LIMIT_UPLOADS_PER_HOUR: z.coerce.number().int().positive().default(120),
    /** raw bytes of a lab's uploads, and of one person's uploads over all labs */
    LAB_STORAGE_QUOTA_BYTES: z.coerce.number().int().positive().default(20 * 1024 ** 3),
    USER_STORAGE_QUOTA_BYTES: z.coerce.number().int().positive().default(5 * 1024 ** 3),
    // Mail: SMTP when SMTP_URL is set; otherwise the log (and, on the embedded database, /dev/mailbox).
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("SIT Atlas <no-reply@localhost>"),
    /** set by the launcher when it runs the embedded PostgreSQL (a local install) */
    SIT_EMBEDDED_DATABASE: optionalBool,
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
});
