/**
 * Imports store text in Unicode NFC, whatever form the file wrote, and say so (issue 10): the preview and the
 * result name what normalisation changes, the edition keeps it as provenance, and search finds the text whichever
 * form a query is typed in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { exportWorkJson } from "../../formats";
import { sampleWork } from "../../formats/fixtures/sample-work";
import { searchWork } from "../search/search-work";
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
});
