/**
 * Search against a real PostgreSQL: each edition in its own language's text-search configuration, and names by
 * spelling through the trigram index.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createScholarWork, type FixtureEdition } from "./scholar-work.fixtures";
import { searchWork, type SearchResult } from "./search-work";

const EDITIONS: FixtureEdition[] = [
  { slug: "ru", language: "ru", title: "Жажда власти", original: true, provenance: "working-translation", rows: ["Жажда власти", "Оппозиция боролась против власти бюрократии.", "Зиновьева и Каменева расстреляли."] },
  { slug: "fr", language: "fr", title: "La soif du pouvoir", provenance: "working-translation", rows: ["La soif du pouvoir", "Les accusés avouèrent tout.", "Zinoviev et Kamenev furent fusillés."] },
  { slug: "es", language: "es", title: "La sed de poder", provenance: "working-translation", rows: ["La sed de poder", "Las acusaciones eran falsas.", "Zinóviev y Kámenev fueron fusilados."] },
  { slug: "it", language: "it", title: "La sete di potere", provenance: "working-translation", rows: ["La sete di potere", "Gli imputati furono fucilati.", "Zinov'ev e Kamenev furono fucilati."] },
  { slug: "en", language: "en", title: "Thirst for Power", provenance: "published", rows: ["Thirst for Power", "The trials were staged.", "Zinoviev and Kamenev were shot."] },
];

let database: TestDatabase;
let workId: string;
let editionOf: Map<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  workId = await createScholarWork(database.prisma, "search-test", EDITIONS);
  const editions = await database.prisma.edition.findMany({ where: { workId }, select: { id: true, slug: true } });
  editionOf = new Map(editions.map((edition) => [edition.id, edition.slug]));
});

afterAll(async () => {
  await database.drop();
});

/** "edition: highlighted words" for every hit of the result. */
async function found(result: SearchResult): Promise<string[]> {
  const segments = await database.prisma.segment.findMany({ where: { id: { in: result.rows.flatMap((row) => row.hits.map((hit) => hit.segmentId)) } } });
  return result.rows.flatMap((row) =>
    row.hits.map((hit) => {
      const text = segments.find((segment) => segment.id === hit.segmentId)!.text;
      return `r${row.rowNumber} ${editionOf.get(hit.editionId)} ${hit.how}: ${hit.highlights.map((range) => text.slice(range.start, range.end)).join("|")}`;
    }),
  );
}

describe("searchWork", () => {
  it("keeps each segment's text-search configuration in step with its edition's language", async () => {
    const configs = await database.prisma.segment.findMany({ where: { workId }, select: { searchConfig: true, edition: { select: { slug: true } } } });
    expect(new Set(configs.map((segment) => `${segment.edition.slug}:${segment.searchConfig}`))).toEqual(
      new Set(["ru:russian", "fr:french", "es:spanish", "it:italian", "en:english"]),
    );
    const english = await database.prisma.edition.findFirstOrThrow({ where: { workId, slug: "en" } });
    await database.prisma.edition.update({ where: { id: english.id }, data: { language: "de" } });
    expect(new Set((await database.prisma.segment.findMany({ where: { editionId: english.id } })).map((segment) => segment.searchConfig))).toEqual(new Set(["simple"]));
    await database.prisma.edition.update({ where: { id: english.id }, data: { language: "en" } });
    expect(new Set((await database.prisma.segment.findMany({ where: { editionId: english.id } })).map((segment) => segment.searchConfig))).toEqual(new Set(["english"]));
  });

  it.each([
    ["ru", "власть", "власти"],
    ["fr", "accusé", "accusés"],
    ["es", "acusación", "acusaciones"],
    ["it", "fucilato", "fucilati"],
    ["en", "trial", "trials"],
  ])("finds an inflected form in the %s edition (%s → %s)", async (slug, query, form) => {
    const hits = await found(await searchWork(database.prisma, { workId, query }));
    expect(hits.filter((hit) => hit.includes(` ${slug} words: `)).some((hit) => hit.split(": ")[1].split("|").includes(form))).toBe(true);
  });

  it("does not search a language with another language's rules", async () => {
    expect(await found(await searchWork(database.prisma, { workId, query: "trial" }))).toEqual(["r2 en words: trials"]);
  });

  it("finds a misspelt name in every script by its spelling, grouped by row", async () => {
    const result = await searchWork(database.prisma, { workId, query: "Zinovyev" });
    expect(result.bySpelling).toBe(true);
    expect(result.rows.map((row) => row.rowNumber)).toEqual([3]);
    expect((await found(result)).sort()).toEqual([
      "r3 en spelling: Zinoviev",
      "r3 es spelling: Zinóviev",
      "r3 fr spelling: Zinoviev",
      "r3 it spelling: Zinov'ev",
      "r3 ru spelling: Зиновьева",
    ]);
  });

  it("finds nothing for words that are nowhere, and does not look up common words by spelling when they are found", async () => {
    expect((await searchWork(database.prisma, { workId, query: "Trotsky" })).rows).toEqual([]);
    const result = await searchWork(database.prisma, { workId, query: "acusación" });
    expect(result.bySpelling).toBe(false);
    expect(await found(result)).toEqual(["r2 es words: acusaciones"]);
  });
});
