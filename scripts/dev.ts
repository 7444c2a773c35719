/** `npm run dev`: like `npm start`, with Next's development server instead of a production build. */
import path from "node:path";
import { handleShutdown, log, prepare, ROOT, run, startWorkers } from "./lib/launcher";

const { platform, env, settings } = await prepare();
startWorkers(settings.workers, env);
const web = run(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "dev", "-p", String(settings.port)], env, "dev server");
log(`development server on http://localhost:${settings.port}`);
handleShutdown(platform, web);
