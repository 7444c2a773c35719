import { db } from "~/server/db";
import { ENGINE_VERSION } from "~/server/fitting";

/** Public counts for the home page: only public data is counted. */
export async function getPlatformStats() {
  const [publicSamples, publicCurves, labs, fittedCurves] = await Promise.all([
    db.sample.count({ where: { visibility: "PUBLIC" } }),
    db.curve.count({ where: { sample: { visibility: "PUBLIC" } } }),
    db.sample.findMany({ where: { visibility: "PUBLIC" }, distinct: ["labId"], select: { labId: true } }),
    db.fitResult.count({ where: { engineVersion: ENGINE_VERSION } }),
  ]);
  return { publicSamples, publicCurves, labsWithPublicData: labs.length, fittedCurves, engineVersion: ENGINE_VERSION };
}
