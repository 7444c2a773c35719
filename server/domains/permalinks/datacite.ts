/**
 * DataCite metadata (schema 4.5) of a snapshot, as JSON for the DataCite REST API and as XML
 * (kernel-4), so that a lab can register a DOI for it through its own DataCite or Zenodo
 * account. Pure: nothing is sent anywhere. The DOI itself is left to the registration.
 */
import { snapshotNote, splitName, type CitableSnapshot } from "./citation";

export const DATACITE_SCHEMA = "http://datacite.org/schema/kernel-4";
const SCHEMA_LOCATION = "https://schema.datacite.org/meta/kernel-4.5/metadata.xsd";
const RESOURCE_TYPE = "Phase-diagram snapshot of fitted R(T) curves";
const SUBJECTS = ["superconductor-insulator transition", "anomalous metal", "thin films", "electrical resistance"];

interface Creator {
  name: string;
  nameType: "Personal" | "Organizational";
  givenName?: string;
  familyName?: string;
  nameIdentifiers: { nameIdentifier: string; nameIdentifierScheme: "ORCID"; schemeUri: string }[];
  affiliation: { name: string }[];
}

interface RelatedIdentifier {
  relatedIdentifier: string;
  relatedIdentifierType: "DOI" | "arXiv" | "URL";
  relationType: "IsSupplementTo";
}

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;)])/;
const ARXIV = /\barXiv:\s*(\d{4}\.\d{4,5}(?:v\d+)?)/i;

/** The DOI or arXiv id in a lab's citation text, as a related identifier. */
export function relatedIdentifierOf(citation: string | null): RelatedIdentifier | null {
  if (!citation) return null;
  const doi = DOI.exec(citation);
  if (doi) return { relatedIdentifier: doi[1]!, relatedIdentifierType: "DOI", relationType: "IsSupplementTo" };
  const arxiv = ARXIV.exec(citation);
  if (arxiv) return { relatedIdentifier: `arXiv:${arxiv[1]!}`, relatedIdentifierType: "arXiv", relationType: "IsSupplementTo" };
  return null;
}

function creators(s: CitableSnapshot): Creator[] {
  const affiliation = s.labs.map((l) => ({ name: l.institution ? `${l.name}, ${l.institution}` : l.name }));
  const people: Creator[] = s.people.map((p) => {
    const { given, family } = splitName(p.name);
    return {
      name: given ? `${family}, ${given}` : family,
      nameType: "Personal",
      ...(given ? { givenName: given, familyName: family } : {}),
      nameIdentifiers: p.orcid ? [{ nameIdentifier: `https://orcid.org/${p.orcid}`, nameIdentifierScheme: "ORCID", schemeUri: "https://orcid.org" }] : [],
      affiliation: affiliation.length === 1 ? affiliation : [],
    };
  });
  const labs: Creator[] = s.labs.map((l) => ({ name: l.name, nameType: "Organizational", nameIdentifiers: [], affiliation: l.institution ? [{ name: l.institution }] : [] }));
  const all = [...people, ...labs];
  return all.length > 0 ? all : [{ name: "SIT Atlas contributors", nameType: "Organizational", nameIdentifiers: [], affiliation: [] }];
}

function relatedIdentifiers(s: CitableSnapshot): RelatedIdentifier[] {
  const out: RelatedIdentifier[] = [];
  for (const lab of s.labs) {
    const related = relatedIdentifierOf(lab.citation);
    if (related && !out.some((r) => r.relatedIdentifier === related.relatedIdentifier)) out.push(related);
  }
  return out;
}

/** The `attributes` of a DataCite REST API "dois" resource, wrapped as the API expects it. */
export function toDataCiteJson(s: CitableSnapshot): { data: { type: "dois"; attributes: Record<string, unknown> } } {
  const created = s.createdAt.slice(0, 10);
  return {
    data: {
      type: "dois",
      attributes: {
        creators: creators(s),
        titles: [{ title: s.title }],
        publisher: s.platform.name,
        publicationYear: Number(created.slice(0, 4)),
        types: { resourceTypeGeneral: "Dataset", resourceType: RESOURCE_TYPE },
        subjects: SUBJECTS.map((subject) => ({ subject })),
        contributors: [{ name: s.platform.name, nameType: "Organizational", contributorType: "HostingInstitution", nameIdentifiers: [], affiliation: [] }],
        dates: [{ date: created, dateType: "Created" }],
        alternateIdentifiers: [{ alternateIdentifier: s.url, alternateIdentifierType: "URL" }],
        relatedIdentifiers: relatedIdentifiers(s),
        sizes: [`${s.pointCount} curve${s.pointCount === 1 ? "" : "s"}`],
        formats: ["text/csv", "application/json"],
        version: s.engineVersions.join(", ") || undefined,
        descriptions: [
          { description: snapshotNote(s), descriptionType: "TechnicalInfo" },
          { description: `Content SHA-256: ${s.contentHash}`, descriptionType: "Other" },
        ],
        url: s.url,
        schemaVersion: DATACITE_SCHEMA,
      },
    },
  };
}

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function element(name: string, text: string, attrs: Record<string, string> = {}, indent = "    "): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join("");
  return `${indent}<${name}${a}>${xmlEscape(text)}</${name}>`;
}

/** The same metadata as a DataCite kernel-4 XML document. */
export function toDataCiteXml(s: CitableSnapshot): string {
  const created = s.createdAt.slice(0, 10);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<resource xmlns="${DATACITE_SCHEMA}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${DATACITE_SCHEMA} ${SCHEMA_LOCATION}">`,
    "  <!-- the DOI is assigned when the lab registers this record with DataCite or Zenodo -->",
    '  <identifier identifierType="DOI"></identifier>',
    "  <creators>",
  ];
  for (const c of creators(s)) {
    lines.push("    <creator>");
    lines.push(element("creatorName", c.name, { nameType: c.nameType }, "      "));
    if (c.givenName) lines.push(element("givenName", c.givenName, {}, "      "));
    if (c.familyName) lines.push(element("familyName", c.familyName, {}, "      "));
    for (const id of c.nameIdentifiers) lines.push(element("nameIdentifier", id.nameIdentifier, { nameIdentifierScheme: id.nameIdentifierScheme, schemeURI: id.schemeUri }, "      "));
    for (const a of c.affiliation) lines.push(element("affiliation", a.name, {}, "      "));
    lines.push("    </creator>");
  }
  lines.push("  </creators>", "  <titles>", element("title", s.title), "  </titles>");
  lines.push(element("publisher", s.platform.name, {}, "  "), element("publicationYear", created.slice(0, 4), {}, "  "));
  lines.push(element("resourceType", RESOURCE_TYPE, { resourceTypeGeneral: "Dataset" }, "  "));
  lines.push("  <subjects>", ...SUBJECTS.map((x) => element("subject", x)), "  </subjects>");
  lines.push("  <contributors>", '    <contributor contributorType="HostingInstitution">', element("contributorName", s.platform.name, { nameType: "Organizational" }, "      "), "    </contributor>", "  </contributors>");
  lines.push("  <dates>", element("date", created, { dateType: "Created" }), "  </dates>");
  lines.push("  <alternateIdentifiers>", element("alternateIdentifier", s.url, { alternateIdentifierType: "URL" }), "  </alternateIdentifiers>");
  const related = relatedIdentifiers(s);
  if (related.length > 0) {
    lines.push("  <relatedIdentifiers>", ...related.map((r) => element("relatedIdentifier", r.relatedIdentifier, { relatedIdentifierType: r.relatedIdentifierType, relationType: r.relationType })), "  </relatedIdentifiers>");
  }
  lines.push("  <sizes>", element("size", `${s.pointCount} curve${s.pointCount === 1 ? "" : "s"}`), "  </sizes>");
  lines.push("  <formats>", element("format", "text/csv"), element("format", "application/json"), "  </formats>");
  if (s.engineVersions.length > 0) lines.push(element("version", s.engineVersions.join(", "), {}, "  "));
  lines.push("  <descriptions>", element("description", snapshotNote(s), { descriptionType: "TechnicalInfo" }), element("description", `Content SHA-256: ${s.contentHash}`, { descriptionType: "Other" }), "  </descriptions>");
  lines.push("</resource>", "");
  return lines.join("\n");
}
