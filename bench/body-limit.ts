/**
 * Server memory under an oversized anonymous body: streams `--mib` MiB (300 by default) of JSON
 * to tRPC `user.signUp` on a running server, once chunked (no Content-Length, so the limit must
 * hold while streaming) and once with its declared length, and samples the resident memory of
 * the server process and its children from /proc every 10 ms.
 *
 *   npx tsx bench/body-limit.ts --pid <server pid> [--url http://localhost:3000] [--mib 300]
 *
 * Prints the status of each request, the bytes the client managed to send, and the growth of the
 * server's resident memory over its value before the request.
 */
import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import { cliArgs } from "../scripts/lib/args";

const args = cliArgs(process.argv.slice(2));
const pid = args.num("pid");
if (pid === undefined) throw new Error("--pid <server pid> is required");
const base = new URL(args.get("url") ?? "http://localhost:3000");
const mib = args.num("mib", 300);

function descendants(root: number): number[] {
  const out = [root];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1]);
      if (ppid === root) out.push(...descendants(Number(entry)));
    } catch {
      /* gone */
    }
  }
  return out;
}

function rssBytes(pids: number[]): number {
  let total = 0;
  for (const p of pids) {
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      /* gone */
    }
  }
  return total;
}

async function send(declareLength: boolean): Promise<{ status: number; sentBytes: number; growth: number; ms: number }> {
  const pids = descendants(pid!);
  await new Promise((r) => setTimeout(r, 500));
  const before = rssBytes(pids);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssBytes(pids))), 10);
  const total = mib * 1024 * 1024;
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  chunk.write('{"0":{"json":{"email":"a@b.c","password":"', 0);
  const started = Date.now();
  let sent = 0;
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      new URL("/api/trpc/user.signUp?batch=1", base),
      { method: "POST", headers: { "content-type": "application/json", ...(declareLength ? { "content-length": String(total) } : {}) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" || e.code === "ECONNRESET" ? resolve(-1) : reject(e)));
    const write = () => {
      while (sent < total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
  await new Promise((r) => setTimeout(r, 300));
  clearInterval(timer);
  return { status, sentBytes: Math.min(sent, total), growth: peak - before, ms: Date.now() - started };
}

for (const declareLength of [false, true]) {
  const r = await send(declareLength);
  const mb = (b: number) => (b / 1e6).toFixed(1);
  console.log(
    `${mib} MiB ${declareLength ? "with Content-Length" : "chunked          "}: status ${r.status}, client wrote ${mb(r.sentBytes)} MB in ${r.ms} ms, server RSS grew ${mb(r.growth)} MB`,
  );
}
