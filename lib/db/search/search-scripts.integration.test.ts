/**
 * Search in scripts written without spaces (issue 10): the words of Article 26 of the UDHR ("Everyone has the right
 * to education") in Chinese, Japanese and Thai, found through the index's character bigrams, beside Latin and
 * Cyrillic editions whose search keeps its stemming; and words that keep their non-spacing marks (Thai tone marks,
 * the Devanagari virama).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createScholarWork, type FixtureEdition } from "./scholar-work.fixtures";
import { searchWork } from "./search-work";

const EDITIONS: FixtureEdition[] = [
  { slug: "en", language: "en", title: "Universal Declaration", original: true, provenance: "published", rows: ["Article 26", "Everyone has the right to education.", "Education shall be free."] },
  { slug: "zh", language: "zh-Hans", title: "世界人权宣言", provenance: "published", rows: ["第二十六条", "人人都有受教育的权利。", "教育应当免费。"] },
  { slug: "ja", language: "ja", title: "世界人権宣言", provenance: "published", rows: ["第二十六条", "すべて人は、教育を受ける権利を有する。", "教育は、無償でなければならない。"] },
  { slug: "th", language: "th", title: "ปฏิญญาสากลว่าด้วยสิทธิมนุษยชน", provenance: "published", rows: ["ข้อ ๒๖", "ทุกคนมีสิทธิในการศึกษา", "การศึกษาจะต้องให้เปล่า"] },
  { slug: "ru", language: "ru", title: "Всеобщая декларация", provenance: "published", rows: ["Статья 26", "Каждый человек имеет право на образование.", "Образование должно быть бесплатным."] },
  { slug: "hi", language: "hi", title: "मानव अधिकारों की सार्वभौम घोषणा", provenance: "published", rows: ["अनुच्छेद २६", "प्रत्येक व्यक्ति को शिक्षा का अधिकार है।", "शिक्षा निःशुल्क होगी।"] },
];

let database: TestDatabase;
let workId: string;
let slugOf: Map<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  workId = await createScholarWork(database.prisma, "udhr-search-test", EDITIONS);
  const editions = await database.prisma.edition.findMany({ where: { workId }, select: { id: true, slug: true } });
  slugOf = new Map(editions.map((edition) => [edition.id, edition.slug]));
});

afterAll(async () => {
  await database.drop();
});

/** "r<row> <edition>: highlighted|text" for every hit, sorted. */
async function search(query: string): Promise<string[]> {
  const result = await searchWork(database.prisma, { workId, query });
  const segments = await database.prisma.segment.findMany({ where: { id: { in: result.rows.flatMap((row) => row.hits.map((hit) => hit.segmentId)) } } });
  return result.rows
    .flatMap((row) =>
      row.hits.map((hit) => {
        const text = segments.find((segment) => segment.id === hit.segmentId)!.text;
        return `r${row.rowNumber} ${slugOf.get(hit.editionId)}: ${hit.highlights.map((range) => text.slice(range.start, range.end)).join("|")}`;
      }),
    )
    .sort();
}

describe("searchWork in scripts written without spaces", () => {
  it("finds 教育 inside longer words in the Chinese and Japanese editions, and nowhere else", async () => {
    expect(await search("教育")).toEqual(["r2 ja: 教育", "r2 zh: 教育", "r3 ja: 教育", "r3 zh: 教育"]);
  });

  it("finds การศึกษา in the Thai edition, also where it follows another word without a space", async () => {
    expect(await search("การศึกษา")).toEqual(["r2 th: การศึกษา", "r3 th: การศึกษา"]);
  });

  it("finds a run only where its characters are consecutive, a single character as a prefix, and needs every part of the query", async () => {
    expect(await search("育教")).toEqual([]);
    expect(await search("权")).toEqual(["r2 zh: 权"]);
    expect(await search("教育 免费")).toEqual(["r3 zh: 教育|免费"]);
  });

  it("keeps stemming in Latin and Cyrillic scripts beside them", async () => {
    expect(await search("educated")).toEqual(["r2 en: education", "r3 en: Education"]);
    expect(await search("образованием")).toEqual(["r2 ru: образование", "r3 ru: Образование"]);
  });

  it("reads a word with non-spacing marks (virama, Thai tone marks) as one word", async () => {
    expect(await search("शिक्षा")).toEqual(["r2 hi: शिक्षा", "r3 hi: शिक्षा"]);
    expect(await search("षा")).toEqual([]);
    expect(await search("ต้อง")).toEqual(["r3 th: ต้อง"]);
  });
});
