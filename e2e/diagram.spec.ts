import type { Browser, Page } from "@playwright/test";
import { expect, signIn, signUp, snap, test } from "./fixtures";

const DEMO_PASSWORD = "demo-password";
/** The demo's a-MoGe film, measured in a well-filtered and a poorly filtered refrigerator (lab C, shared with lab A). */
const MOGE = "a-Mo₄₃Ge₅₇";

const chart = (page: Page) => page.getByTestId("diagram-chart");
const points = (page: Page) => chart(page).locator("g.diagram-point");

/** The fit ids of the points drawn, sorted. */
async function drawnFitIds(page: Page): Promise<string[]> {
  const ids = await points(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-fit-id") ?? ""));
  return ids.sort();
}

/** Opens a diagram and waits until the demo curves it needs are fitted (the worker fits them after start-up). */
async function openDiagram(page: Page, search: string, atLeast: number): Promise<void> {
  await expect(async () => {
    await page.goto(`/diagram?${search}`);
    await expect(chart(page)).toBeVisible();
    expect(await points(page).count()).toBeGreaterThanOrEqual(atLeast);
  }).toPass({ timeout: 120_000, intervals: [2_000] });
}

async function share(page: Page): Promise<string> {
  await page.getByTestId("share").click();
  const link = page.getByTestId("permalink");
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/p\/[0-9A-Za-z]{10}$/);
  return href!;
}

async function anonymousPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test("a diagram of public data: axes and legend in the address, shared and opened by a visitor with the same points", async ({ page, browser, baseURL }) => {
  await signUp(page);
  // The pressure series of seed 003: one row per film, I1 → S → M1 → M2 → I2 along pressure.
  await openDiagram(page, "", 39);
  await expect(page.getByTestId("boundaries-table")).toContainText("M1");
  await expect(page.getByTestId("boundaries-table")).toContainText("M2");
  await snap(page, "diagram-pressure-sequence");

  // Build another view with the controls; every change is a new address.
  await page.getByLabel("Y axis").selectOption("Tc90");
  await expect(page).toHaveURL(/y=Tc90/);
  await page.getByLabel("Colour by").selectOption("sample");
  await expect(page).toHaveURL(/color=sample/);
  await expect(chart(page).locator("svg").first()).toHaveAttribute("aria-label", /Tc \(90 % of R_n\)/);
  const tcPoints = await points(page).count();
  expect(tcPoints).toBeGreaterThan(5);
  await snap(page, "diagram-tc-against-pressure");

  // Back and forward step through the views.
  await page.goBack();
  await expect(page).not.toHaveURL(/color=sample/);
  await expect(page).toHaveURL(/y=Tc90/);
  await page.goForward();
  await expect(page).toHaveURL(/color=sample/);

  // The legend hides a phase, and the address keeps it.
  const m1 = await chart(page).locator('g.diagram-point[data-phase="M1"]').count();
  expect(m1).toBeGreaterThan(0);
  await page.getByTestId("legend-M1").click();
  await expect(page).toHaveURL(/hide=M1/);
  await expect(chart(page).locator('g.diagram-point[data-phase="M1"]')).toHaveCount(0);
  await expect(points(page)).toHaveCount(tcPoints - m1);

  // Hovering a point tells where it comes from.
  await points(page).first().hover();
  await expect(page.getByTestId("point-tooltip")).toContainText("GPa");
  await points(page).first().click();
  await expect(page.getByTestId("point-details")).toContainText("GPa");
  await expect(page.getByTestId("open-curve")).toHaveAttribute("href", /^\/curves\//);

  const shown = await drawnFitIds(page);
  const permalink = await share(page);
  await snap(page, "diagram-shared");

  // A visitor who is not signed in sees exactly the same points.
  const visitor = await anonymousPage(browser, baseURL);
  await visitor.goto(permalink);
  await expect(visitor.getByTestId("permalink-title")).toContainText("Tc");
  await expect(chart(visitor)).toBeVisible();
  expect(await drawnFitIds(visitor)).toEqual(shown);
  await expect(visitor.getByTestId("access-message")).toHaveCount(0);
  await expect(visitor.getByTestId("today-link")).toHaveAttribute("href", /\/diagram\?.*y=Tc90/);
  await snap(visitor, "permalink-public-anonymous");
  await visitor.context().close();

  // The demo curves are sheet resistances (their samples record their squares): Ω/□ on the axis.
  await page.getByLabel("Y axis").selectOption("rhoQF");
  await expect(page).toHaveURL(/y=rhoQF/);
  await expect(chart(page).locator("svg").first()).toHaveAttribute("aria-label", /ρ_QF \(Ω\/□\)/);
});

test("the well-filtered switch removes the possibly artifactual saturation; a snapshot of shared data is not shown to visitors", async ({ page, browser, baseURL }) => {
  // Alice's lab may read lab C's a-MoGe film (shared): 6 field steps in each of two refrigerators.
  await signIn(page, "alice@demo.sit-atlas.org", DEMO_PASSWORD);
  await openDiagram(page, `x=H&material=${encodeURIComponent(MOGE)}`, 12);
  const flagged = chart(page).locator('g.diagram-point[data-artifact="1"]');
  expect(await flagged.count()).toBeGreaterThan(0);
  await expect(page.getByTestId("legend-M1")).toBeVisible();
  await snap(page, "diagram-filtering-before");

  const before = await points(page).count();
  // the switch follows the address, so it is clicked (not "checked") and the address is awaited
  await page.getByRole("switch", { name: "Well-filtered data only" }).click();
  await expect(page).toHaveURL(/wf=1/);
  await expect(flagged).toHaveCount(0);
  await expect(points(page)).toHaveCount(6);
  expect(before).toBe(12);
  await expect(page.getByTestId("switch-note")).toContainText("6 curves");
  await snap(page, "diagram-filtering-after");

  await page.getByRole("switch", { name: "Well-filtered data only" }).click();
  await expect(page).not.toHaveURL(/wf=1/);
  await expect(points(page)).toHaveCount(12);
  const permalink = await share(page);

  // A visitor gets the not-found page (HTTP 404), not the data.
  const visitor = await anonymousPage(browser, baseURL);
  const response = await visitor.goto(permalink);
  expect(response?.status()).toBe(404);
  await expect(visitor.getByTestId("not-found-message")).toContainText("not public");
  await expect(visitor.getByTestId("diagram-chart")).toHaveCount(0);
  await expect(visitor.getByText("a-MoGe strip M4")).toHaveCount(0);
  await snap(visitor, "permalink-private-anonymous");
  await visitor.context().close();

  // Alice herself still sees the twelve points.
  await page.goto(permalink);
  await expect(points(page)).toHaveCount(12);
});

test("standard figures and the comparison across materials draw the demo physics", async ({ page }) => {
  await page.goto("/figures");
  // Tc against pressure (seed 003, Fig. 2d) and the field-tuned phases (seed 001)
  const tc = page.getByTestId("figure-tc-pressure");
  await expect(async () => {
    await page.reload();
    expect(await tc.locator("g.diagram-point").count()).toBeGreaterThanOrEqual(9);
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  await expect(page.getByTestId("figure-field-saturation").locator("g.diagram-point").first()).toBeVisible();
  await snap(page, "figures");

  // Compare the three a-InO films: overlay normalized to R_N against T/Tc, and Tc against pressure.
  await page.goto("/compare");
  for (const name of ["a-InO DAC-13", "a-InO DAC-27", "a-InO DAC-41"]) {
    const box = page.getByTestId("compare-samples").getByRole("checkbox", { name: new RegExp(`^${name}`) });
    await box.click();
    await expect(box).toBeChecked();
  }
  await page.getByRole("radio", { name: "T / Tc" }).click();
  await expect(page).toHaveURL(/t=TTc/);
  await expect(page.getByTestId("curve-chart").locator(".recharts-scatter").first()).toBeVisible();
  await expect(page.getByTestId("compare-table").locator("tbody tr")).not.toHaveCount(0);
  await snap(page, "compare-ino-films");
});
