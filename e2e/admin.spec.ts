/**
 * Administration end to end: an admin lists, creates and re-roles accounts, disables them and revokes their
 * sessions and tokens, and switches reading to sign-in only (and back); nobody else can, checked at the HTTP
 * level; the page passes axe.
 */
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext } from "@playwright/test";
import { hashApiToken } from "../lib/db/auth/current-user";
import { createUser } from "../lib/db/users/create-user";
import { expect, test, userOf } from "./fixtures";
import { E2E_PASSWORD, E2E_USERS } from "./users";

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
let adminSession: StorageState;
const ADMIN = userOf("admin").email;
const EDITOR = userOf("editor").email;

/**
 * Signs the admin in once for the whole file, waiting out a 429: sign-ins are rate-limited per client, and
 * every e2e test signs in from the same address. The editor's requests carry an API token instead.
 */
test.beforeAll(async ({ playwright }) => {
  test.setTimeout(180_000);
  const request = await playwright.request.newContext({ baseURL: BASE_URL });
  for (;;) {
    const response = await request.post("/api/auth/sign-in/email", { data: { email: ADMIN, password: E2E_PASSWORD } });
    if (response.status() !== 429) {
      expect(response.ok(), `sign-in of ${ADMIN}`).toBe(true);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, (Number(response.headers()["x-retry-after"] ?? 10) + 1) * 1000));
  }
  adminSession = await request.storageState();
  await request.dispose();
});

test("an admin lists the accounts, creates one and changes its role; the last admin cannot be demoted", async ({ browser, db }) => {
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: adminSession });
  const page = await context.newPage();
  await page.goto("/admin");
  for (const user of E2E_USERS) await expect(page.locator(`tr[data-email="${user.email}"]`)).toContainText(user.role);

  const email = `new-${randomBytes(4).toString("hex")}@e2e.test`;
  await page.getByLabel("Name").fill("Nia Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("scholar");
  await page.getByLabel("Password (at least 10 characters)").fill("a-long-password");
  await page.getByRole("button", { name: "Create the account" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created the account of ${email}` })).toBeVisible();
  const row = page.locator(`tr[data-email="${email}"]`);
  await expect(row).toContainText("Nia Newcomer");

  await row.getByLabel("Role of Nia Newcomer").selectOption("editor");
  await expect(row.getByRole("status")).toHaveText("Saved.");
  expect((await db.user.findUniqueOrThrow({ where: { email } })).role).toBe("editor");

  const admin = page.locator(`tr[data-email="${ADMIN}"]`);
  await admin.getByLabel(/Role of/).selectOption("scholar");
  await expect(admin.getByRole("alert")).toContainText("only admin");
  await expect(admin.getByLabel(/Role of/)).toHaveValue("admin");
  expect((await db.user.findUniqueOrThrow({ where: { email: ADMIN } })).role).toBe("admin");

  await page.getByLabel("Name").fill("Duplicate");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password (at least 10 characters)").fill("another-long-password");
  await page.getByRole("button", { name: "Create the account" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("already exists");
  await context.close();
});

test("an admin disables an account (signed out at once, its token refused), enables it, and revokes its tokens", async ({ browser, playwright, db }) => {
  const email = `shut-${randomBytes(4).toString("hex")}@e2e.test`;
  await createUser(db, { email, name: "Shu Shutoff", role: "scholar", password: E2E_PASSWORD });
  const user = await browser.newContext({ baseURL: BASE_URL });
  const userPage = await user.newPage();
  expect((await userPage.request.post("/api/auth/sign-in/email", { data: { email, password: E2E_PASSWORD } })).ok()).toBe(true);
  await userPage.goto("/account/tokens");
  await userPage.getByLabel("Name (what the token is for)").fill("nightly reader");
  await userPage.getByLabel("May").selectOption("read");
  await expect(userPage.getByLabel("May").locator("option")).toHaveText(["read only", "read and write"]);
  await userPage.getByRole("button", { name: "Create token" }).click();
  const token = await userPage.getByLabel("Token", { exact: true }).inputValue();
  const script = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await script.get("/api/works")).status()).toBe(200);
  expect((await script.post("/api/works/thirst-for-power/variants", { data: {} })).status()).toBe(403);

  const context = await browser.newContext({ baseURL: BASE_URL, storageState: adminSession });
  const page = await context.newPage();
  await page.goto("/admin");
  const row = page.locator(`tr[data-email="${email}"]`);
  await expect(row).toContainText(/nightly reader \(read\) · last used \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(page.locator(`tr[data-email="${ADMIN}"]`).getByRole("button", { name: /^Disable/ })).toHaveCount(0);

  await row.getByRole("button", { name: "Disable Shu Shutoff" }).click();
  await expect(row.getByRole("status")).toHaveText("Disabled Shu Shutoff; signed out everywhere.");
  await expect(row).toHaveAttribute("data-disabled", "true");
  expect((await script.get("/api/works")).status()).toBe(401);
  await userPage.goto("/account/tokens");
  await expect(userPage).toHaveURL(/\/sign-in/);
  expect((await userPage.request.post("/api/auth/sign-in/email", { data: { email, password: E2E_PASSWORD } })).status()).toBe(403);

  await row.getByRole("button", { name: "Enable Shu Shutoff" }).click();
  await expect(row.getByRole("status")).toHaveText("Enabled Shu Shutoff.");
  expect((await script.get("/api/works")).status()).toBe(200);
  await row.getByRole("button", { name: "Revoke Shu Shutoff's tokens" }).click();
  await expect(row.getByRole("status")).toHaveText("Revoked Shu Shutoff's API tokens.");
  expect((await script.get("/api/works")).status()).toBe(401);
  await expect(row.locator("td").nth(5)).toHaveText("none");
  await script.dispose();
  await user.close();
  await context.close();
});

test("an admin makes reading sign-in only and public again", async ({ browser, playwright }) => {
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: adminSession });
  const page = await context.newPage();
  const visitor = await playwright.request.newContext({ baseURL: BASE_URL });
  await page.goto("/admin");
  const toggle = page.getByLabel("Anyone may read the works without signing in");
  await expect(toggle).toBeChecked();
  try {
    await toggle.uncheck();
    await expect(page.getByRole("status").filter({ hasText: "Reading now needs signing in." })).toBeVisible();
    expect((await visitor.get("/api/works/thirst-for-power/grid")).status()).toBe(401);
    const redirected = await visitor.get("/works/thirst-for-power/align", { maxRedirects: 0 });
    expect(redirected.status()).toBe(307);
    expect(redirected.headers().location).toContain("/sign-in");
    expect((await page.request.get("/api/works/thirst-for-power/grid")).status()).toBe(200);
  } finally {
    await toggle.check();
  }
  await expect(page.getByRole("status").filter({ hasText: "Anyone can read the works." })).toBeVisible();
  expect((await visitor.get("/api/works/thirst-for-power/grid")).status()).toBe(200);
  await visitor.dispose();
  await context.close();
});

test("only admins manage accounts and settings: 401 without credentials, 403 for an editor", async ({ browser, playwright, db }) => {
  const writes = [
    { method: "get", url: "/api/admin/users", data: undefined },
    { method: "post", url: "/api/admin/users", data: { email: "intruder@e2e.test", name: "Intruder", role: "admin", password: "intruder-password" } },
    { method: "patch", url: `/api/admin/users/${(await db.user.findUniqueOrThrow({ where: { email: EDITOR } })).id}`, data: { role: "admin" } },
    { method: "put", url: "/api/admin/settings", data: { readingPublic: false } },
  ] as const;
  const anonymous = await playwright.request.newContext({ baseURL: BASE_URL });
  for (const write of writes) expect((await anonymous[write.method](write.url, { data: write.data })).status(), `${write.method} ${write.url}`).toBe(401);
  await anonymous.dispose();
  const token = `e2e-${randomBytes(16).toString("hex")}`;
  const editor = await db.user.findUniqueOrThrow({ where: { email: EDITOR } });
  await db.apiToken.create({ data: { userId: editor.id, name: "e2e admin check", tokenHash: hashApiToken(token) } });
  const context = await browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const page = await context.newPage();
  for (const write of writes) expect((await page.request[write.method](write.url, { data: write.data })).status(), `${write.method} ${write.url}`).toBe(403);
  await page.goto("/admin");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This page is for admins");
  expect(await db.user.count({ where: { email: "intruder@e2e.test" } })).toBe(0);
  expect((await db.user.findUniqueOrThrow({ where: { email: EDITOR } })).role).toBe("editor");
  await context.close();
});

test("the admin page passes an accessibility check", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: adminSession });
  const page = await context.newPage();
  await page.goto("/admin");
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await context.close();
});
