import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { demoCorpusDir } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { DomainError } from "../errors";
import { applyEditorOperation } from "../grid/apply-operation";
import { runImport } from "./run-import";

const WORK = "thirst-for-power";

/** A demo working translation as a "published" Markdown file: labels and front matter gone, some words changed. */
function published(file: string, change: (body: string) => string): string {
  const text = fs.readFileSync(path.join(demoCorpusDir, file), "utf8");
  const body = text.slice(text.indexOf("\n---\n", 4) + 5);
  return change(body.replace(/\{#[^}]*?(\.dateline)?\}/g, (_, dateline: string | undefined) => (dateline ? "{.dateline}" : "")));
}

const publishedFrench = () => published("fr.txt", (body) => body.replace(/pouvoir/g, "Pouvoir").replace(/Staline/g, "Stalin"));

describe("replacing an edition's text with a published edition", () => {
  let database: TestDatabase;
  let userId: string;
  const cellsByRow = async (editionSlugs: string[]) => {
    const rows = await database.prisma.alignmentRow.findMany({
      where: { work: { slug: WORK } },
      orderBy: { position: "asc" },
      include: { segments: { orderBy: { position: "asc" }, include: { edition: { select: { slug: true } } } } },
    });
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      cells: Object.fromEntries(editionSlugs.map((slug) => [slug, row.segments.filter((s) => s.edition.slug === slug).map((s) => s.id)])),
    }));
  };

  const gridVersion = async () => (await database.prisma.work.findUniqueOrThrow({ where: { slug: WORK } })).gridVersion;
  const latestEntry = () => database.prisma.gridOperation.findFirstOrThrow({ where: { work: { slug: WORK } }, orderBy: { gridVersion: "desc" } });

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.prisma, demoCorpusDir);
    userId = (await database.prisma.user.create({ data: { id: "editor-1", name: "Eda Editor", email: "eda@example.test", role: "editor" } })).id;
  });
  afterAll(async () => {
    await database.drop();
  });

  it("makes the new text the edition's text, aligned against the pivot, keeping every other edition's rows and the old text", async () => {
    const firstRow = (await cellsByRow(["ru"]))[3];
    await database.prisma.alignmentRow.update({ where: { id: firstRow.id }, data: { status: "confirmed" } });
    const others = ["ru", "es", "it", "en"];
    const before = await cellsByRow([...others, "fr"]);
    const oldFrench = await database.prisma.edition.findFirstOrThrow({ where: { slug: "fr" } });
    const versionBefore = await gridVersion();

    const result = await runImport(database.prisma, {
      bytes: new TextEncoder().encode(publishedFrench()),
      fileName: "fr-grasset.md",
      workSlug: WORK,
      replace: "fr",
      meta: { provenance: "published", translator: "Victor Serge", publisher: "Grasset", place: "Paris", year: 1937 },
      importedById: userId,
    });
    expect(result).toMatchObject({ status: "created", replaced: { slug: "fr", keptAs: "fr-superseded" }, alignment: { mode: "place", reference: "en" } });
    expect(result.alignment!.confirmedRows).toBe(1);
    expect(await gridVersion()).toBe(versionBefore + 1);
    const entry = await latestEntry();
    expect(entry).toMatchObject({ kind: "replace-edition", userId, gridVersion: versionBefore + 1, inverse: { type: "none" } });
    expect((entry.payload as { summary: string }).summary).toMatch(/^Replaced the text of thirst-for-power\/fr: /);
    expect(entry.rowIds.length).toBeGreaterThan(0);

    const current = await database.prisma.edition.findFirstOrThrow({ where: { work: { slug: WORK }, slug: "fr" } });
    expect([current.id === oldFrench.id, current.provenance, current.importedById, current.translator, current.position]).toEqual([
      false,
      "published",
      userId,
      "Victor Serge",
      oldFrench.position,
    ]);
    const kept = await database.prisma.edition.findUniqueOrThrow({ where: { id: oldFrench.id } });
    expect([kept.slug, kept.supersededById, kept.provenance]).toEqual(["fr-superseded", current.id, "working_translation"]);

    const after = await cellsByRow([...others, "fr", "fr-superseded"]);
    expect(after.map((row) => [row.id, row.status, others.map((slug) => row.cells[slug])])).toEqual(
      before.map((row) => [row.id, row.id === firstRow.id ? "confirmed" : row.status, others.map((slug) => row.cells[slug])]),
    );
    expect(after.map((row) => row.cells["fr-superseded"])).toEqual(before.map((row) => row.cells.fr));

    const newOrder = after.flatMap((row) => row.cells.fr);
    const segments = await database.prisma.segment.findMany({ where: { editionId: current.id }, orderBy: { position: "asc" }, select: { id: true } });
    expect(newOrder).toEqual(segments.map((s) => s.id));

    const rowOfOld = new Map(after.flatMap((row, i) => row.cells["fr-superseded"].map((id) => [id, i] as const)));
    const oldSegments = await database.prisma.segment.findMany({ where: { editionId: oldFrench.id }, orderBy: { position: "asc" }, select: { id: true } });
    const rowOfNew = new Map(after.flatMap((row, i) => row.cells.fr.map((id) => [id, i] as const)));
    expect(segments).toHaveLength(oldSegments.length);
    const sameRow = segments.filter((segment, i) => rowOfNew.get(segment.id) === rowOfOld.get(oldSegments[i].id)).length;
    expect(sameRow / segments.length).toBeGreaterThan(0.9);
  });

  it("changes nothing when the same replacement is imported again", async () => {
    const before = await tableContents(database.prisma);
    const again = await runImport(database.prisma, {
      bytes: new TextEncoder().encode(publishedFrench()),
      fileName: "fr-grasset.md",
      workSlug: WORK,
      replace: "fr",
      meta: { provenance: "published", translator: "Victor Serge", publisher: "Grasset", place: "Paris", year: 1937 },
      importedById: userId,
    });
    expect(again.status).toBe("unchanged");
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("replaces the text standing in for the original with the published original, which takes the pivot from the English", async () => {
    const before = await database.prisma.work.findUniqueOrThrow({ where: { slug: WORK }, include: { pivotEdition: true } });
    expect(before.pivotEdition?.slug).toBe("en");
    const text = published("ru.txt", (body) => body.replace(/Сталин/g, "Сталинъ"));
    const result = await runImport(database.prisma, {
      bytes: new TextEncoder().encode(text),
      fileName: "ru-1994.md",
      workSlug: WORK,
      replace: "ru",
      meta: { provenance: "published", publisher: "Издательство гуманитарной литературы", place: "Москва", year: 1994 },
      importedById: userId,
    });
    expect(result.alignment).toMatchObject({ mode: "place", reference: "en" });
    const work = await database.prisma.work.findUniqueOrThrow({ where: { slug: WORK }, include: { pivotEdition: true } });
    expect([work.pivotEdition?.slug, work.pivotEdition?.provenance, work.pivotEdition?.isOriginal, work.pivotEdition?.standsInForOriginal]).toEqual([
      "ru",
      "published",
      true,
      false,
    ]);
    const kept = await database.prisma.edition.findFirstOrThrow({ where: { work: { slug: WORK }, slug: "ru-superseded" } });
    expect([kept.provenance, kept.isOriginal, kept.standsInForOriginal]).toEqual(["working_translation", false, true]);
  });

  it("aligns an added edition against the pivot", async () => {
    const german = "# Machthunger\n\nIn den Worten Wyschinskis hatte das „Vereinigte Zentrum“ überhaupt kein Programm. Es trieb nur der nackte Machthunger.\n";
    const result = await runImport(database.prisma, {
      bytes: new TextEncoder().encode(german),
      fileName: "de.md",
      workSlug: WORK,
      meta: { language: "de", provenance: "imported" },
      importedById: userId,
    });
    expect(result).toMatchObject({ editions: [{ slug: "de", segments: 3 }], alignment: { mode: "place", reference: "ru" } });
    const placed = await database.prisma.segment.count({ where: { edition: { slug: "de" }, rowId: { not: null } } });
    expect(placed).toBe(3);
    const rowsWithGerman = await database.prisma.alignmentRow.findMany({ where: { segments: { some: { edition: { slug: "de" } } } }, select: { id: true } });
    const entry = await latestEntry();
    expect(entry).toMatchObject({ kind: "import", userId, gridVersion: await gridVersion() });
    expect(entry.rowIds.sort()).toEqual(rowsWithGerman.map((row) => row.id).sort());
  });

  it("refuses as stale an editor's write based on the version before an import, even on a row the import left alone", async () => {
    const base = await gridVersion();
    await runImport(database.prisma, {
      bytes: new TextEncoder().encode("# Sete di potere\n\nUn testo breve.\n"),
      fileName: "it-short.md",
      workSlug: WORK,
      meta: { language: "it", edition: "it-short", provenance: "imported" },
      importedById: userId,
    });
    const entry = await latestEntry();
    expect(entry).toMatchObject({ kind: "import", gridVersion: base + 1 });
    const row = await database.prisma.alignmentRow.findFirstOrThrow({ where: { workId: entry.workId, status: "automatic", id: { notIn: entry.rowIds } } });
    const counts = await tableContents(database.prisma);
    const editor = { id: userId, name: "Eda Editor", role: "editor" as const };
    const refused = await applyEditorOperation(database.prisma, entry.workId, editor, {
      op: { type: "setStatus", rowId: row.id, status: "confirmed" },
      baseVersion: base,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("stale");
    expect(await tableContents(database.prisma)).toEqual(counts);
  });
});
