/**
 * The production web server (started by the launcher): Next.js behind Node's own HTTP server,
 * so that a restart loses no request. On SIGTERM it stops accepting connections, lets the
 * requests in flight finish (up to SHUTDOWN_GRACE_SECONDS, 30 by default), then exits.
 *
 * The client's address reaches the app in X-Forwarded-For: the socket's address, unless
 * TRUST_PROXY=true says a proxy in front sets the header (then its value is kept).
 */
import http from "node:http";
import path from "node:path";
import next from "next";

const ROOT = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.PORT ?? 3000);
const graceMs = Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 30) * 1000;
const trustProxy = process.env.TRUST_PROXY === "true";

const app = next({ dev: false, dir: ROOT, port });
const handle = app.getRequestHandler();
await app.prepare();

let inFlight = 0;
let closing = false;
const server = http.createServer((req, res) => {
  if (!trustProxy) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  inFlight++;
  res.on("close", () => {
    inFlight--;
    if (closing && inFlight === 0) finish();
  });
  if (closing) res.setHeader("connection", "close");
  void handle(req, res);
});
server.keepAliveTimeout = 5000;
server.listen(port, () => process.stdout.write(`[sit-atlas] web server listening on port ${port}\n`));

function finish(): void {
  server.closeAllConnections();
  process.exit(0);
}

process.on("SIGTERM", () => {
  if (closing) return;
  closing = true;
  process.stdout.write(`[sit-atlas] web server: no new connections; finishing ${inFlight} request(s) in flight\n`);
  server.close(() => finish());
  server.closeIdleConnections();
  if (inFlight === 0) finish();
  setTimeout(() => {
    process.stdout.write(`[sit-atlas] web server: ${inFlight} request(s) still running after the grace period\n`);
    finish();
  }, graceMs).unref();
});
process.on("SIGINT", () => process.emit("SIGTERM"));
