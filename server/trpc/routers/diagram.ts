import { z } from "zod";
import { ZDiagramFilterOptions, ZDiagramQuery, type TDiagramDto } from "~/server/domains/diagrams/schemas";
import { getDiagram, listDiagramFilterOptions } from "~/server/domains/diagrams/service";
import { encodeDiagram } from "~/server/domains/diagrams/wire";
import { createTRPCRouter, publicProcedure } from "../init";
import { plainJson } from "../transformer";

export const diagramRouter = createTRPCRouter({
  // The points go out as columns (../../domains/diagrams/wire.ts; the client decodes them), checked
  // by their schema like every output (nothing goes out unlisted), then sent as plain JSON:
  // thousands of values that superjson would walk for nothing.
  get: publicProcedure
    .input(ZDiagramQuery)
    .output(z.custom<TDiagramDto>().transform((dto) => plainJson(encodeDiagram(dto))))
    .query(({ ctx, input }) => getDiagram(ctx.db, ctx.actor, input)),
  getFilterOptions: publicProcedure.output(ZDiagramFilterOptions).query(({ ctx }) => listDiagramFilterOptions(ctx.db, ctx.actor)),
});
