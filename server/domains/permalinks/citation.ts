/** How to cite a permalink: BibTeX and CSL-JSON. Pure: no database. */

export interface CitableSnapshot {
  id: string;
  title: string;
  createdAt: string;
  createdBy: string | null;
  contentHash: string;
  engineVersions: string[];
  pointCount: number;
  labs: string[];
  url: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Escapes the characters BibTeX treats specially. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}]/g, (c) => (c === "\\" ? "\\textbackslash{}" : `\\${c}`)).replace(/[&%$#_]/g, (c) => `\\${c}`).replace(/~/g, "\\textasciitilde{}").replace(/\^/g, "\\textasciicircum{}");
}

function note(s: CitableSnapshot): string {
  const labs = s.labs.length > 0 ? ` from ${s.labs.join("; ")}` : "";
  return `Immutable snapshot of ${s.pointCount} fitted R(T) curves${labs}; fitting engine ${s.engineVersions.join(", ") || "n/a"}; content SHA-256 ${s.contentHash}`;
}

export function toBibtex(s: CitableSnapshot): string {
  const date = new Date(s.createdAt);
  const author = s.createdBy ? `{${bibtexEscape(s.createdBy)}}` : "{SIT Atlas contributors}";
  const fields = [
    ["title", `{${bibtexEscape(s.title)}}`],
    ["author", author],
    ["howpublished", "{SIT Atlas permalink}"],
    ["year", String(date.getUTCFullYear())],
    ["month", MONTHS[date.getUTCMonth()]!],
    ["url", `{${s.url}}`],
    ["note", `{${bibtexEscape(note(s))}}`],
  ];
  return `@misc{sitatlas-${s.id},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(",\n")}\n}\n`;
}

export function toCslJson(s: CitableSnapshot): Record<string, unknown>[] {
  const date = new Date(s.createdAt);
  return [
    {
      id: `sitatlas-${s.id}`,
      type: "dataset",
      title: s.title,
      author: [s.createdBy ? { literal: s.createdBy } : { literal: "SIT Atlas contributors" }],
      issued: { "date-parts": [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] },
      publisher: "SIT Atlas",
      URL: s.url,
      version: s.engineVersions.join(", "),
      note: note(s),
    },
  ];
}
