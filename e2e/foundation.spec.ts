import { expect, signUp, snap, test } from "./fixtures";

test("a new user signs up, creates a lab, and opens a demo sample with its plot", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });

  await signUp(page);
  await page.goto("/labs");
  await page.getByLabel("Name").fill("E2E Thin Film Group");
  await page.getByLabel("Institution").fill("Test University");
  await page.getByRole("button", { name: "Create lab" }).click();
  await expect(page.getByRole("heading", { name: "E2E Thin Film Group" })).toBeVisible();
  await expect(page.getByTestId("members")).toContainText("owner");
  await snap(page, "lab-page");

  // The demo data is public: the pressure series of the initially insulating a-InO film.
  await page.goto("/samples?q=DAC-41");
  await page.getByRole("link", { name: /DAC-41/ }).first().click();
  await expect(page.getByTestId("sample-name")).toContainText("DAC-41");
  const chart = page.getByTestId("curve-chart");
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  // One drawn curve per R(T) sweep of the sample.
  await expect(chart.locator(".recharts-scatter")).toHaveCount(17);
  await expect(page.getByTestId("curves-table").locator("tbody tr")).toHaveCount(17);
  await snap(page, "demo-sample");
});

test("a visitor who is not signed in is sent to sign in for lab pages", async ({ page }) => {
  await page.goto("/labs");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Flabs/);
});

test("sign-up shows which field is wrong", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
});
