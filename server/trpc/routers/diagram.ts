import { ZDiagramDto, ZDiagramFilterOptions, ZDiagramQuery } from "~/server/domains/diagrams/schemas";
import { getDiagram, listDiagramFilterOptions } from "~/server/domains/diagrams/service";
import { createTRPCRouter, publicProcedure } from "../init";
import { plainJson } from "../transformer";

export const diagramRouter = createTRPCRouter({
  // Parsed by its schema like every output (nothing goes out unlisted), then sent as plain JSON:
  // thousands of points that superjson would walk for nothing.
  get: publicProcedure
    .input(ZDiagramQuery)
    .output((value: unknown) => plainJson(ZDiagramDto.parse(value)))
    .query(({ ctx, input }) => getDiagram(ctx.db, ctx.actor, input)),
  getFilterOptions: publicProcedure.output(ZDiagramFilterOptions).query(({ ctx }) => listDiagramFilterOptions(ctx.db, ctx.actor)),
});
