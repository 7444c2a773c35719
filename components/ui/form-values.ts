/**
 * Reads a number typed in a form field: empty is null, a decimal comma is accepted, and text
 * that is not a number becomes NaN so that validation reports it instead of dropping it.
 */
export function formNumber(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? "").trim().replace(",", ".");
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Reads a text field: trimmed, and null when empty. */
export function formText(value: FormDataEntryValue | null): string | null {
  const t = String(value ?? "").trim();
  return t === "" ? null : t;
}
