/**
 * Playwright fixtures: sign in as a role (through the real sign-in endpoint), and a direct line to the e2e
 * server's database for tests that make their own data, so no test depends on another's leftovers.
 */
import fs from "node:fs";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { createPrismaClient, type Db } from "../lib/db/client";
import { E2E_PASSWORD, E2E_USERS, e2eStateFile } from "./users";

type Role = (typeof E2E_USERS)[number]["role"];

export async function signIn(page: Page, email: string): Promise<void> {
  const response = await page.request.post("/api/auth/sign-in/email", { data: { email, password: E2E_PASSWORD } });
  expect(response.ok(), `sign-in of ${email}`).toBe(true);
}

export function userOf(role: Role, index = 0) {
  return E2E_USERS.filter((user) => user.role === role)[index];
}

/**
 * The compare view's cell of one edition in a row (`scope` a row), or in every row (`scope` the page): a row's cells
 * follow its header in the order of the URL's `editions`, so the second edition's cell is the row's third child.
 */
export function compareCell(scope: Page | Locator, editions: string, slug: string): Locator {
  const column = editions.split(",").indexOf(slug);
  if (column < 0) throw new Error(`${slug} is not one of the shown editions ${editions}`);
  const cell = `> [role="cell"]:nth-child(${column + 2})`;
  return "goto" in scope ? scope.locator(`.compare-grid [role="row"][id] ${cell}`) : scope.locator(`:scope ${cell}`);
}

export const test = base.extend<{ db: Db }>({
  db: async ({}, provide) => {
    const port = Number(process.env.E2E_PORT ?? 3210);
    const { databaseUrl } = JSON.parse(fs.readFileSync(e2eStateFile(port), "utf8")) as { databaseUrl: string };
    const prisma = createPrismaClient(databaseUrl);
    await provide(prisma);
    await prisma.$disconnect();
  },
});

export { expect };
