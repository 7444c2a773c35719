import { DEMO_DATASET_VERSION } from "./server/synthetic/demo";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const isCI = !!process.env.CI;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "UTC",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The real start path: embedded PostgreSQL, migrations, demo data, a fit worker, `next start`.
    command: "node --import tsx scripts/start.ts",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: !isCI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      // a data folder per demo dataset version: the demo is seeded once per folder
      DATA_DIR: process.env.DATA_DIR ?? `.data/e2e-${DEMO_DATASET_VERSION}`,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54349",
      FIT_WORKERS: "1",
      // every test signs up its own users from one address
      RATE_LIMIT_SIGNUPS_PER_HOUR: "10000",
      TZ: "UTC",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
