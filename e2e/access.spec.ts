import type { Browser, Page } from "@playwright/test";
import { expect, signIn, signUp, snap, test } from "./fixtures";

/** The demo's a-MoGe film of lab C, shared with lab A only. */
const SHARED_SAMPLE = "a-MoGe strip M4";
const MOGE = "a-Mo₄₃Ge₅₇";

/** Opens a page, expects HTTP 404 with the not-found page, and returns its message. */
async function notFoundMessage(page: Page, url: string): Promise<string> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByText("Loading")).toHaveCount(0);
  return (await page.getByTestId("not-found-message").textContent()) ?? "";
}

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test("pages a viewer may not read answer 404 at once, with the same message as missing ones", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  // A member of lab A finds lab C's shared film, one of its curves, her own lab, and shares a view of it.
  await signIn(page, "alice@demo.sit-atlas.org", "demo-password");
  await page.goto("/samples");
  await page.getByRole("link", { name: SHARED_SAMPLE }).first().click();
  await expect(page).toHaveURL(/\/samples\/[^/]+$/);
  const sampleUrl = new URL(page.url()).pathname;
  const curveHref = await page.locator('a[href^="/curves/"]').first().getAttribute("href");
  expect(curveHref).toBeTruthy();
  await page.goto("/labs");
  const labHref = await page.locator('a[href^="/labs/"]').first().getAttribute("href");
  expect(labHref).toMatch(/^\/labs\/[^/]+$/);
  await expect(async () => {
    await page.goto(`/diagram?x=H&material=${encodeURIComponent(MOGE)}`);
    expect(await page.getByTestId("diagram-chart").locator("g.diagram-point").count()).toBeGreaterThanOrEqual(12);
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  await page.getByTestId("share").click();
  const permalink = await page.getByTestId("permalink").getAttribute("href");
  expect(permalink).toMatch(/^\/p\//);

  // A signed-in user of no lab: forbidden and missing look the same, in signed-in words.
  const stranger = await newPage(browser, baseURL);
  await signUp(stranger);
  const pairs: [string, string][] = [
    [sampleUrl, "/samples/no-such-sample"],
    [curveHref!, "/curves/no-such-curve"],
    [labHref!, "/labs/no-such-lab"],
    [permalink!, "/p/NoSuchLink0"],
  ];
  const signedIn = new Set<string>();
  for (const [forbidden, missing] of pairs) {
    const a = await notFoundMessage(stranger, forbidden);
    const b = await notFoundMessage(stranger, missing);
    expect(a).toBe(b);
    signedIn.add(a);
  }
  expect(signedIn.size).toBe(1);
  expect([...signedIn][0]).not.toMatch(/sign in/i);
  await expect(stranger.getByTestId("not-found").getByRole("link", { name: "sign in" })).toHaveCount(0);
  await notFoundMessage(stranger, curveHref!);
  await snap(stranger, "not-found-signed-in");
  await stranger.setViewportSize({ width: 800, height: 900 });
  await snap(stranger, "not-found-signed-in-800");
  await stranger.context().close();

  // A visitor: the same page and status, with a way to sign in.
  const visitor = await newPage(browser, baseURL);
  const anonymous = new Set<string>();
  for (const [forbidden, missing] of pairs.filter(([f]) => !f.startsWith("/labs/"))) {
    anonymous.add(await notFoundMessage(visitor, forbidden));
    anonymous.add(await notFoundMessage(visitor, missing));
  }
  expect(anonymous.size).toBe(1);
  expect([...anonymous][0]).not.toBe([...signedIn][0]);
  await expect(visitor.getByTestId("not-found").getByRole("link", { name: "sign in" })).toBeVisible();
  await snap(visitor, "not-found-anonymous");
  await visitor.context().close();
});
