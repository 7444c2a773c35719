import type { Page } from "@playwright/test";
import { expect, signUp, snap, test } from "./fixtures";

/**
 * Two R(T) sweeps of an insulating film (cooling at 0 Oe, warming at 5 kOe) whose temperature
 * column is named after the thermometer and has no unit, so it is not detected automatically.
 */
function thermometerCsv(tag: string): string {
  const lines = [`# run ${tag}`, "sensor_A,R_film (Ohm),B (Oe)"];
  for (let k = 0; k < 60; k++) {
    const T = 20 - k * 0.3;
    lines.push(`${T.toFixed(3)},${(2000 * Math.exp(1.5 / T)).toFixed(2)},0`);
  }
  for (let k = 0; k < 60; k++) {
    const T = 2.3 + k * 0.3;
    lines.push(`${T.toFixed(3)},${(2600 * Math.exp(1.8 / T)).toFixed(2)},5000`);
  }
  return `${lines.join("\n")}\n`;
}

async function createLabAndSample(page: Page): Promise<{ sampleUrl: string }> {
  await page.goto("/labs");
  await page.getByLabel("Name").fill("E2E Upload Group");
  await page.getByRole("button", { name: "Create lab" }).click();
  await expect(page.getByRole("heading", { name: "E2E Upload Group" })).toBeVisible();
  await page.goto("/samples/new");
  await page.getByLabel("Name", { exact: true }).fill("InOx film U1");
  await page.getByLabel("Material").fill("a-InO");
  await page.getByRole("button", { name: "Create sample" }).click();
  await expect(page.getByTestId("sample-name")).toContainText("InOx film U1");
  return { sampleUrl: new URL(page.url()).pathname };
}

test("a file whose temperature column is not detected: fix the mapping, confirm, and see the curves on the sample page", async ({ page }) => {
  await signUp(page);
  const { sampleUrl } = await createLabAndSample(page);

  await page.getByRole("link", { name: "Upload data" }).click();
  await expect(page).toHaveURL(/\/upload\?sampleId=/);
  const csv = Buffer.from(thermometerCsv(String(Date.now())));
  await page.getByTestId("file-input").setInputFiles({ name: "fridge-run-7.csv", mimeType: "text/csv", buffer: csv });

  const card = page.getByTestId("file-card");
  await expect(card.getByTestId("file-name")).toHaveText("fridge-run-7.csv");
  // The parser says what is missing, with the line.
  await expect(card.getByTestId("parse-errors")).toContainText("line 2: no temperature column");
  await snap(page, "upload-needs-mapping");

  await card.getByLabel("Temperature column").selectOption({ label: "1. sensor_A" });
  await card.getByLabel("Temperature unit").fill("K");
  await card.getByRole("button", { name: "Re-read with this mapping" }).click();
  await expect(card.getByTestId("parse-errors")).toHaveCount(0);
  const rows = card.getByTestId("preview-curves").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("H = 0 Oe");
  await expect(rows.nth(1)).toContainText("H = 5");
  await expect(rows.nth(0)).toContainText("cooling");
  await expect(card.getByTestId("curve-chart").locator(".recharts-scatter")).toHaveCount(2);

  // The sample from the link is preselected; it records no squares, so R stays in Ω.
  await expect(page.getByLabel("Sample", { exact: true })).toHaveValue(sampleUrl.split("/").pop()!);
  await expect(page.getByTestId("squares-note")).toContainText("stay resistances (Ω)");
  await snap(page, "upload-preview");

  await page.getByRole("button", { name: "Import 2 curves" }).click();
  await expect(card.getByTestId("file-result")).toContainText("Stored 2 curves (2 queued for fitting)");
  await snap(page, "upload-imported");

  await page.getByTestId("open-sample").click();
  await expect(page).toHaveURL(new RegExp(`${sampleUrl}$`));
  await expect(page.getByTestId("curves-table").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("curve-chart").locator(".recharts-scatter")).toHaveCount(2);
  await snap(page, "upload-sample-page");

  // The same bytes again are recognised before anything is imported.
  await page.goto(`/upload?sampleId=${sampleUrl.split("/").pop()}`);
  await page.getByTestId("file-input").setInputFiles({ name: "fridge-run-7-copy.csv", mimeType: "text/csv", buffer: csv });
  await expect(page.getByTestId("already-uploaded")).toContainText("E2E Upload Group");
});

test("several files at once go to a sample and a setup created on the upload page", async ({ page }) => {
  await signUp(page);
  await page.goto("/labs");
  await page.getByLabel("Name").fill("E2E Inline Group");
  await page.getByRole("button", { name: "Create lab" }).click();
  await expect(page.getByRole("heading", { name: "E2E Inline Group" })).toBeVisible();

  await page.goto("/upload");
  const sheet = (field: number, tag: string) =>
    Buffer.from(`# ${tag}\nT (K),R (Ohm),H (Oe)\n${Array.from({ length: 40 }, (_, k) => `${(0.5 + k * 0.25).toFixed(2)},${(400 / (1 + Math.exp(-(0.5 + k * 0.25 - 3) / 0.3)) + field / 100).toFixed(3)},${field}`).join("\n")}\n`);
  const tag = String(Date.now());
  await page.getByTestId("file-input").setInputFiles([
    { name: "sweep-0Oe.csv", mimeType: "text/csv", buffer: sheet(0, tag) },
    { name: "sweep-2kOe.csv", mimeType: "text/csv", buffer: sheet(2000, tag) },
  ]);
  await expect(page.getByTestId("file-card")).toHaveCount(2);
  await expect(page.getByTestId("file-card").nth(1).getByTestId("preview-curves").locator("tbody tr")).toHaveCount(1);

  await page.getByLabel("Sample", { exact: true }).selectOption({ label: "+ New sample…" });
  await page.getByLabel("Sample name").fill("TiN film T7");
  await page.getByLabel("Material").fill("TiN");
  await page.getByLabel("Anneal stage", { exact: true }).fill("S2");
  await page.getByLabel("Squares between the voltage probes").fill("4");
  await page.getByLabel("Measurement setup").selectOption({ label: "+ New setup…" });
  await page.getByLabel("Setup name").fill(`Dilution fridge ${tag}`);
  await page.getByLabel("Cryostat").selectOption("DILUTION");
  await page.getByLabel("Pressure (GPa)").fill("1.5");
  await expect(page.getByTestId("squares-note")).toContainText("divided by 4 squares");
  await snap(page, "upload-inline-sample");
  await page.getByRole("button", { name: "Import 2 curves" }).click();
  await expect(page.getByTestId("file-result")).toHaveCount(2);
  await expect(page.getByTestId("file-result").nth(1)).toContainText("Stored 1 curve");

  await page.getByTestId("open-sample").click();
  await expect(page.getByTestId("sample-name")).toHaveText("TiN film T7");
  await expect(page.getByTestId("curves-table").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("curves-table")).toContainText("P = 1.5 GPa");
  await expect(page.getByText(`Dilution fridge ${tag}`)).toBeVisible();
  await expect(page.getByText("R (Ω/□)")).toBeVisible();
});

test("a dropped file with text in a number column names the line and column, and imports only when told to skip the row", async ({ page }) => {
  await signUp(page);
  const { sampleUrl } = await createLabAndSample(page);
  await page.goto(`/upload?sampleId=${sampleUrl.split("/").pop()}`);
  const lines = ["T (K),R (kOhm)", ...Array.from({ length: 30 }, (_, k) => `${(2 + k * 0.5).toFixed(1)},${(3 + 0.01 * k).toFixed(3)}`)];
  lines[6] = "4.5,overload";
  const text = `${lines.join("\n")}\n`;
  // Drop the file on the drop zone, as a user drags it from the desktop.
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], "with-overload.csv", { type: "text/csv" }));
    return dt;
  }, text);
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
  const card = page.getByTestId("file-card");
  await expect(card.getByTestId("row-problems")).toContainText('with-overload.csv, line 7, column 2 ("R (kOhm)"): expected a number, found "overload"');
  const importButton = page.getByRole("button", { name: /^Import 1 curve/ });
  await expect(importButton).toBeDisabled();
  await snap(page, "upload-row-problem");
  await card.getByLabel("Skip these rows and import the others").check();
  await importButton.click();
  await expect(card.getByTestId("file-result")).toContainText("Stored 1 curve");
});
