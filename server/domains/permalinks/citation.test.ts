import { describe, expect, it } from "vitest";
import { normalizeOrcid, snapshotNote, splitName, toBibtex, toCslJson, type CitableSnapshot } from "./citation";
import { relatedIdentifierOf, toDataCiteJson, toDataCiteXml } from "./datacite";

const snapshot: CitableSnapshot = {
  id: "Ab3dE6gH9k",
  title: "Tc against pressure & field",
  createdAt: "2026-11-30T10:00:00.000Z",
  createdBy: "Sharer Person",
  contentHash: "f".repeat(64),
  engineVersions: ["2.1.0"],
  pointCount: 12,
  people: [
    { name: "Ada Lovelace", orcid: "0000-0002-1825-0097" },
    { name: "Grace Hopper", orcid: null },
  ],
  labs: [
    { name: "Frydman lab", institution: "Bar-Ilan University", citation: "R. G. Cohen Song et al., please cite doi:10.1234/abc.5678." },
    { name: "Lab C", institution: null, citation: null },
  ],
  url: "https://atlas.example/p/Ab3dE6gH9k",
  platform: { name: "SIT Atlas", version: "0.1.0", url: "https://atlas.example" },
};

/** Tags open and close in order (the XML is written without self-closing tags). */
function isBalanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "").matchAll(/<(\/?)([A-Za-z][\w:]*)[^>]*>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

describe("citations credit who measured, the labs, the snapshot and the platform", () => {
  it("names people and labs as authors in BibTeX, not the sharer", () => {
    const bib = toBibtex(snapshot);
    expect(bib).toContain("author = {Lovelace, Ada and Hopper, Grace and {Frydman lab} and {Lab C}}");
    expect(bib).not.toContain("Sharer Person");
    expect(bib).toContain("url = {https://atlas.example/p/Ab3dE6gH9k}");
    expect(bib).toContain(`content SHA-256 ${"f".repeat(64)}`);
    expect(bib).toContain("https://orcid.org/0000-0002-1825-0097");
    expect(bib).toContain("title = {Tc against pressure \\& field}");
    expect(bib).toContain("date = 2026-11-30");
    expect(bib).toContain("SIT Atlas 0.1.0");
    expect(bib).toContain("please also cite: Frydman lab: R. G. Cohen Song et al.");
  });

  it("gives CSL authors with ORCID iDs", () => {
    const [item] = toCslJson(snapshot);
    expect(item!.author).toEqual([
      { given: "Ada", family: "Lovelace", ORCID: "https://orcid.org/0000-0002-1825-0097" },
      { given: "Grace", family: "Hopper" },
      { literal: "Frydman lab" },
      { literal: "Lab C" },
    ]);
    expect(item!.type).toBe("dataset");
    expect(item!.URL).toBe(snapshot.url);
  });

  it("falls back to the platform's contributors when nobody is known", () => {
    expect(toBibtex({ ...snapshot, people: [], labs: [] })).toContain("author = {{SIT Atlas contributors}}");
    expect(snapshotNote({ ...snapshot, pointCount: 1 })).toMatch(/^Immutable snapshot of 1 fitted R\(T\) curve measured/);
  });

  it("reads ORCID iDs bare or as URLs and names in two parts", () => {
    expect(normalizeOrcid("https://orcid.org/0000-0002-1825-009x")).toBe("0000-0002-1825-009X");
    expect(normalizeOrcid("0000-0002-1825-0097")).toBe("0000-0002-1825-0097");
    expect(normalizeOrcid("not an orcid")).toBeNull();
    expect(splitName("Jean Paul Sartre")).toEqual({ given: "Jean Paul", family: "Sartre" });
    expect(splitName("Plato")).toEqual({ given: "", family: "Plato" });
  });
});

describe("DataCite metadata", () => {
  it("describes the snapshot as a dataset with creators, ORCID iDs and the related paper", () => {
    const { data } = toDataCiteJson(snapshot);
    const a = data.attributes as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(data.type).toBe("dois");
    expect(a.types).toEqual({ resourceTypeGeneral: "Dataset", resourceType: expect.any(String) });
    expect(a.creators[0]).toMatchObject({ name: "Lovelace, Ada", nameType: "Personal", givenName: "Ada", familyName: "Lovelace" });
    expect(a.creators[0].nameIdentifiers).toEqual([{ nameIdentifier: "https://orcid.org/0000-0002-1825-0097", nameIdentifierScheme: "ORCID", schemeUri: "https://orcid.org" }]);
    expect(a.creators[2]).toMatchObject({ name: "Frydman lab", nameType: "Organizational", affiliation: [{ name: "Bar-Ilan University" }] });
    expect(a.publicationYear).toBe(2026);
    expect(a.url).toBe(snapshot.url);
    expect(a.relatedIdentifiers).toEqual([{ relatedIdentifier: "10.1234/abc.5678", relatedIdentifierType: "DOI", relationType: "IsSupplementTo" }]);
    expect(a.contributors[0]).toMatchObject({ name: "SIT Atlas", contributorType: "HostingInstitution" });
    expect(JSON.stringify(a.descriptions)).toContain("f".repeat(64));
  });

  it("finds DOIs and arXiv ids in a lab's citation text", () => {
    expect(relatedIdentifierOf("Zhang et al., PNAS (2022), https://doi.org/10.1073/pnas.2202496119.")?.relatedIdentifier).toBe("10.1073/pnas.2202496119");
    expect(relatedIdentifierOf("see arXiv:2305.15763v2")).toEqual({ relatedIdentifier: "arXiv:2305.15763v2", relatedIdentifierType: "arXiv", relationType: "IsSupplementTo" });
    expect(relatedIdentifierOf("our 2024 paper")).toBeNull();
  });

  it("writes well-formed kernel-4 XML with the same content, escaped", () => {
    const xml = toDataCiteXml(snapshot);
    expect(isBalanced(xml)).toBe(true);
    expect(xml).toContain('<resource xmlns="http://datacite.org/schema/kernel-4"');
    expect(xml).toContain('<creatorName nameType="Personal">Lovelace, Ada</creatorName>');
    expect(xml).toContain('<nameIdentifier nameIdentifierScheme="ORCID" schemeURI="https://orcid.org">https://orcid.org/0000-0002-1825-0097</nameIdentifier>');
    expect(xml).toContain("<title>Tc against pressure &amp; field</title>");
    expect(xml).toContain('<resourceType resourceTypeGeneral="Dataset">');
    expect(xml).toContain('<relatedIdentifier relatedIdentifierType="DOI" relationType="IsSupplementTo">10.1234/abc.5678</relatedIdentifier>');
    expect(xml).toContain('<alternateIdentifier alternateIdentifierType="URL">https://atlas.example/p/Ab3dE6gH9k</alternateIdentifier>');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});
