/** Variant signals in the compare view, the overview strip, and the variant register (recording, reading, exporting). */
import AxeBuilder from "@axe-core/playwright";
import { createScholarWork } from "../lib/db/search/scholar-work.fixtures";
import { compareCell, expect, signIn, test, userOf } from "./fixtures";

const uniqueSlug = (name: string) => `${name}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

test("a row with a missing anchor is marked in the overview strip, in the row and in every column", async ({ page, db }) => {
  const work = uniqueSlug("anchors");
  await createScholarWork(db, work);
  await page.goto(`/works/${work}/compare?editions=ru,en,en-pub`);
  const mark = page.getByRole("link", { name: /^Row 3: .*1 missing anchor/ });
  await expect(mark).toHaveClass(/level-[123]/);
  await expect(page.getByRole("link", { name: /^Row 2: no divergence/ })).toHaveClass(/level-0/);
  await mark.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#r3$/);
  const row = page.locator("#r3");
  await expect(row).toBeInViewport();
  await row.locator(".row-signals summary").click();
  await expect(row.locator(".row-signals li").first()).toHaveText(/date “26 мая 1928”: missing in en-pub/);
  await expect(compareCell(row, "ru,en,en-pub", "ru").locator("mark.differs")).toHaveText("26 мая 1928");
  await expect(compareCell(row, "ru,en,en-pub", "en").locator("mark.differs")).toHaveText("May 26, 1928");
  await expect(compareCell(row, "ru,en,en-pub", "en-pub").locator(".missing-anchors")).toContainText("26 мая 1928");
});

test("a scholar records a variant and finds it on the variants page and in the CSV export", async ({ page, db }) => {
  const work = uniqueSlug("variants");
  await createScholarWork(db, work);
  await signIn(page, userOf("scholar").email);
  await page.goto(`/works/${work}/compare?editions=ru,en,en-pub`);
  await page.getByRole("link", { name: "Row 3", exact: true }).click();
  await page.getByRole("button", { name: "Record variant on row 3" }).click();
  const dialog = page.getByRole("dialog", { name: "Record a variant on row 3" });
  await dialog.getByLabel(/\(en\)$/).check();
  await dialog.getByLabel(/\(en-pub\)$/).check();
  await dialog.getByRole("button", { name: "Save variant" }).click();
  await expect(dialog.getByText(/choose one of/)).toBeVisible();
  await expect(dialog.getByText("write a note saying what differs")).toBeVisible();
  await dialog.getByLabel("Category").selectOption("number_date");
  await dialog.getByLabel("Note").fill("The published text drops the date of the letter.");
  await dialog.getByRole("button", { name: "Save variant" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Variant recorded on row 3." })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Row 3: .*1 recorded variant/ })).toHaveClass(/has-variants/);

  await page.locator("#r3").getByRole("link", { name: "1 variant" }).click();
  await expect(page).toHaveURL(new RegExp(`/works/${work}/variants\\?row=3$`));
  const entry = page.locator(".variant").filter({ hasText: "The published text drops the date of the letter." });
  await expect(entry).toContainText("Number or date");
  await expect(entry).toContainText("Sol Scholar");
  await expect(entry.getByText(/en-pub, published text/)).toBeVisible();
  await expect(entry.getByText(/\(en, working translation\)/)).toBeVisible();

  await page.goto(`/works/${work}/variants?category=omission`);
  await expect(page.locator(".variant")).toHaveCount(0);
  await page.goto(`/works/${work}/variants?category=number_date`);
  await expect(page.locator(".variant")).toHaveCount(1);
  const csvHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv).toContain("The published text drops the date of the letter.");
  expect(csv).toContain("en (Working translation); en-pub (Published text)");
  expect(csv).toContain("In those years I wrote from Alma Ata to my friends.");

  await page.locator(".variant").getByRole("link", { name: "Row 3" }).click();
  await expect(page).toHaveURL(/editions=en,en-pub#r3$/);

  await page.goto(`/works/${work}/variants`);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
});

test("a reader who is not signed in cannot record a variant, in the page or through the API", async ({ page, db }) => {
  const work = uniqueSlug("variants-anon");
  const workId = await createScholarWork(db, work);
  await page.goto(`/works/${work}/compare`);
  await expect(page.getByRole("button", { name: /Record variant/ })).toHaveCount(0);
  const row = await db.alignmentRow.findFirstOrThrow({ where: { workId } });
  const response = await page.request.post(`/api/works/${work}/variants`, { data: { rowId: row.id, editions: ["en"], category: "other", note: "x" } });
  expect(response.status()).toBe(401);
  expect(await db.variant.count({ where: { workId } })).toBe(0);
});

test("the compare view of the demo chapter passes an accessibility check with anchors and the overview strip", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/works/thirst-for-power/compare?anchors=all");
  const rows = await page.locator(".grid-row").count();
  expect(rows).toBeGreaterThan(0);
  await expect(page.getByRole("navigation", { name: "Overview of the work" }).getByRole("link")).toHaveCount(rows);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
});
