import type { TPhase } from "~/server/domains/curves/schemas";

export const PHASE_NAMES: Record<TPhase, string> = {
  S: "superconductor",
  M1: "failed superconductor (anomalous metal)",
  M2: "failed insulator (anomalous metal)",
  I1: "Bose insulator (activated)",
  I2: "Fermi insulator (hopping)",
  NONE: "no SIT label applies",
};

export const PHASE_COLORS: Record<TPhase | "X", string> = {
  S: "#1f4fd1",
  M1: "#0e9384",
  M2: "#dc6803",
  I1: "#c01048",
  I2: "#6941c6",
  NONE: "#475467",
  X: "#98a2b3",
};

export function PhaseBadge({ phase, inconclusive, title }: { phase: TPhase | null; inconclusive?: boolean; title?: string }) {
  if (!phase) return <span className="badge">not fitted yet</span>;
  return (
    <span className={`badge phase phase-${inconclusive ? "X" : phase}`} title={title ?? PHASE_NAMES[phase]}>
      {phase === "NONE" ? "no SIT label" : phase}
      {inconclusive ? "?" : ""}
    </span>
  );
}
