import { expect, snap, test } from "./fixtures";

test("the demo a-InO film's sample page shows its isotherms crossing and their scaling collapse", async ({ page }) => {
  await page.goto(`/samples?q=${encodeURIComponent("a-InO F3")}`);
  await page.getByRole("link", { name: /a-InO F3/ }).first().click();
  await expect(page.getByTestId("sample-name")).toContainText("a-InO F3");
  // the worker analyses the isotherms shortly after start-up
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("isotherm-parameters")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const section = page.getByTestId("isotherm-section");
  await expect(section.getByTestId("isotherm-parameters")).toContainText(/7\.1\d*k ± .* Oe|7\.2\d*k ± .* Oe/);
  await expect(section.getByTestId("isotherm-parameters")).toContainText("h/4e²");
  await expect(section.getByText("Scaling collapse")).toBeVisible();
  await expect(section.getByTestId("curve-chart")).toHaveCount(2);
  await expect(section.getByTestId("curve-chart").first().locator("svg.recharts-surface")).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await snap(page, "isotherm-analysis");

  // an R(H) sweep's page links back to the analysis
  await page.getByTestId("curves-table").getByRole("link").first().click();
  await expect(page.getByTestId("isotherm-link")).toContainText("field sweep up");
  await expect(page.getByTestId("isotherm-link").getByRole("link")).toHaveAttribute("href", /#isotherms$/);
});

test("the In/InOx composite's isotherms are reported without a critical point, with the reason", async ({ page }) => {
  await page.goto(`/samples?q=${encodeURIComponent("InOx/In #9")}`);
  await page.getByRole("link", { name: /InOx\/In #9/ }).first().click();
  await expect(page.getByTestId("sample-name")).toContainText("InOx/In #9");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("isotherm-parameters")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId("isotherm-section").scrollIntoViewIfNeeded();
  await snap(page, "isotherm-no-critical-point");
  await expect(page.getByTestId("isotherm-verdict")).toContainText("No critical point");
  await expect(page.getByTestId("isotherm-verdict")).toContainText("no_common_crossing");
});

test("the figures page places the demo film's critical point against h/4e²", async ({ page }) => {
  await expect(async () => {
    await page.goto("/figures");
    await expect(page.getByTestId("figure-critical-points")).toContainText("1 critical point, 1 with zν", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const figure = page.getByTestId("figure-critical-points");
  await expect(figure.getByTestId("critical-chart")).toHaveCount(2);
  await expect(figure.getByText("h/4e² = 6.45 kΩ")).toBeVisible();
  await figure.scrollIntoViewIfNeeded();
  await snap(page, "critical-points-figure");
});
