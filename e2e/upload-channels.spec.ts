import type { Page } from "@playwright/test";
import { expect, signUp, snap, test } from "./fixtures";

/**
 * One PPMS Resistivity file of a puck with three films on three bridges: each bridge cools
 * through its own transition. The header names the films and the time the file was opened.
 */
function puckFile(tag: string): string {
  const lines = [
    "[Header]",
    `TITLE, puck ${tag}`,
    "FILEOPENTIME,30422650.78,12/18/2024,10:42 AM",
    "BYAPP, Resistivity, Release 1.5.11 Build 0",
    "INFO,film A,SAMPLE1_NAME",
    "INFO,film B,SAMPLE2_NAME",
    "INFO,film C,SAMPLE3_NAME",
    "[Data]",
    "Comment,Time Stamp (sec),Temperature (K),Magnetic Field (Oe),Bridge 1 Resistance (Ohms),Bridge 2 Resistance (Ohms),Bridge 3 Resistance (Ohms)",
  ];
  for (let k = 0; k < 60; k++) {
    const T = 20 - k * 0.3;
    const sc = (Tc: number, Rn: number) => (Rn / (1 + Math.exp(-(T - Tc) / 0.2))).toFixed(5);
    lines.push(`,${1000 + 60 * k},${T.toFixed(4)},0,${sc(9, 500)},${sc(7, 900)},${sc(5, 1500)}`);
  }
  return `${lines.join("\n")}\n`;
}

async function newSample(page: Page, name: string): Promise<string> {
  await page.goto("/samples/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Material").fill("NbN");
  await page.getByRole("button", { name: "Create sample" }).click();
  await expect(page.getByTestId("sample-name")).toContainText(name);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("the three bridges of one PPMS file go to three samples, and sending the file again stores nothing new", async ({ page }) => {
  await signUp(page);
  await page.goto("/labs");
  await page.getByLabel("Name").fill("E2E Puck Group");
  await page.getByRole("button", { name: "Create lab" }).click();
  await expect(page.getByRole("heading", { name: "E2E Puck Group" })).toBeVisible();
  const a = await newSample(page, "puck film A");
  const b = await newSample(page, "puck film B");
  const c = await newSample(page, "puck film C");

  await page.goto(`/upload?sampleId=${a}`);
  const bytes = Buffer.from(puckFile(String(Date.now())));
  await page.getByTestId("file-input").setInputFiles({ name: "puck-7.dat", mimeType: "application/octet-stream", buffer: bytes });
  const card = page.getByTestId("file-card");
  await expect(card.getByTestId("preview-curves").locator("tbody tr")).toHaveCount(3);
  await expect(card.getByTestId("preview-measured")).toContainText("2024-12-18 10:42");
  const channels = card.getByTestId("channel-targets");
  await expect(channels.locator("tbody tr")).toHaveCount(3);
  // PPMS bridges are read out signed; the user may change it.
  await expect(card.getByLabel("Readout of Bridge 1")).toHaveValue("signed");
  await card.getByLabel("Sample for Bridge 2").selectOption({ label: "puck film B" });
  await card.getByLabel("Sample for Bridge 3").selectOption({ label: "puck film C" });
  await expect(page.getByLabel("Sample", { exact: true })).toHaveValue(a);
  await snap(page, "upload-channels-to-samples");

  await page.getByRole("button", { name: "Import 3 curves" }).click();
  await expect(card.getByTestId("file-result")).toContainText("Stored 3 curves (3 queued for fitting)");

  for (const [id, bridge, film] of [
    [a, "Bridge 1", "film A"],
    [b, "Bridge 2", "film B"],
    [c, "Bridge 3", "film C"],
  ] as const) {
    await page.goto(`/samples/${id}`);
    const rows = page.getByTestId("curves-table").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByTestId("curve-channel")).toContainText(`${bridge} (${film})`);
    await expect(rows.first()).toContainText("2024-12-18");
  }
  await snap(page, "upload-channels-sample-c");

  // The same file again with the same channels: a duplicate, reported with the samples it went to.
  await page.goto(`/upload?sampleId=${a}`);
  await page.getByTestId("file-input").setInputFiles({ name: "puck-7-again.dat", mimeType: "application/octet-stream", buffer: bytes });
  const again = page.getByTestId("file-card");
  await expect(again.getByTestId("already-uploaded")).toContainText("E2E Puck Group");
  await again.getByLabel("Sample for Bridge 2").selectOption({ label: "puck film B" });
  await again.getByLabel("Sample for Bridge 3").selectOption({ label: "puck film C" });
  await page.getByRole("button", { name: "Import 3 curves" }).click();
  await expect(again.getByTestId("file-result")).toContainText("Already imported, nothing new was stored: Bridge 1 → puck film A, Bridge 2 → puck film B, Bridge 3 → puck film C");
  await page.goto(`/samples/${b}`);
  await expect(page.getByTestId("curves-table").locator("tbody tr")).toHaveCount(1);
});
