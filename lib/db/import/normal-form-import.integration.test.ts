/**
 * Imports store text in Unicode NFC, whatever form the file wrote, and say so (issue 10): the preview and the
 * result name what normalisation changes, the edition keeps it as provenance, and search finds the text whichever
 * form a query is typed in; a work export passes the record on, and importing it elsewhere restores it exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { exportBody } from "../../api/export-files";
import { exportWorkJson } from "../../formats";
import { sampleWork } from "../../formats/fixtures/sample-work";
import { buildWorkExport } from "../export/build-work-export";
import { inSnapshot } from "../export/in-snapshot";
import { pagedSource } from "../export/paged-source";
import { planWorkExport } from "../export/plan-work-export";
import { searchWork } from "../search/search-work";
import { trustedReadAccess } from "../users/reading-access";
import { previewImport } from "./preview-import";
import { runImport } from "./run-import";

const nfd = (text: string) => text.normalize("NFD");
const utf8 = (text: string) => new TextEncoder().encode(text);
const VIETNAMESE = "# Tuyên ngôn\n\nMọi người đều có quyền được học hành. Giáo dục phải miễn phí.\n";

describe("importing text written in another Unicode form", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  const segmentTexts = async (work: string, edition: string) =>
    (await database.prisma.segment.findMany({ where: { edition: { slug: edition, work: { slug: work } } }, orderBy: { position: "asc" }, select: { text: true } })).map((s) => s.text);
  const provenance = (work: string, edition: string) =>
    database.prisma.edition.findFirstOrThrow({ where: { slug: edition, work: { slug: work } }, select: { normalisedTo: true, normalisedLetters: true, normalisedSegments: true } });

  it("stores a decomposed (NFD) Markdown file in NFC, says so in the preview and the result, and keeps it on the edition", async () => {
    const request = { bytes: utf8(nfd(VIETNAMESE)), fileName: "vi.md", importedById: null, meta: { work: "udhr-nf", language: "vi", provenance: "published" as const, edition: "vi" } };
    const preview = await previewImport(database.prisma, request);
    /* The heading, also the title (2 letters each), and the two sentences (10 and 5). */
    expect(preview.editions[0].normalisation).toEqual({ form: "NFC", letters: 19, segments: 3 });
    expect(preview.notes).toContainEqual(expect.stringMatching(/^vi: 19 letters written in another Unicode form in the file .* are stored in normal form C \(NFC\); 3 segments of the text changed so\./));
    expect(preview.editions[0].firstBlocks[1].sentences[0]).toBe("Mọi người đều có quyền được học hành.");

    const result = await runImport(database.prisma, request);
    expect(result.editions).toEqual([{ slug: "vi", segments: 3, normalisation: { form: "NFC", letters: 19, segments: 3 } }]);
    expect(result.message).toContain("vi: 19 letters written in another Unicode form");
    expect(await segmentTexts("udhr-nf", "vi")).toEqual(["Tuyên ngôn", "Mọi người đều có quyền được học hành.", "Giáo dục phải miễn phí."]);
    expect(await provenance("udhr-nf", "vi")).toEqual({ normalisedTo: "NFC", normalisedLetters: 19, normalisedSegments: 3 });
    const work = await database.prisma.work.findUniqueOrThrow({ where: { slug: "udhr-nf" } });
    expect(work.title).toBe("Tuyên ngôn");
  });

  it("finds the stored text with a query typed in either form", async () => {
    const english = "# Declaration\n\nEveryone has the right to education. Education shall be free.\n";
    const added = await runImport(database.prisma, { bytes: utf8(english), fileName: "en.md", importedById: null, meta: { work: "udhr-nf", language: "en", provenance: "published", edition: "en" } });
    expect(added.alignment?.rows).toBe(3);
    const work = await database.prisma.work.findUniqueOrThrow({ where: { slug: "udhr-nf" } });
    for (const query of ["quyền học", nfd("quyền học")]) {
      const found = await searchWork(database.prisma, { workId: work.id, query });
      expect(found.rows.flatMap((row) => row.hits.map((hit) => hit.how))).toEqual(["words"]);
    }
  });

  it("records nothing for a file in NFC, and normalises each edition of a work export on its own", async () => {
    await runImport(database.prisma, { bytes: utf8(VIETNAMESE), fileName: "vi.md", importedById: null, meta: { work: "udhr-nfc", language: "vi", provenance: "published", edition: "vi" } });
    expect(await provenance("udhr-nfc", "vi")).toEqual({ normalisedTo: null, normalisedLetters: null, normalisedSegments: null });

    const json = nfd(exportWorkJson({ ...sampleWork, work: { ...sampleWork.work, slug: "json-nf" } }));
    const result = await runImport(database.prisma, { bytes: utf8(json), fileName: "work.json", importedById: null });
    const ru = result.editions.find((edition) => edition.slug === "ru")!;
    expect(ru.normalisation).toMatchObject({ form: "NFC", segments: 2 });
    expect(result.editions.find((edition) => edition.slug === "en")!.normalisation).toBeUndefined();
    expect(await segmentTexts("json-nf", "ru")).toEqual(sampleWork.editions.find((edition) => edition.slug === "ru")!.segments.map((segment) => segment.text));
    expect(await provenance("json-nf", "en")).toMatchObject({ normalisedTo: null });
  });

  it("passes the record on through the work JSON, streamed or whole: importing it restores it exactly, and adds what it changes again", async () => {
    const editor = await database.prisma.user.create({ data: { id: "tuyet", name: "Tuyết Editor", email: "tuyet@example.test", role: "editor" } });
    await database.prisma.edition.updateMany({ where: { slug: "vi", work: { slug: "udhr-nf" } }, data: { importedById: editor.id, importedAt: new Date("2026-11-30T08:09:10.123Z") } });
    const plan = await planWorkExport(trustedReadAccess(), database.prisma, "udhr-nf", "work-json", {});
    let streamed = "";
    for await (const piece of inSnapshot(database.prisma, async function* (tx) {
      yield* exportBody(await pagedSource(tx, "udhr-nf"), plan);
    }))
      streamed += piece;
    expect(streamed).toBe(exportWorkJson(await buildWorkExport(trustedReadAccess(), database.prisma, "udhr-nf")));
    const exported = JSON.parse(streamed);
    expect(exported.editions.map((e: { slug: string; normalisation: unknown; sourceFile: string }) => [e.slug, e.normalisation, e.sourceFile])).toEqual([
      ["vi", { form: "NFC", letters: 19, segments: 3 }, "vi.md"],
      ["en", null, "en.md"],
    ]);

    const record = (work: string) =>
      database.prisma.edition.findMany({
        where: { work: { slug: work } },
        orderBy: { position: "asc" },
        select: { slug: true, normalisedTo: true, normalisedLetters: true, normalisedSegments: true, importedById: true, importedAt: true, sourceFile: true },
      });
    const copy = { ...exported, work: { ...exported.work, slug: "udhr-nf-copy" } };
    const result = await runImport(database.prisma, { bytes: utf8(JSON.stringify(copy)), fileName: "udhr.json", importedById: null });
    expect(result.editions.every((edition) => edition.normalisation === undefined)).toBe(true);
    expect(await record("udhr-nf-copy")).toEqual(await record("udhr-nf"));
    const journal = await database.prisma.gridOperation.findFirstOrThrow({ where: { work: { slug: "udhr-nf-copy" } }, select: { kind: true, payload: true } });
    expect(journal.kind).toBe("import");
    expect(JSON.stringify(journal.payload)).toContain("udhr.json");

    const decomposed = nfd(JSON.stringify({ ...exported, work: { ...exported.work, slug: "udhr-nf-again" } }));
    const again = await runImport(database.prisma, { bytes: utf8(decomposed), fileName: "udhr-nfd.json", importedById: null });
    const now = again.editions.find((edition) => edition.slug === "vi")!.normalisation!;
    expect(now.letters).toBeGreaterThan(0);
    expect(await provenance("udhr-nf-again", "vi")).toEqual({ normalisedTo: "NFC", normalisedLetters: 19 + now.letters, normalisedSegments: 3 });
  });
});
