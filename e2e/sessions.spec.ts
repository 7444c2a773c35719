import { expect, signUp, test } from "./fixtures";

/** Signing out ends the session everywhere: a copied session cookie stops working. */
test("a session cookie copied before sign-out no longer signs anyone in", async ({ page, browser, baseURL }) => {
  await signUp(page);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const other = await thief.newPage();
  await other.goto("/labs");
  await expect(other).toHaveURL(/\/sign-in/);
  await thief.close();
});
