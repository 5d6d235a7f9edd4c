/**
 * Earlier witnesses: a French working translation replaced by a published French text stays choosable in the
 * compare view, in its own group, and can be diffed against the text that replaced it; its edition page says it
 * was replaced and links to its successor. The test makes its own work.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createWitnessWork } from "../lib/db/works/witness-work.fixtures";
import { compareCell, expect, test } from "./fixtures";

const uniqueSlug = (name: string) => `${name}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
}

test("an earlier witness is chosen in the compare view and diffed against the text that replaced it", async ({ page, db }) => {
  const work = uniqueSlug("witness");
  const { replacement } = await createWitnessWork(db, work);
  expect(replacement.replaced).toEqual({ slug: "fr", keptAs: "fr-superseded" });
  const successor = await db.edition.findFirstOrThrow({ where: { work: { slug: work }, slug: "fr" } });
  const replacedOn = successor.importedAt.toISOString().slice(0, 10);

  await page.goto(`/works/${work}/compare`);
  const grid = page.getByRole("table");
  await expect(grid.locator('[role="columnheader"][data-edition]')).toHaveCount(2);
  await page.getByRole("button", { name: "Editions and settings" }).click();
  await expect(page.getByText("No two chosen editions share a language")).toBeVisible();
  await expect(page.getByRole("link", { name: /^La soif du pouvoir \(fr-superseded, earlier witness\) with .*\(fr\)$/ })).toBeVisible();

  const witnesses = page.getByRole("list", { name: "Earlier witnesses" });
  const choice = witnesses.getByLabel(new RegExp(`^« La soif du pouvoir » \\(fr\\) — earlier witness, replaced on ${replacedOn} by La soif du pouvoir \\(fr\\)`));
  await expect(witnesses.getByText("Working translation")).toBeVisible();
  await choice.check();
  await expect(page).toHaveURL(/editions=en,fr,fr-superseded$/);

  const column = grid.locator('[role="columnheader"][data-edition="fr-superseded"]');
  await expect(column.locator(".column-title")).toHaveAttribute("lang", "fr");
  await expect(column).toContainText(`Earlier witness (fr-superseded), replaced on ${replacedOn}`);
  await expect(compareCell(page.locator("#r2"), "en,fr,fr-superseded", "fr-superseded")).toContainText("furent fusillés sur la demande");
  await expect(compareCell(page.locator("#r2"), "en,fr,fr-superseded", "fr")).toContainText("furent exécutés à la demande");

  const pair = page.getByLabel("Diff", { exact: true });
  await expect(pair.locator("option").nth(1)).toHaveAttribute("value", "fr-superseded,fr");
  await pair.selectOption("fr-superseded,fr");
  await expect(page).toHaveURL(/diff=fr-superseded,fr&editions=en,fr,fr-superseded$/);
  await expect(compareCell(page.locator("#r2"), "en,fr,fr-superseded", "fr-superseded").locator("del")).toHaveText("fusillés sur");
  await expect(compareCell(page.locator("#r2"), "en,fr,fr-superseded", "fr").locator("ins")).toHaveText("exécutés à");
  await expect(page.locator("#r3 ins, #r3 del")).toHaveCount(0);
  await expect(compareCell(page, "en,fr,fr-superseded", "en").locator("ins, del")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("an earlier witness's edition page says it was replaced and links to its successor, which the home page lists alone", async ({ page, db }) => {
  const work = uniqueSlug("witness-page");
  await createWitnessWork(db, work);

  await page.goto(`/works/${work}/editions/fr-superseded`);
  const note = page.getByRole("note").filter({ hasText: "Earlier witness." });
  await expect(note).toContainText("This text was replaced on");
  await expectNoAxeViolations(page);
  await note.getByRole("link", { name: "La soif du pouvoir" }).click();
  await expect(page).toHaveURL(new RegExp(`/works/${work}/editions/fr$`));
  await expect(page.getByRole("note").filter({ hasText: "Earlier witness." })).toHaveCount(0);

  await page.goto("/");
  await expect(page.locator(`a[href="/works/${work}/editions/fr"]`)).toHaveCount(1);
  await expect(page.locator(`a[href="/works/${work}/editions/fr-superseded"]`)).toHaveCount(0);
});

test("an earlier witness whose text left the alignment grid shows empty cells with a note", async ({ page, db }) => {
  const work = uniqueSlug("witness-out-of-grid");
  await createWitnessWork(db, work);
  await db.segment.updateMany({ where: { work: { slug: work }, edition: { slug: "fr-superseded" } }, data: { rowId: null } });

  await page.goto(`/works/${work}/compare?editions=fr,fr-superseded`);
  await expect(page.locator('[role="columnheader"][data-edition="fr-superseded"]')).toContainText("Its text is not in the alignment grid, so its cells are empty.");
  await expect(compareCell(page.locator("#r2"), "fr,fr-superseded", "fr")).toContainText("exécutés");
  await expect(compareCell(page.locator("#r2"), "fr,fr-superseded", "fr-superseded")).not.toContainText("fusillés");
});
