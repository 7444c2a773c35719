import { test as base, expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SCREENSHOT_DIR = path.resolve("e2e/screenshots");

export interface NewUser {
  name: string;
  email: string;
  password: string;
}

/** Signs up a new user of its own through the UI and leaves the page signed in. */
export async function signUp(page: Page): Promise<NewUser> {
  const id = randomUUID().slice(0, 8);
  const user = { name: `E2E ${id}`, email: `e2e-${id}@test.invalid`, password: `pw-${id}-${id}` };
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(user.name);
  return user;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** Saves a full-page screenshot under e2e/screenshots for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export const test = base;
export { expect };
