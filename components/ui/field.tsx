import type { ReactNode } from "react";

export function Field({ label, htmlFor, hint, error, children }: { label: string; htmlFor: string; hint?: ReactNode; error?: string | null; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="hint">{hint}</span>
      ) : null}
    </div>
  );
}

/** The message of a tRPC/zod error, with field errors keyed by path. */
export function errorInfo(error: unknown): { message: string | null; fields: Record<string, string> } {
  if (!error) return { message: null, fields: {} };
  const data = (error as { data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } }).data;
  const fields: Record<string, string> = {};
  for (const [key, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) if (messages?.[0]) fields[key] = messages[0];
  const message = Object.keys(fields).length > 0 ? "Some fields need attention." : ((error as Error).message ?? "Something went wrong.");
  return { message, fields };
}
