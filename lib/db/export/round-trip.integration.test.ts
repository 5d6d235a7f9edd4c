import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { exportGridCsv, exportTeiEdition, exportTmx, exportWorkJson, segmentXmlId, type WorkExport } from "../../formats";
import { demoCorpusDir } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { runImport } from "../import/run-import";
import { trustedReadAccess } from "../users/reading-access";
import { buildWorkExport, currentEditionSlugs } from "./build-work-export";

const WORK = "thirst-for-power";
const bytes = (text: string) => new TextEncoder().encode(text);

function without<T extends object>(value: T, ...keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key as keyof T))) as Partial<T>;
}

/** A work as the comparison sees it: row and variant ids (new in every database) replaced by row order. */
function comparable(work: WorkExport) {
  const rowIndex = new Map(work.rows.map((row, i) => [row.id, i]));
  return {
    work: work.work,
    editions: work.editions,
    rows: work.rows.map((row) => without(row, "id", "position")),
    variants: work.variants.map((variant) => ({ ...without(variant, "id", "rowId"), row: rowIndex.get(variant.rowId) })),
    wordLinks: (work.wordLinks ?? [])
      .map((set) => {
        if (set.editionA < set.editionB) return set;
        const links = set.links ? set.links.split(" ").map((pair) => pair.split("-").reverse().join("-")).join(" ") : "";
        return { ...set, editionA: set.editionB, editionB: set.editionA, a: set.b, b: set.a, links };
      })
      .sort((x, y) => `${x.editionA}|${x.editionB}|${x.a}|${x.b}`.localeCompare(`${y.editionA}|${y.editionB}|${y.a}|${y.b}`)),
  };
}

describe("exporting a work and importing the export into an empty database", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let exported: WorkExport;

  beforeAll(async () => {
    source = await createTestDatabase();
    await seedDemo(source.prisma, demoCorpusDir);
    const scholar = await source.prisma.user.create({ data: { id: "scholar-1", name: "Sasha Scholar", email: "sasha@example.test", role: "scholar" } });
    const rows = await source.prisma.alignmentRow.findMany({ where: { work: { slug: WORK } }, orderBy: { position: "asc" } });
    await source.prisma.alignmentRow.update({ where: { id: rows[2].id }, data: { status: "confirmed", confidence: 0.93 } });
    await source.prisma.alignmentRow.update({ where: { id: rows[5].id }, data: { confidence: 0.41 } });
    const [en, fr] = await Promise.all(["en", "fr"].map((slug) => source.prisma.edition.findFirstOrThrow({ where: { slug } })));
    await source.prisma.variant.create({
      data: {
        workId: rows[4].workId,
        rowId: rows[4].id,
        category: "omission",
        note: "The French omits the second sentence.",
        status: "confirmed",
        authorId: scholar.id,
        editions: { create: [{ editionId: en.id }, { editionId: fr.id }] },
      },
    });
    const french = fs.readFileSync(path.join(demoCorpusDir, "fr.txt"), "utf8").replace("provenance: working-translation", "provenance: published").replace(/pouvoir/g, "Pouvoir");
    await runImport(source.prisma, { bytes: bytes(french), fileName: "fr-published.txt", workSlug: WORK, replace: "fr", importedById: scholar.id });
    exported = await buildWorkExport(trustedReadAccess(), source.prisma, WORK);

    target = await createTestDatabase();
    await target.prisma.user.create({ data: { id: "scholar-2", name: "Sasha Scholar", email: "sasha@example.test", role: "scholar" } });
    await target.prisma.user.create({ data: { id: "editor-2", name: "Eda Editor", email: "eda@example.test", role: "editor" } });
  });
  afterAll(async () => {
    await Promise.all([source?.drop(), target?.drop()]);
  });

  it("exports what the test set up: an earlier witness, a confirmed row, a variant", () => {
    expect(exported.editions.map((e) => [e.slug, e.meta.provenance, e.supersededBy])).toEqual([
      ["ru", "working-translation", null],
      ["fr", "published", null],
      ["es", "working-translation", null],
      ["it", "working-translation", null],
      ["en", "published", null],
      ["en-extracted", "published", "en"],
      ["fr-superseded", "working-translation", "fr"],
    ]);
    expect(exported.work.pivotEdition).toBe("en");
    expect(exported.editions.find((e) => e.slug === "ru")!.meta).toMatchObject({ original: false, standsInForOriginal: true, translatedFrom: "en", titleOurs: true });
    expect(exported.editions.find((e) => e.slug === "en")!.corrections!.map((c) => c.kind)).not.toContain(null);
    expect(exported.rows.filter((row) => row.status === "confirmed")).toHaveLength(1);
    expect(exported.variants).toHaveLength(1);
    expect(exported.editions.find((e) => e.slug === "en")!.apparatus!.length).toBeGreaterThan(0);
  });

  it("gives back the same editions (with who imported each, when and from which file), segments, grid, variants and word links from the full-work JSON", async () => {
    const result = await runImport(target.prisma, { bytes: bytes(exportWorkJson(exported)), fileName: "thirst-for-power.json", importedById: "editor-2" });
    expect(result.status).toBe("created");
    const reimported = await buildWorkExport(trustedReadAccess(), target.prisma, WORK);
    expect(comparable(reimported)).toEqual(comparable(exported));
    expect(exported.wordLinks!.length).toBeGreaterThan(100);
    expect(reimported.editions.map((edition) => [edition.slug, edition.importedBy, edition.sourceFile])).toEqual([
      ["ru", null, "ru.txt"],
      ["fr", "Sasha Scholar", "fr-published.txt"],
      ["es", null, "es.txt"],
      ["it", null, "it.txt"],
      ["en", null, "en.txt"],
      ["en-extracted", null, "en-extracted.txt"],
      ["fr-superseded", null, "fr.txt"],
    ]);
    expect(reimported.variants[0].author).toBe("Sasha Scholar");
    const journal = await target.prisma.gridOperation.findFirstOrThrow({ where: { work: { slug: WORK } }, select: { kind: true, userId: true } });
    expect(journal).toEqual({ kind: "import", userId: "editor-2" });
  });

  it("names nobody as importer when no user here has the name the file gives", async () => {
    const json = exportWorkJson({ ...exported, work: { ...exported.work, slug: "nobody-copy" }, editions: exported.editions.map((e) => ({ ...e, importedBy: "Someone Else" })) });
    await runImport(target.prisma, { bytes: bytes(json), fileName: "nobody.json", importedById: "editor-2" });
    const copy = await buildWorkExport(trustedReadAccess(), target.prisma, "nobody-copy");
    expect(copy.editions.map((e) => [e.importedBy, e.importedAt])).toEqual(exported.editions.map((e) => [null, e.importedAt]));
  });

  it("gives back every row's texts, status and confidence, and each edition's metadata, from TMX", async () => {
    const slugs = currentEditionSlugs(exported);
    const renamed = { ...exported, work: { ...exported.work, slug: "tmx-copy" } };
    await runImport(target.prisma, { bytes: bytes(exportTmx(renamed, slugs)), fileName: "copy.tmx", importedById: null });
    const copy = await buildWorkExport(trustedReadAccess(), target.prisma, "tmx-copy");
    expect(copy.editions.map((e) => ({ ...e.meta, work: WORK, workTitle: null, author: null }))).toEqual(
      slugs.map((slug) => ({ ...exported.editions.find((e) => e.slug === slug)!.meta, workTitle: null, author: null })),
    );
    const rowTexts = (work: WorkExport, editions: string[]) =>
      work.rows
        .map((row) => ({
          status: row.status,
          confidence: row.confidence,
          texts: editions.map((slug) => {
            const edition = work.editions.find((e) => e.slug === slug)!;
            return (row.cells[slug] ?? []).map((id) => edition.segments.find((s) => s.id === id)!.text).join(" ");
          }),
        }))
        .filter((row) => row.texts.some((text) => text !== ""));
    expect(rowTexts(copy, slugs)).toEqual(rowTexts(exported, slugs));
  });

  it("gives back every cell's segments from the grid CSV", async () => {
    const slugs = currentEditionSlugs(exported);
    await runImport(target.prisma, { bytes: bytes(exportGridCsv(exported, slugs)), fileName: "grid.csv", meta: { work: "csv-copy" }, importedById: null });
    const copy = await buildWorkExport(trustedReadAccess(), target.prisma, "csv-copy");
    const cells = (work: WorkExport) =>
      work.rows.map((row) => slugs.map((slug) => (row.cells[slug] ?? []).map((id) => work.editions.find((e) => e.slug === slug)!.segments.find((s) => s.id === id)!.text)));
    expect(cells(copy)).toEqual(cells(exported).filter((row) => row.some((cell) => cell.length > 0)));
    expect(copy.editions.map((e) => [e.slug, e.meta.provenance])).toEqual(slugs.map((slug) => [slug, slug === "fr" || slug === "en" ? "imported" : "working-translation"]));
  });

  it("gives back an edition's segments with stable xml ids, kinds and apparatus from TEI", async () => {
    const renamed = {
      ...exported,
      editions: exported.editions.map((edition) => ({ ...edition, meta: { ...edition.meta, work: "tei-copy" } })),
    };
    await runImport(target.prisma, { bytes: bytes(exportTeiEdition(renamed, "en")), fileName: "en.xml", importedById: null });
    const copy = await buildWorkExport(trustedReadAccess(), target.prisma, "tei-copy");
    const original = exported.editions.find((e) => e.slug === "en")!;
    const [edition] = copy.editions;
    expect(edition.meta).toEqual({ ...original.meta, work: "tei-copy" });
    expect(edition.segments.map((s) => [s.id, s.text, s.kind, s.headingLevel ?? null])).toEqual(
      original.segments.map((s) => [segmentXmlId(s.id), s.text, s.kind, s.headingLevel ?? null]),
    );
    expect(edition.apparatus!.map((b) => [b.kind, b.label, b.text])).toEqual(original.apparatus!.map((b) => [b.kind, b.label, b.text]));
    const again = await buildWorkExport(trustedReadAccess(), target.prisma, "tei-copy");
    expect(exportTeiEdition(again, "en")).toBe(exportTeiEdition(copy, "en"));
  });
});
