/**
 * Security at the HTTP level and in Chromium: every page loads under the Content-Security-Policy (nonced scripts,
 * no inline script allowed) with no violation, its fonts and its styles; the security headers are set; sign-in
 * follows only same-origin paths; and forged X-Forwarded-For values do not get around the sign-in limit.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createUser } from "../lib/db/users/create-user";
import { expect, signIn, test, userOf } from "./fixtures";
import { E2E_PASSWORD } from "./users";

const WORK = "/works/thirst-for-power";

/** Records CSP violations and console errors of a page from before its first script runs. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __violations: string[] }).__violations ??= [];
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    // A failed load is reported by its response below, with its URL.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname !== "/favicon.ico") problems.push(`${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

async function visit(page: Page, problems: string[], path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  const headers = response!.headers();
  const policy = headers["content-security-policy"];
  const script = policy.split("; ").find((directive) => directive.startsWith("script-src"))!;
  expect(script, path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"], "no HSTS over plain http").toBeUndefined();
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family.replaceAll('"', ""));
  });
  expect(fonts, `${path}: fonts`).toContain("Noto Serif");
  expect(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []), `${path}: CSP violations`).toEqual([]);
  expect(problems, `${path}: console errors`).toEqual([]);
}

test("every page loads under the Content-Security-Policy without a violation, with its fonts and styles", async ({ page, db }) => {
  test.setTimeout(120_000);
  const problems = await watch(page);
  const row = await db.alignmentRow.findFirstOrThrow({ where: { work: { slug: "thirst-for-power" } }, orderBy: { position: "asc" } });
  for (const path of ["/", "/sign-in", `${WORK}/compare?editions=ru,en&diff=`, `${WORK}/editions/en`, `${WORK}/search?q=Stalin`, `${WORK}/variants`, `${WORK}/export`]) {
    await visit(page, problems, path);
  }
  // React's inline style attributes apply under the policy (the home page sets font-size: 0.85rem on provenance notes).
  await page.goto("/");
  const sizes = await page.locator('[data-work="thirst-for-power"] tr[data-edition="en"] div.lede[style]').evaluate((node) => [
    parseFloat(getComputedStyle(node).fontSize),
    parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.85,
  ]);
  expect(sizes[0]).toBeCloseTo(sizes[1], 1);

  await signIn(page, userOf("admin").email);
  for (const path of [`${WORK}/align`, `${WORK}/alignment`, `${WORK}/journal`, `${WORK}/rows/${row.id}`, `${WORK}/diff/1`, `${WORK}/import`, "/import", "/admin", "/account/tokens"]) {
    await visit(page, problems, path);
  }
  // The editor hydrated under the policy: its live-update stream connects.
  await page.goto(`${WORK}/align`);
  await expect(page.locator(".live-status")).toHaveAttribute("data-live", "live");
});

test("sign-in goes on only to a path on this site", async ({ page, baseURL }) => {
  for (const next of ["/\\evil.example/", "//evil.example/", "https://evil.example/", "/..//evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(userOf("scholar").email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".user-menu")).toContainText("Sol Scholar");
    expect(new URL(page.url()).origin, `next=${next}`).toBe(new URL(baseURL!).origin);
  }
  await page.context().clearCookies();
  await page.goto(`/sign-in?next=${encodeURIComponent(`${WORK}/variants`)}`);
  await page.getByLabel("Email").fill(userOf("scholar").email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}${WORK}/variants`);
});

test("30 wrong passwords with 30 forged X-Forwarded-For values still hit the per-account limit", async ({ request, db }) => {
  const email = `target-${randomBytes(4).toString("hex")}@e2e.test`;
  await createUser(db, { email, name: "Target", role: "scholar", password: E2E_PASSWORD });
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) {
    const response = await request.post("/api/auth/sign-in/email", {
      data: { email, password: "not the password at all" },
      headers: { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `203.0.113.${i}` },
    });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses.slice(5)).toEqual(Array(25).fill(429));
  const locked = await request.post("/api/auth/sign-in/email", { data: { email, password: E2E_PASSWORD }, headers: { "x-forwarded-for": "192.0.2.99" } });
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
});
