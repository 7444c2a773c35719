/** String-level cell splitting for header and metadata lines (not the hot path). */

export type TDelimiter = "," | ";" | "\t" | "|" | "whitespace";

/** Splits one line into cells, honouring double quotes ("" is an escaped quote). */
export function splitCells(text: string, delimiter: TDelimiter): string[] {
  if (delimiter === "whitespace") {
    const t = text.trim();
    return t === "" ? [] : t.split(/[ \t]+/);
  }
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    if (text[i] === '"') {
      let v = "";
      i++;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += text[i];
        i++;
      }
      // Anything after the closing quote up to the delimiter is kept.
      const next = text.indexOf(delimiter, i);
      const stop = next < 0 ? n : next;
      v += text.slice(i, stop);
      out.push(v.trim());
      i = stop + 1;
    } else {
      const next = text.indexOf(delimiter, i);
      const stop = next < 0 ? n : next;
      out.push(text.slice(i, stop).trim());
      i = stop + 1;
    }
    if (i > n) break;
  }
  return out;
}

/** Removes a comment prefix (#, %, //, ;) and surrounding blanks. */
export function stripCommentPrefix(text: string): string {
  return text.replace(/^\s*(?:#+|%+|\/\/+|;+)\s*/, "");
}

export function isCommentText(text: string, delimiter: TDelimiter | null): boolean {
  const t = text.trimStart();
  if (t.startsWith("#") || t.startsWith("%") || t.startsWith("//")) return true;
  return t.startsWith(";") && delimiter !== ";";
}
