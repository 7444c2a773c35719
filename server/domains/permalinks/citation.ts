/**
 * How to cite a permalink: BibTeX and CSL-JSON. Pure: no database.
 *
 * A snapshot credits, in this order: the people who measured (the uploaders of its curves, with
 * their ORCID iDs where known), the labs the data comes from (with the way each lab asks to be
 * cited), the snapshot itself (title, permalink, content hash, date) and the platform.
 */

export interface CitedPerson {
  name: string;
  /** bare ORCID iD, 0000-0000-0000-000X */
  orcid: string | null;
}

export interface CitedLab {
  name: string;
  institution: string | null;
  /** how the lab asks to be cited (a reference, a DOI), as the lab wrote it */
  citation: string | null;
}

export interface CitableSnapshot {
  id: string;
  title: string;
  createdAt: string;
  /** who pressed Share (not an author of the data) */
  createdBy: string | null;
  contentHash: string;
  engineVersions: string[];
  pointCount: number;
  people: CitedPerson[];
  labs: CitedLab[];
  url: string;
  platform: { name: string; version: string; url: string };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ORCID = /^(?:https?:\/\/(?:sandbox\.)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;

/** The bare iD of an ORCID given bare or as a URL; null for anything else. */
export function normalizeOrcid(value: string | null | undefined): string | null {
  const m = ORCID.exec((value ?? "").trim());
  return m ? m[1]!.toUpperCase() : null;
}

/** Escapes the characters BibTeX treats specially. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}]/g, (c) => (c === "\\" ? "\\textbackslash{}" : `\\${c}`)).replace(/[&%$#_]/g, (c) => `\\${c}`).replace(/~/g, "\\textasciitilde{}").replace(/\^/g, "\\textasciicircum{}");
}

/** "Ada Lovelace" → { given: "Ada", family: "Lovelace" }; one word is a family name. */
export function splitName(name: string): { given: string; family: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length <= 1) return { given: "", family: parts[0] ?? "" };
  return { given: parts.slice(0, -1).join(" "), family: parts[parts.length - 1]! };
}

function labText(lab: CitedLab): string {
  return lab.institution ? `${lab.name} (${lab.institution})` : lab.name;
}

/** The sentence that goes with every citation format: what the snapshot is and how to verify it. */
export function snapshotNote(s: CitableSnapshot): string {
  const parts = [`Immutable snapshot of ${s.pointCount} fitted R(T) curve${s.pointCount === 1 ? "" : "s"}`];
  if (s.labs.length > 0) parts[0] += ` measured by ${s.labs.map(labText).join("; ")}`;
  const orcids = s.people.filter((p) => p.orcid).map((p) => `${p.name} https://orcid.org/${p.orcid}`);
  if (orcids.length > 0) parts.push(`ORCID: ${orcids.join(", ")}`);
  parts.push(`fitting engine ${s.engineVersions.join(", ") || "n/a"}`);
  parts.push(`content SHA-256 ${s.contentHash}`);
  parts.push(`published with ${s.platform.name} ${s.platform.version}`);
  const asked = s.labs.filter((l) => l.citation);
  if (asked.length > 0) parts.push(`please also cite: ${asked.map((l) => `${l.name}: ${l.citation}`).join("; ")}`);
  return parts.join("; ");
}

function bibtexAuthors(s: CitableSnapshot): string {
  const people = s.people.map((p) => {
    const { given, family } = splitName(p.name);
    return given ? `${bibtexEscape(family)}, ${bibtexEscape(given)}` : `{${bibtexEscape(family)}}`;
  });
  // labs are corporate authors: braces keep BibTeX from splitting their names
  const labs = s.labs.map((l) => `{${bibtexEscape(l.name)}}`);
  const all = [...people, ...labs];
  return all.length > 0 ? all.join(" and ") : "{SIT Atlas contributors}";
}

export function toBibtex(s: CitableSnapshot): string {
  const date = new Date(s.createdAt);
  const fields: [string, string][] = [
    ["title", `{${bibtexEscape(s.title)}}`],
    ["author", `{${bibtexAuthors(s)}}`],
    ["publisher", `{${bibtexEscape(s.platform.name)}}`],
    ["howpublished", `{${bibtexEscape(s.platform.name)} permalink}`],
    ["year", String(date.getUTCFullYear())],
    ["month", MONTHS[date.getUTCMonth()]!],
    ["date", date.toISOString().slice(0, 10)],
    ["url", `{${s.url}}`],
    ["version", `{${bibtexEscape(s.engineVersions.join(", ") || "n/a")}}`],
    ["note", `{${bibtexEscape(snapshotNote(s))}}`],
  ];
  return `@misc{sitatlas-${s.id},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(",\n")}\n}\n`;
}

export function toCslJson(s: CitableSnapshot): Record<string, unknown>[] {
  const date = new Date(s.createdAt);
  const author: Record<string, unknown>[] = [
    ...s.people.map((p) => {
      const { given, family } = splitName(p.name);
      return { ...(given ? { given, family } : { literal: family }), ...(p.orcid ? { ORCID: `https://orcid.org/${p.orcid}` } : {}) };
    }),
    ...s.labs.map((l) => ({ literal: l.name })),
  ];
  return [
    {
      id: `sitatlas-${s.id}`,
      type: "dataset",
      title: s.title,
      author: author.length > 0 ? author : [{ literal: "SIT Atlas contributors" }],
      issued: { "date-parts": [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] },
      publisher: s.platform.name,
      URL: s.url,
      version: s.engineVersions.join(", "),
      note: snapshotNote(s),
    },
  ];
}
