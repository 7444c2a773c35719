import type { TDiagnostic } from "~/server/domains/uploads/schemas";
import styles from "./upload.module.css";

/** Problems found in a file; every message names the file, line and column, then what was expected. */
export function Diagnostics({ items, testId }: { items: readonly TDiagnostic[]; testId?: string }) {
  return (
    <ul className={styles.diagnostics} data-testid={testId}>
      {items.map((d, i) => (
        <li key={i}>
          {d.message}
          {d.expected ? <span className="subtle"> · expected {d.expected}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Curve conditions from the parser, as a short label. */
export function formatConditions(c: { kind: "RT" | "RH"; fixed: { H_Oe: number | null; T_K: number | null; P_GPa: number | null } }, fmt: (n: number) => string): string {
  const parts: string[] = [];
  if (c.kind === "RH") parts.push(c.fixed.T_K === null ? "T unknown" : `T = ${fmt(c.fixed.T_K)} K`);
  else parts.push(c.fixed.H_Oe === null ? "H not recorded" : `H = ${fmt(c.fixed.H_Oe)} Oe`);
  if (c.fixed.P_GPa !== null) parts.push(`P = ${fmt(c.fixed.P_GPa)} GPa`);
  return parts.join(" · ");
}
