import { expect, signUp, test } from "./fixtures";

/** Security headers on pages and API routes, the nonce-based policy in action, and framing refused. */

test("pages and API routes carry the security headers; HSTS only over https", async ({ request }) => {
  const page = await request.get("/sign-in");
  const h = page.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toContain("object-src 'none'");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["strict-transport-security"]).toBeUndefined();
  // A fresh nonce per request.
  const again = (await request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(h["content-security-policy"]);

  const api = (await request.get("/api/health")).headers();
  expect(api["content-security-policy"]).toContain("default-src 'none'");
  expect(api["x-content-type-options"]).toBe("nosniff");

  const behindTls = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(behindTls.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
  const apiBehindTls = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(apiBehindTls.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
});

test("the app runs under its policy: no blocked script, signing up works", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  await signUp(page);
  await page.goto("/labs");
  await expect(page.getByRole("button", { name: "Create lab" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a signed-in page cannot be framed by another site", async ({ page, baseURL }) => {
  await signUp(page);
  await page.route("http://framer.invalid/", (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><title>framer</title><iframe id="f" src="${baseURL}/labs" width="800" height="600"></iframe>` }),
  );
  await page.goto("http://framer.invalid/");
  await page.waitForTimeout(1500);
  const child = page.frames().find((f) => f !== page.mainFrame());
  expect(child).toBeDefined();
  // A refused frame is left on the browser's error page: none of the app's content is there.
  const text = await child!
    .locator("body")
    .innerText({ timeout: 2000 })
    .catch(() => "");
  expect(text).not.toContain("Create lab");
  expect(text).not.toContain("Sign out");
});
