import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/domains/audit/service";
import { toCsv } from "~/server/domains/diagrams/export";
import { toBibtex, toCslJson } from "~/server/domains/permalinks/citation";
import { toDataCiteJson, toDataCiteXml } from "~/server/domains/permalinks/datacite";
import { ZPermalinkId } from "~/server/domains/permalinks/schemas";
import { citableSnapshot, requireReadablePermalink, snapshotRows } from "~/server/domains/permalinks/service";
import { dataResponse, exportFormat, publicBaseUrl } from "~/server/http/v1/diagrams";
import { v1Route } from "~/server/http/v1";

/** A snapshot's data (csv, json), citation (bibtex, csl) or DataCite metadata (datacite, datacite-xml), for whoever may read its points. */
export const GET = v1Route(async ({ req, db, actor, params }) => {
  const id = ZPermalinkId.safeParse(params.id);
  if (!id.success) throw new AppError("NOT_FOUND", `Permalink ${params.id} not found`);
  const format = exportFormat(new URL(req.url).searchParams, ["csv", "json", "bibtex", "csl", "datacite", "datacite-xml"]);
  const resolved = await requireReadablePermalink(db, actor, id.data);
  await recordAudit(db, { actor, action: "export.permalink", entityType: "Permalink", entityId: id.data, details: { format } });
  const base = publicBaseUrl(req);
  const name = `sit-atlas-${id.data}`;
  switch (format) {
    case "csv":
      return dataResponse(toCsv(snapshotRows(resolved, base)), "text/csv; charset=utf-8", `${name}.csv`);
    case "json":
      return dataResponse(JSON.stringify({ source: "SIT Atlas", permalink: { ...resolved.dto, url: `${base}/p/${id.data}` }, points: snapshotRows(resolved, base) }, null, 1), "application/json; charset=utf-8", `${name}.json`);
    case "bibtex":
      return dataResponse(toBibtex(await citableSnapshot(db, resolved, base)), "application/x-bibtex; charset=utf-8", `${name}.bib`);
    case "datacite":
      return dataResponse(JSON.stringify(toDataCiteJson(await citableSnapshot(db, resolved, base)), null, 1), "application/vnd.api+json; charset=utf-8", `${name}.datacite.json`);
    case "datacite-xml":
      return dataResponse(toDataCiteXml(await citableSnapshot(db, resolved, base)), "application/xml; charset=utf-8", `${name}.datacite.xml`);
    default:
      return dataResponse(JSON.stringify(toCslJson(await citableSnapshot(db, resolved, base)), null, 1), "application/vnd.citationstyles.csl+json; charset=utf-8", `${name}.csl.json`);
  }
});
