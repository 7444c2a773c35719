/**
 * `npm run refit`: queues every curve that the current fitting engine has not fitted yet
 * (after an engine change, all of them), and the isotherm analysis of every sample without a
 * result of the current analysis version. Workers pick the jobs up; old results are kept.
 */
import { createDb } from "~/server/db";
import { refitEverything } from "~/server/domains/fits/service";
import { queueStaleIsothermAnalyses } from "~/server/domains/isotherms/service";
import { installQueue } from "~/server/jobs/queue";
import { withDatabase } from "./lib/database";

await withDatabase(async (url) => {
  await installQueue(url);
  const db = createDb(url, { max: 2 });
  const result = await refitEverything(db);
  const isotherms = await queueStaleIsothermAnalyses(db);
  await db.$disconnect();
  console.log(JSON.stringify({ ...result, isothermSamples: isotherms.queued }));
});
