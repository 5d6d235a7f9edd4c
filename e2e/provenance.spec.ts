/**
 * Provenance that cannot mislead: no working translation is ever labelled "Original", on any page that shows
 * editions (home, compare, edition pages, alignment, variants, export) or in the exports; the Russian working
 * translation reads "Working translation (stands in for the Russian original)"; our chapter titles are marked as
 * ours; the alignment page says why the English is the pivot; and the English extracted text, the earlier witness,
 * shows the corrections word by word against the corrected text. The variants test makes its own work.
 */
import type { Page } from "@playwright/test";
import { createScholarWork } from "../lib/db/search/scholar-work.fixtures";
import { compareCell, expect, test } from "./fixtures";

const WORK = "/works/thirst-for-power";
const STANDS_IN = "Working translation (stands in for the Russian original)";

/**
 * Every element whose own text is a label calling something the original ("Original", not "Original or translation"),
 * in `scope` (the home page lists other tests' works, whose originals are real ones).
 */
async function originalLabels(page: Page, scope = "body"): Promise<string[]> {
  return page.locator(scope).evaluate((body) => {
    const found: string[] = [];
    for (const element of Array.from(body.querySelectorAll("*"))) {
      if (element.getAttribute("data-role") === "original") found.push(`${element.tagName} data-role=original`);
      const own = Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? "")
        .join("")
        .trim();
      if (/^Original\b(?! or translation)/.test(own)) found.push(`${element.tagName}: ${own}`);
    }
    return found;
  });
}

const pages = [
  { name: "home", path: "/", standsIn: 'tr[data-edition="ru"]', scope: '[data-work="thirst-for-power"]' },
  { name: "compare", path: `${WORK}/compare?editions=ru,fr,en`, standsIn: '.grid-head [data-edition="ru"]' },
  { name: "Russian edition", path: `${WORK}/editions/ru`, standsIn: '[data-testid="edition-role"]' },
  { name: "French edition", path: `${WORK}/editions/fr`, standsIn: null },
  { name: "alignment", path: `${WORK}/alignment`, standsIn: null },
  { name: "variants", path: `${WORK}/variants`, standsIn: null },
  { name: "export", path: `${WORK}/export`, standsIn: "ul.export-list li:has(a[href$='edition=ru'])" },
];

for (const { name, path, standsIn, scope } of pages) {
  test(`the ${name} page never labels a working translation as the original`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    expect(await originalLabels(page, scope)).toEqual([]);
    if (standsIn) await expect(page.locator(scope ? `${scope} ${standsIn}` : standsIn).first()).toContainText(new RegExp(STANDS_IN.replace(/[()]/g, "\\$&"), "i"));
  });
}

test("the home page marks our chapter titles beside the imprints, and says who made the translations", async ({ page }) => {
  await page.goto("/");
  const demo = page.locator('[data-work="thirst-for-power"]');
  for (const slug of ["ru", "fr", "es", "it"]) {
    await expect(demo.locator(`tr[data-edition="${slug}"] [data-title-ours]`)).toHaveText("[our title]");
    await expect(demo.locator(`tr[data-edition="${slug}"]`)).toContainText("working translation made for Hexapla");
  }
  await expect(demo.locator('tr[data-edition="en"] [data-title-ours]')).toHaveCount(0);
  await expect(demo.locator('tr[data-edition="en"]')).toContainText("Editor: Tim Davenport");
  await expect(demo.locator('tr[data-edition="en"]')).not.toContainText("Pathfinder Press, New York, 2002");
});

test("an edition page states when a working translation was made, from what, and where it departs on purpose", async ({ page }) => {
  await page.goto(`${WORK}/editions/fr`);
  const data = page.locator("dl.meta");
  await expect(data).toContainText("Translated from");
  await expect(data.getByRole("link", { name: "en", exact: true })).toBeVisible();
  await expect(data).toContainText("2026-11-25, last revised on 2026-12-06");
  await expect(data).toContainText("Publisher of the edition it stands in for");
  await expect(page.getByTestId("departures")).toContainText("“That was our last conversation.”");
});

test("the alignment page says why the English is the pivot", async ({ page }) => {
  await page.goto(`${WORK}/alignment`);
  await expect(page.getByTestId("pivot-reason")).toHaveText(
    /^en \(English\) is the pivot because no original text of the work is present \(ru only stands in for it\), and it is the published text the working translations ru, fr, es and it were made from/,
  );
});

test("the English extracted text shows the corrections word by word against the corrected text, and the corrections list their kinds", async ({ page }) => {
  await page.goto(`${WORK}/editions/en`);
  await expect(page.locator("table.corrections td[data-kind='emendation']").first()).toHaveText("Editorial emendation");
  await expect(page.locator("table.corrections td[data-kind='extraction']").first()).toHaveText("Extraction repair");
  await page.getByRole("link", { name: "compare it word by word with this text" }).click();
  await expect(page).toHaveURL(/diff=en-extracted,en/);
  const row = page.locator(".grid-row").filter({ hasText: "Kote Tsintsadze" });
  const editions = new URL(page.url()).searchParams.get("editions")!;
  await expect(compareCell(row, editions, "en-extracted").locator("del")).toContainText(["cothinker"]);
  await expect(compareCell(row, editions, "en").locator("ins")).toContainText(["co-thinker"]);
  await expect(page.locator('.grid-head [data-edition="en-extracted"]')).toContainText("(extracted text)");
});

test("the exports call the Russian working translation a stand-in, never the original", async ({ page }) => {
  const tei = await (await page.request.get(`/api/works/thirst-for-power/export/tei-edition?edition=ru`)).text();
  expect(tei).toContain('<note type="derivation" subtype="stands-in-for-original">');
  expect(tei).not.toContain('subtype="original"');
  const csv = await (await page.request.get(`/api/works/thirst-for-power/export/grid-csv?editions=ru,en`)).text();
  expect(csv.split("\n")[0]).toContain("ru (working translation, stands in for the original)");
  const tmx = await (await page.request.get(`/api/works/thirst-for-power/export/tmx?editions=ru,en`)).text();
  expect(tmx).toContain("stands in for the Russian original (not the original)");
  const grid = await (await page.request.get(`/api/works/thirst-for-power/export/grid-json?editions=ru,en`)).json();
  expect(grid.editions.map((e: { slug: string; original: boolean; role: string }) => [e.slug, e.original, e.role])).toEqual([
    ["ru", false, STANDS_IN],
    ["en", false, "Translation"],
  ]);
});

test("the variants page and the variant exports name a working translation standing in for the original as such", async ({ page, db }) => {
  const work = `provenance-${Date.now().toString(36)}`;
  const workId = await createScholarWork(db, work);
  const row = await db.alignmentRow.findFirstOrThrow({ where: { workId }, orderBy: { position: "asc" }, skip: 1 });
  const editions = await db.edition.findMany({ where: { workId, slug: { in: ["ru", "en-pub"] } } });
  await db.variant.create({
    data: { workId, rowId: row.id, category: "substitution", note: "shot / executed", editions: { create: editions.map((e) => ({ editionId: e.id })) } },
  });
  await page.goto(`/works/${work}/variants`);
  await expect(page.locator(".variant-editions").first()).toContainText("(ru, working translation (stands in for the russian original))");
  expect(await originalLabels(page)).toEqual([]);
  const json = await (await page.request.get(`/api/works/${work}/variants/export?format=json`)).json();
  expect(json.editions.find((e: { slug: string }) => e.slug === "ru")).toMatchObject({ isOriginal: false, role: STANDS_IN });
});
