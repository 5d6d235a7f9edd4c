import { expect, test } from "@playwright/test";
import { E2E_PASSWORD } from "./users";

test("an editor signs in with the form, sees their name and role, and signs out", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("editor@e2e.test");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".user-menu")).toContainText("Eda Editor");
  await expect(page.locator(".user-menu")).toContainText("editor");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("scholar@e2e.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toContainText(/Wrong email or password|Too many sign-in attempts/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});
