/**
 * Sign-in attempts one account gets per minute: sends wrong passwords for one account to a
 * running server's credentials sign-in as fast as answers come, for `--seconds` (60), and
 * counts the attempts that were evaluated (401-like answers) and those refused with 429.
 *
 *   npx tsx bench/sign-in-rate.ts [--url http://localhost:3000] [--seconds 60]
 */
import { cliArgs } from "../scripts/lib/args";

const args = cliArgs(process.argv.slice(2));
const base = args.get("url") ?? "http://localhost:3000";
const seconds = args.num("seconds", 60);
const email = `rate-${Date.now()}@test.invalid`;

async function attempt(): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, password: "wrong-password", csrfToken, json: "true" }),
    redirect: "manual",
  });
  await res.arrayBuffer();
  return res.status;
}

const until = Date.now() + seconds * 1000;
const counts = new Map<number, number>();
let retryAfter: string | null = null;
while (Date.now() < until) {
  const status = await attempt();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  if (status === 429 && !retryAfter) retryAfter = "seen";
}
const refused = counts.get(429) ?? 0;
const total = [...counts.values()].reduce((a, b) => a + b, 0);
console.log(`${seconds} s of wrong passwords for one account: ${total} attempts, ${total - refused} evaluated, ${refused} refused with 429`);
console.log(`answers: ${[...counts.entries()].map(([k, v]) => `${k}: ${v}`).join(", ")}`);
