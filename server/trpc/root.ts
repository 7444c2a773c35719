import { createCallerFactory, createTRPCRouter } from "./init";
import { compareRouter } from "./routers/compare";
import { curveRouter } from "./routers/curve";
import { diagramRouter } from "./routers/diagram";
import { fitRouter } from "./routers/fit";
import { isothermRouter } from "./routers/isotherm";
import { labRouter } from "./routers/lab";
import { permalinkRouter } from "./routers/permalink";
import { sampleRouter } from "./routers/sample";
import { setupRouter } from "./routers/setup";
import { tokenRouter } from "./routers/token";
import { uploadRouter } from "./routers/upload";
import { userRouter } from "./routers/user";

export const appRouter = createTRPCRouter({
  user: userRouter,
  lab: labRouter,
  sample: sampleRouter,
  setup: setupRouter,
  curve: curveRouter,
  token: tokenRouter,
  upload: uploadRouter,
  diagram: diagramRouter,
  permalink: permalinkRouter,
  compare: compareRouter,
  fit: fitRouter,
  isotherm: isothermRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
