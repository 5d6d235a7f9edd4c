/**
 * Import and export in the browser: an editor uploads a TEI file, sees the preview, imports it and finds it aligned
 * in the compare view; a broken file is refused naming its line and writes nothing; the export page offers every
 * export; tokens are shown once. Tests that write make their own work.
 */
import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { replaceGrid } from "../lib/db/alignment/replace-grid";
import type { Db } from "../lib/db/client";
import { runImport } from "../lib/db/import/run-import";
import { expect, signIn, test, userOf } from "./fixtures";

const ENGLISH = `# Thirst for Power

In the words of Vyshinsky, the United Center had no program whatsoever. It was motivated only by the naked thirst for power.

Of course, I had this thirst more than others.

{.dateline} January 1937
`;

const FRENCH_TEI = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>La soif du pouvoir</title><author>Léon Trotsky</author></titleStmt>
      <publicationStmt><p>Transcription</p></publicationStmt>
      <sourceDesc><bibl><publisher>Grasset</publisher><pubPlace>Paris</pubPlace><date when="1937">1937</date></bibl></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text xml:lang="fr">
    <body>
      <div>
        <head><s xml:id="fr-h1">La soif du pouvoir</s></head>
        <p><s xml:id="fr-1">Selon Vychinski, le Centre uni n’avait aucun programme.</s> <s xml:id="fr-2">Il n’était mû que par la soif nue du pouvoir.</s></p>
        <p><s xml:id="fr-3">Bien entendu, cette soif, je l’avais plus que les autres.</s></p>
        <dateline><s xml:id="fr-d">Janvier 1937</s></dateline>
      </div>
    </body>
  </text>
</TEI>
`;

/** A work of its own with an English original aligned in a grid of one row per sentence. */
async function makeWork(db: Db, slug: string): Promise<void> {
  await runImport(db, {
    bytes: new TextEncoder().encode(ENGLISH),
    fileName: "en.md",
    meta: { work: slug, workTitle: `Import test ${slug}`, language: "en", provenance: "published", original: true },
    importedById: null,
  });
  await db.$transaction(async (tx) => {
    const work = await tx.work.findUniqueOrThrow({ where: { slug } });
    const segments = await tx.segment.findMany({ where: { workId: work.id }, orderBy: { position: "asc" } });
    await replaceGrid(tx, work.id, segments.map((segment) => ({ cells: { [segment.editionId]: [segment.id] }, status: "automatic", confidence: null })));
  });
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
}

test("an editor uploads a TEI file, sees the preview, imports it and finds it aligned in the compare view", async ({ page, db }) => {
  const slug = `e2e-import-${Date.now()}`;
  await makeWork(db, slug);
  const editor = userOf("editor");
  await signIn(page, editor.email);

  await page.goto(`/works/${slug}/import`);
  await expectNoAxeViolations(page);
  await page.getByLabel("Edition file").setInputFiles({ name: "fr-grasset.xml", mimeType: "application/tei+xml", buffer: Buffer.from(FRENCH_TEI) });
  await page.getByRole("button", { name: "Preview" }).click();

  const preview = page.getByRole("region", { name: /Preview of fr-grasset.xml/ });
  await expect(preview.getByTestId("preview-format")).toHaveText("tei");
  await expect(preview.getByTestId("preview-encoding")).toContainText("utf-8");
  await expect(preview.getByTestId("encoding-warning")).toHaveCount(0);
  await expect(preview.getByTestId("blocks-fr")).toHaveText("4");
  await expect(preview.getByTestId("sentences-fr")).toHaveText("5");
  await expect(preview.getByTestId("preview-alignment")).toContainText("aligned against “en”");
  await expect(preview.locator('[lang="fr"]').getByText("Il n’était mû que par la soif nue du pouvoir.")).toBeVisible();
  await expect(preview).toContainText("Published text");
  expect(await db.edition.count({ where: { work: { slug } } })).toBe(1);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText(`Imported ${slug}/fr (fr), 5 segments. Aligned against “en”`);
  const edition = await db.edition.findFirstOrThrow({ where: { work: { slug }, slug: "fr" }, include: { importedBy: true, segments: { orderBy: { position: "asc" } } } });
  expect([edition.provenance, edition.importedBy?.email, edition.publisher, edition.segments.map((s) => s.xmlId)]).toEqual([
    "published",
    editor.email,
    "Grasset",
    ["fr-h1", "fr-1", "fr-2", "fr-3", "fr-d"],
  ]);

  await page.getByRole("link", { name: "Open in the compare view" }).click();
  await expect(page).toHaveURL(new RegExp(`/works/${slug}/compare\\?editions=en,fr$`));
  const first = page.locator(".grid-row").filter({ hasText: "Selon Vychinski" });
  await expect(first).toHaveCount(1);
  await expect(first.locator('[role="cell"][lang="en"]')).toContainText("In the words of Vyshinsky");
  await expect(page.locator(".grid-row").filter({ hasText: "Janvier 1937" }).locator('[role="cell"][lang="en"]')).toContainText("January 1937");
});

test("a malformed TEI file is refused naming its line, and nothing is written", async ({ page, db }) => {
  const slug = `e2e-broken-${Date.now()}`;
  await makeWork(db, slug);
  await signIn(page, userOf("editor").email);
  const counts = async () => [await db.edition.count({ where: { work: { slug } } }), await db.segment.count({ where: { work: { slug } } })];
  const before = await counts();
  await page.goto(`/works/${slug}/import`);
  const broken = FRENCH_TEI.replace("<p><s xml:id=\"fr-3\">", "<p><s xml:id=\"fr-3\"><hi>");
  await page.getByLabel("Edition file").setInputFiles({ name: "broken.xml", mimeType: "application/xml", buffer: Buffer.from(broken) });
  await page.getByRole("button", { name: "Preview" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "broken.xml" });
  await expect(alert).toContainText("broken.xml:15:");
  await expect(alert).toContainText("Nothing was imported.");
  expect(await counts()).toEqual(before);
});

test("a file whose encoding was only guessed is previewed with a clear warning naming the guess and how sure it is", async ({ page, db }) => {
  const slug = `e2e-guess-${Date.now()}`;
  await makeWork(db, slug);
  await signIn(page, userOf("editor").email);
  await page.goto(`/works/${slug}/import`);
  const latin1 = Buffer.from("---\nlanguage: fr\n---\n\n# La soif du pouvoir\n\nSelon Vychinski, le « Centre uni » n'avait aucun programme. Il n'était mû que par la soif de pouvoir.\n", "latin1");
  await page.getByLabel("Edition file").setInputFiles({ name: "fr-latin1.md", mimeType: "text/markdown", buffer: latin1 });
  await page.getByRole("button", { name: "Preview" }).click();
  const warning = page.getByRole("region", { name: /Preview of fr-latin1.md/ }).getByTestId("encoding-warning");
  await expect(warning).toHaveAttribute("role", "alert");
  await expect(warning).toContainText(/Check the encoding\. It was guessed, not recognised: (iso-8859-1|windows-1252) with \d+% confidence/);
  await expect(warning).toContainText("choose the file's encoding");
});

test("an upload near the import limit reaches the import whole through the server's proxy, and one past it is refused with 413", async ({ page, db, baseURL }) => {
  const slug = `e2e-large-${Date.now()}`;
  await makeWork(db, slug);
  await signIn(page, userOf("editor").email);
  // 15 MB: one heading and 16 paragraphs of just under the 1,000,000 characters a paragraph may have, without a full
  // stop, so each is one sentence and quick to read.
  const paragraphs = Array.from({ length: 16 }, () => "mot ".repeat(250_000).trim()).join("\n\n");
  const bytes = Buffer.from(`---\nlanguage: fr\n---\n\n# Grand\n\n${paragraphs}\n`);
  const preview = await page.request.post(`/api/works/${slug}/import`, {
    headers: { origin: baseURL! },
    multipart: { file: { name: "large.md", mimeType: "text/markdown", buffer: bytes }, mode: "preview" },
  });
  expect(preview.status()).toBe(200);
  expect((await preview.json()).preview.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
  const tooLarge = await page.request.post(`/api/works/${slug}/import`, {
    headers: { origin: baseURL! },
    multipart: { file: { name: "huge.md", mimeType: "text/markdown", buffer: Buffer.alloc(21 * 1024 * 1024, 0x61) }, mode: "preview" },
  });
  expect(tooLarge.status()).toBe(413);
});

test("the import page tells a scholar that importing needs the editor role", async ({ page, baseURL }) => {
  await signIn(page, userOf("scholar").email);
  await page.goto("/import");
  await expect(page.getByRole("alert").filter({ hasText: "Importing needs" })).toContainText("Importing needs the editor role; you are signed in as scholar.");
  const response = await page.request.post("/api/works/thirst-for-power/import", {
    headers: { origin: baseURL! },
    multipart: { file: { name: "x.md", mimeType: "text/markdown", buffer: Buffer.from("# X\n") } },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toBe("This needs the editor role; you are signed in as scholar.");
});

test("the new-work import page passes axe", async ({ page }) => {
  await signIn(page, userOf("editor").email);
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import a new work" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the export page offers each export for the chosen editions, labelling working translations", async ({ page }) => {
  await page.goto("/works/thirst-for-power/export");
  await expectNoAxeViolations(page);
  await expect(page.getByTestId("export-chosen")).toHaveText("ru, fr, es, it, en");
  await expect(page.getByRole("link", { name: /La soif du pouvoir.*TEI/ }).locator("..")).toContainText("working translation");
  await page.getByRole("checkbox", { name: /^fr/ }).uncheck();
  await page.getByRole("checkbox", { name: /^es/ }).uncheck();
  await page.getByRole("checkbox", { name: /^it/ }).uncheck();
  await page.getByRole("button", { name: "Use these editions" }).click();
  await expect(page.getByTestId("export-chosen")).toHaveText("ru, en");
  const tmxLink = page.getByRole("link", { name: "TMX 1.4b" });
  await expect(tmxLink).toHaveAttribute("href", "/api/works/thirst-for-power/export/tmx?editions=ru,en");
  const tmx = await page.request.get((await tmxLink.getAttribute("href"))!);
  expect(tmx.ok()).toBe(true);
  const body = await tmx.text();
  expect(body).toContain('<tmx version="1.4">');
  expect(body).toContain("ru (ru, “«Жажда власти»”): WORKING TRANSLATION");
});

test("an API token is shown once, works for scripts, and stops working when revoked", async ({ page, playwright, baseURL }) => {
  await signIn(page, userOf("editor").email);
  await page.goto("/account/tokens");
  await expectNoAxeViolations(page);
  const name = `e2e script ${Date.now()}`;
  await page.getByLabel("Name (what the token is for)").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(token).toMatch(/^hxp_/);
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const listed = await script.get("/api/tokens");
  expect(listed.status()).toBe(200);
  expect(JSON.stringify(await listed.json())).toContain(name);
  await page.getByRole("button", { name: `Revoke the token ${name}` }).click();
  await expect(page.getByRole("cell", { name })).toHaveCount(0);
  expect((await script.get("/api/tokens")).status()).toBe(401);
  await page.reload();
  await expect(page.getByLabel("Token", { exact: true })).toHaveCount(0);
  await script.dispose();
});
