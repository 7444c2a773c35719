import { ZCompareCurvesDto, ZCompareCurvesInput } from "~/server/domains/compare/schemas";
import { getCompareCurves } from "~/server/domains/compare/service";
import { createTRPCRouter, publicProcedure } from "../init";

export const compareRouter = createTRPCRouter({
  getCurves: publicProcedure.input(ZCompareCurvesInput).output(ZCompareCurvesDto).query(({ ctx, input }) => getCompareCurves(ctx.db, ctx.actor, input)),
});
