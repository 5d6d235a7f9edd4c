import fs from "node:fs";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);

/** Debian's Chromium when installed (CI installs it), else Playwright's own browser if one is installed. Never a download. */
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => fs.existsSync(path));

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "retain-on-failure",
  },
  webServer: {
    command: "tsx e2e/server.ts",
    url: `http://127.0.0.1:${port}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /sign-in-only\.spec\.ts/ },
    // Switches reading to sign-in only for the whole instance: runs alone, after every other test.
    { name: "sign-in-only", use: { browserName: "chromium" }, testMatch: /sign-in-only\.spec\.ts/, dependencies: ["chromium"] },
  ],
});
