import { ZDiagramDto, ZDiagramFilterOptions, ZDiagramQuery } from "~/server/domains/diagrams/schemas";
import { getDiagram, listDiagramFilterOptions } from "~/server/domains/diagrams/service";
import { createTRPCRouter, publicProcedure } from "../init";

export const diagramRouter = createTRPCRouter({
  get: publicProcedure.input(ZDiagramQuery).output(ZDiagramDto).query(({ ctx, input }) => getDiagram(ctx.db, ctx.actor, input)),
  getFilterOptions: publicProcedure.output(ZDiagramFilterOptions).query(({ ctx }) => listDiagramFilterOptions(ctx.db, ctx.actor)),
});
