import { getDiagram } from "~/server/domains/diagrams/service";
import { parseDiagramSearchParamsStrict } from "~/server/domains/diagrams/url";
import { v1Route } from "~/server/http/v1";

/** The same parameters as the page /diagram; the same answer as the tRPC procedure diagram.get. */
export const GET = v1Route(({ req, db, actor }) => getDiagram(db, actor, parseDiagramSearchParamsStrict(new URL(req.url).searchParams)));
