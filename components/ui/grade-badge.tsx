const LABEL: Record<string, string> = { GOOD: "well filtered", MODERATE: "moderately filtered", POOR: "poorly filtered", UNKNOWN: "filtering unknown" };

export function GradeBadge({ grade, title }: { grade: string | null; title?: string }) {
  const key = grade ?? "UNKNOWN";
  return (
    <span className={`badge grade-${key}`} title={title}>
      {LABEL[key] ?? key}
    </span>
  );
}
