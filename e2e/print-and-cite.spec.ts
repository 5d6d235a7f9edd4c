/**
 * Taking a parallel text away: citing a row (the quotation in every shown edition, its reference, copy buttons,
 * the stable link back to the row), printing the compare view, the printable edition, and a PDF made by the
 * worker and read back with a PDF library. (The link surviving a re-alignment is proven on the database, in
 * lib/db/print/print-and-cite.integration.test.ts, so that no test here changes the shared demo work.)
 */
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";

const WORK = "/works/thirst-for-power";
const SENTENCE = "That was our last conversation.";

const axeViolations = async (page: import("@playwright/test").Page, include?: string) => {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
};

test("Cite on a row quotes every shown edition with its reference, copies it, and links back to the row", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${WORK}/compare?editions=en,ru`);
  const row = page.locator(".grid-row").filter({ has: page.locator('[lang="en"]', { hasText: SENTENCE }) });
  const number = (await row.getAttribute("id"))!.slice(1);
  await row.getByRole("link", { name: `Row ${number}`, exact: true }).focus();
  await page.keyboard.press("Enter");
  const tools = page.getByRole("group", { name: `Tools of row ${number}` });
  await expect(tools.getByRole("link", { name: `History and word diffs of row ${number}` })).toBeFocused();
  await tools.getByRole("button", { name: `Cite row ${number}` }).focus();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: `Cite row ${number}` });
  await expect(dialog.locator('blockquote[lang="en"]')).toContainText(SENTENCE);
  await expect(dialog.locator('blockquote[lang="ru"]')).toContainText("Это был наш последний разговор.");
  await expect(dialog.getByTestId("cite-reference")).toContainText("“Thirst for Power”, ¶");
  await expect(dialog.getByTestId("cite-reference")).toContainText("«Жажда власти», working translation (Hexapla)");
  expect(await axeViolations(page, ".cite-dialog")).toEqual([]);

  await dialog.getByRole("button", { name: "Copy text" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Copied the quotation with its reference.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`[en] “${SENTENCE}`);
  expect(copied).toContain("working translation (Hexapla)");
  await dialog.getByRole("button", { name: "Copy BibTeX" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@book\{thirst-for-power-en,[\s\S]*@misc\{thirst-for-power-ru,[\s\S]*howpublished = \{Hexapla\}/);

  const link = await dialog.getByRole("link", { name: /\/passage\// }).getAttribute("href");
  expect(link).toMatch(/\/works\/thirst-for-power\/passage\/[0-9a-f-]{36}\?editions=en,ru$/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("link", { name: `Row ${number}`, exact: true })).toBeFocused();

  await page.goto(link!);
  await expect(page).toHaveURL(new RegExp(`/compare\\?editions=en,ru#r${number}$`));
  const target = page.locator(`#r${number}`);
  await expect(target).toBeInViewport();
  await expect(target.locator('[lang="en"]')).toContainText(SENTENCE);
});

test("the compare view prints its text only, and a PDF of chosen rows is made by a worker and downloaded", async ({ page }) => {
  test.setTimeout(90_000); // a worker launches Chromium for the PDF
  await page.goto(`${WORK}/compare?editions=en,ru`);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".compare-bar")).toBeHidden();
  await expect(page.locator(".overview")).toBeHidden();
  expect(await page.locator(".grid-row").first().evaluate((node) => getComputedStyle(node).breakInside)).toBe("avoid");
  await page.emulateMedia({ media: "screen" });

  await page.getByText("Print or save as PDF").click();
  await page.getByRole("radio", { name: "only rows" }).check();
  await page.getByLabel("From row", { exact: true }).fill("1");
  await page.getByLabel("To row", { exact: true }).fill("20");
  await page.getByRole("button", { name: "Make PDF" }).click();
  const download = page.getByRole("link", { name: /^Download the PDF \(\d+ pages?, \d+ KB\)$/ });
  await expect(download).toBeVisible({ timeout: 60_000 });
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toBe("thirst-for-power-en-ru-rows-1-20.pdf");
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(await file.path())));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  expect(totalPages).toBeGreaterThan(0);
  expect(text.replace(/\s+/g, " ")).toContain("In the words of Vyshinsky");
  expect(text).toContain("working translation");
  expect(await axeViolations(page)).toEqual([]);

  const printable = await page.getByRole("link", { name: "Printable parallel edition" }).getAttribute("href");
  await page.goto(printable!);
  await expect(page.locator('td[lang="ru"]').first()).toBeVisible();
  await expect(page.locator("h1")).toHaveText("Thirst for Power");
  expect(await axeViolations(page)).toEqual([]);
});
