import type { Page } from "@playwright/test";
import { expect, signIn, snap, test } from "./fixtures";

/** Every page at a wide (1440 px) and a narrow (800 px) window, for a person to look at. */
const WIDTHS = [1440, 800] as const;

async function both(page: Page, path: string, name: string, ready: (page: Page) => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    await ready(page);
    // nothing wider than the window (no horizontal scrolling at 800 px), once the charts have
    // re-measured their width after the resize (a chart keeps its 1440 px width for a moment)
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: `${name} at ${width} px`, timeout: 10_000 })
      .toBeLessThanOrEqual(1);
    await snap(page, `${name}-${width}`);
  }
}

test("screenshots of the pages at 1440 and 800 px", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "alice@demo.sit-atlas.org", "demo-password");
  const visible = (testId: string) => async (p: Page) => expect(p.getByTestId(testId).first()).toBeVisible({ timeout: 60_000 });
  const heading = async (p: Page) => expect(p.locator("h1").first()).toBeVisible();

  await both(page, "/", "home", heading);
  await expect(async () => {
    await page.goto("/diagram");
    expect(await page.getByTestId("diagram-chart").locator("g.diagram-point").count()).toBeGreaterThan(10);
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  await both(page, "/diagram", "diagram", visible("diagram-chart"));
  await both(page, "/diagram?x=H&y=sample", "diagram-field-rows", visible("diagram-chart"));
  await both(page, "/figures", "figures", visible("figure-tc-pressure"));
  await both(page, "/samples", "samples", heading);

  await page.goto("/samples");
  const sampleHref = await page.locator('a[href^="/samples/"]').filter({ hasNotText: "New" }).first().getAttribute("href");
  await both(page, sampleHref!, "sample", visible("curve-chart"));
  const curveHref = await page.locator('a[href^="/curves/"]').first().getAttribute("href");
  await both(page, curveHref!, "curve", visible("curve-chart"));

  await page.goto("/labs");
  const labHref = await page.locator('a[href^="/labs/"]').first().getAttribute("href");
  await both(page, labHref!, "lab", visible("lab-citation"));
  await both(page, "/upload", "upload", heading);
  await both(page, "/compare", "compare", heading);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/diagram?x=P&y=Tc90");
  await expect(page.getByTestId("diagram-chart")).toBeVisible();
  await page.getByTestId("share").click();
  const permalink = await page.getByTestId("permalink").getAttribute("href");
  await both(page, permalink!, "permalink", visible("permalink-title"));

  // the figure saved from the permalink carries its provenance under the plot
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "SVG" }).first().click();
  const file = await (await download).path();
  const svg = (await import("node:fs")).readFileSync(file, "utf8");
  expect(svg).toContain('data-caption="provenance"');
  expect(svg).toMatch(new RegExp(`${permalink!.replace(/\//g, "\\/")} · \\d{4}-\\d{2}-\\d{2} · SIT Atlas · engine `));
});
