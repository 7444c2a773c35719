/**
 * The tRPC router of the app over HTTP on loopback, for the load mode of bench/diagram.ts: the
 * same router, transformer and batching as /api/trpc (through tRPC's standalone Node adapter
 * instead of Next's route), on the benchmark's database. The viewer is named by the request
 * header `x-bench-user` (a benchmark user id; none: an anonymous visitor): a stand-in for the
 * session cookie, so that the run measures the diagram, not sign-in.
 *
 *   BENCH_DB_URL=… BENCH_PORT=… npx tsx bench/diagram-server.ts
 */
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { createDb } from "../server/db";
import { ANONYMOUS, userActor } from "../server/domains/access/actor";
import { appRouter } from "../server/trpc/root";

const url = process.env.BENCH_DB_URL;
if (!url) throw new Error("BENCH_DB_URL is not set");
const db = createDb(url, { max: 10 });
const server = createHTTPServer({
  basePath: "/api/trpc/",
  router: appRouter,
  createContext: ({ req }) => {
    const user = req.headers["x-bench-user"];
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    return { db, actor: typeof user === "string" && user ? userActor(user) : ANONYMOUS, headers };
  },
});
server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : "?"}`);
});
const stop = () => server.close(() => void db.$disconnect().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
