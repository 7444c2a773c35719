/** The one set of names of the filtering grades, used wherever a grade is shown. */
export const GRADE_LABEL = { GOOD: "well filtered", MODERATE: "moderately filtered", POOR: "poorly filtered", UNKNOWN: "filtering unknown" } as const;

/** The name of a grade given as a string (an unknown value is shown as it is). */
export function gradeLabel(grade: string | null | undefined): string {
  const key = grade ?? "UNKNOWN";
  return key in GRADE_LABEL ? GRADE_LABEL[key as keyof typeof GRADE_LABEL] : key;
}

export function GradeBadge({ grade, title }: { grade: string | null; title?: string }) {
  const key = grade ?? "UNKNOWN";
  return (
    <span className={`badge grade-${key}`} title={title}>
      {gradeLabel(key)}
    </span>
  );
}
