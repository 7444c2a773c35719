import { recordAudit } from "~/server/domains/audit/service";
import { exportDiagramRows } from "~/server/domains/diagrams/service";
import { toCsv } from "~/server/domains/diagrams/export";
import { parseDiagramSearchParams } from "~/server/domains/diagrams/url";
import { dataResponse, exportFormat, publicBaseUrl } from "~/server/http/v1/diagrams";
import { v1Route } from "~/server/http/v1";

/** The points of the live diagram (the page's parameters, plus format=csv|json) with provenance. */
export const GET = v1Route(async ({ req, db, actor }) => {
  const url = new URL(req.url);
  const format = exportFormat(url.searchParams, ["csv", "json"]);
  url.searchParams.delete("format");
  const { query, rows } = await exportDiagramRows(db, actor, parseDiagramSearchParams(url.searchParams), publicBaseUrl(req));
  const name = `sit-atlas-${query.y}-vs-${query.x}`;
  await recordAudit(db, { actor, action: "export.diagram", entityType: "Diagram", entityId: `${query.y}-vs-${query.x}`, details: { format, points: rows.length } });
  if (format === "csv") return dataResponse(toCsv(rows), "text/csv; charset=utf-8", `${name}.csv`);
  const body = { source: "SIT Atlas", generatedAt: new Date().toISOString(), url: `${publicBaseUrl(req)}/diagram?${url.searchParams.toString()}`, query, points: rows };
  return dataResponse(JSON.stringify(body, null, 1), "application/json; charset=utf-8", `${name}.json`);
});
