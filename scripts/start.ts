/**
 * `npm start`: runs the platform on one machine. Starts (or connects to) PostgreSQL, applies
 * migrations, seeds the demo data, builds the app when its sources changed, then serves it
 * on PORT (default 3000) with FIT_WORKERS fit workers (default 1). SKIP_BUILD=true serves the
 * existing build as it is (containers, whose image was built ahead). On SIGTERM or Ctrl-C the web
 * server finishes its requests, then the workers stop, then the database (scripts/lib/launcher.ts;
 * the children run in process groups of their own, so Ctrl-C reaches the launcher alone).
 */
import fs from "node:fs";
import path from "node:path";
import { handleShutdown, log, prepare, ROOT, runToEnd, sourceStamp, startWebServer, startWorkers } from "./lib/launcher";

const { platform, env, settings } = await prepare();
const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
const stampFile = path.join(ROOT, ".next/sit-source-stamp");
const stamp = sourceStamp();
const isBuilt =
  process.env.SKIP_BUILD === "true" ||
  (fs.existsSync(path.join(ROOT, ".next/BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp);
if (!isBuilt) {
  log("building the app (first start, or the sources changed)…");
  await runToEnd(process.execPath, [nextBin, "build"], env);
  fs.writeFileSync(stampFile, stamp);
}
startWorkers(settings.workers, env);
const web = startWebServer(env);
log(`serving on http://localhost:${settings.port} (health: /api/health)`);
handleShutdown(platform, web);
