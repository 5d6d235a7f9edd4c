/** Word diffs between witnesses in one language: two English editions in the compare view, and a revision on the diff page. */
import AxeBuilder from "@axe-core/playwright";
import { createScholarWork } from "../lib/db/search/scholar-work.fixtures";
import { compareCell, expect, test } from "./fixtures";

const uniqueSlug = (name: string) => `${name}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

test("turning on a diff of two English editions highlights the changed words, side by side and inline", async ({ page, db }) => {
  const work = uniqueSlug("diff");
  await createScholarWork(db, work);
  await page.goto(`/works/${work}/compare?editions=ru,en,en-pub`);
  await page.getByRole("button", { name: "Editions and settings" }).click();
  await page.getByLabel("Diff", { exact: true }).selectOption("en,en-pub");
  await expect(page).toHaveURL(/diff=en,en-pub&editions=ru,en,en-pub$/);
  const row = page.locator("#r2");
  await expect(compareCell(row, "ru,en,en-pub", "en").locator("del")).toHaveText("shot");
  await expect(compareCell(row, "ru,en,en-pub", "en-pub").locator("ins")).toHaveText("executed");
  await expect(compareCell(row, "ru,en,en-pub", "ru").locator("del, ins")).toHaveCount(0);

  await page.getByLabel("inline").check();
  await expect(page).toHaveURL(/view=inline/);
  await expect(compareCell(row, "ru,en,en-pub", "en-pub").locator(".inline-diff del")).toHaveText("shot");
  await expect(compareCell(row, "ru,en,en-pub", "en-pub").locator(".inline-diff ins")).toHaveText("executed");

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
});

test("the diff options are kept in the URL and change what counts as a difference", async ({ page, db }) => {
  const work = uniqueSlug("diff-options");
  await createScholarWork(db, work, [
    { slug: "en", language: "en", title: "Working", provenance: "working-translation", rows: ["Thirst for Power", "The Opposition waited — and the Party knew it."] },
    { slug: "en-pub", language: "en", title: "Published", provenance: "published", rows: ["Thirst for power", "The opposition waited - and the party knew it."] },
  ]);
  await page.goto(`/works/${work}/compare?diff=en,en-pub&editions=en,en-pub`);
  await expect(compareCell(page.locator("#r2"), "en,en-pub", "en-pub").locator("ins")).toHaveText(["opposition", "party"]);
  await page.getByRole("button", { name: "Editions and settings" }).click();
  await page.getByLabel("ignore case").check();
  await expect(page).toHaveURL(/ignoreCase=1/);
  await expect(page.locator("#r2 ins, #r2 del")).toHaveCount(0);
  await expect(page.locator("#r1 ins, #r1 del")).toHaveCount(0);
  await page.getByLabel("Normalisation").selectOption("none");
  await expect(page).toHaveURL(/profile=none/);
  await expect(compareCell(page.locator("#r2"), "en,en-pub", "en-pub").locator("ins")).toHaveText("-");
  await page.reload();
  await page.getByRole("button", { name: "Editions and settings" }).click();
  await expect(page.getByLabel("ignore case")).toBeChecked();
});

test("a pair in two languages cannot be diffed, and the controls offer the English pair instead", async ({ page, db }) => {
  const work = uniqueSlug("diff-pairs");
  await createScholarWork(db, work);
  await page.goto(`/works/${work}/compare?editions=ru,en`);
  await page.getByRole("button", { name: "Editions and settings" }).click();
  await expect(page.getByText("No two chosen editions share a language")).toBeVisible();
  await page.getByRole("link", { name: /\(en\) with .*\(en-pub\)/ }).click();
  await expect(page).toHaveURL(/diff=en,en-pub&editions=ru,en,en-pub$/);
  await expect(compareCell(page.locator("#r2"), "ru,en,en-pub", "en-pub").locator("ins")).toHaveText("executed");
});

test("the diff page compares a sentence with its text before a revision", async ({ page, db }) => {
  const work = uniqueSlug("diff-revision");
  const workId = await createScholarWork(db, work);
  const segment = await db.segment.findFirstOrThrow({ where: { workId, edition: { slug: "en" }, text: { startsWith: "In August" } } });
  await db.revision.create({ data: { segmentId: segment.id, reason: "Corrected against the 1937 pamphlet", oldText: "In August 1936 Zinoviev and Kamenev were killed at the demand of Vyshinsky.", newText: segment.text } });
  await page.goto(`/works/${work}/compare?editions=ru,en`);
  await page.getByRole("link", { name: "Row 2", exact: true }).click();
  await page.getByRole("link", { name: "History and word diffs of row 2" }).click();
  await expect(page.getByRole("heading", { name: "Row 2: word diff and history" })).toBeVisible();
  await expect(page.locator(".row-diff del")).toHaveText("killed");
  await expect(page.locator(".row-diff ins")).toHaveText("shot");
  await expect(page.getByText("Corrected against the 1937 pamphlet")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);

  await page.goto(`/works/${work}/diff/2?a=edition:de&b=before:nonsense`);
  await expect(page.getByRole("alert").filter({ hasText: "This row has no text “edition:de”, “before:nonsense”" })).toBeVisible();
  await expect(page.locator(".row-diff del")).toHaveText("killed");
});
