import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { createWork } from "../grid/grid.fixtures";
import { alignWorkWords } from "./align-work-words";
import { addGlossary, glossaryFor } from "./glossary";
import { readWordLinks } from "./read-word-links";
import { loadLibraryRows, loadWordInput } from "./load-word-input";
import { trustedReadAccess } from "../users/reading-access";

describe("a work's glossary", () => {
  let database: TestDatabase;
  let workId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ workId } = await createWork(database.prisma, {
      slug: "glossary-work",
      editions: { en: ["Such must be our attitude to the dogs.", "The curs bark at the moon at night."], ru: ["Таково должно быть наше отношение к собакам.", "Ночью на луну лают шавки."] },
      rows: [{ en: 1, ru: 1 }, { en: 1, ru: 1 }],
    }));
  });
  afterAll(async () => {
    await database.drop();
  });

  it("refuses a file with a bad line, naming it, and adds nothing", async () => {
    const before = await tableContents(database.prisma);
    await expect(addGlossary(database.prisma, workId, { languageA: "en", languageB: "ru", tsv: "cur\tшавка\nbroken line", userId: null })).rejects.toThrow(/line 2/);
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("adds term pairs once, reads them in either direction, and the word aligner links them", async () => {
    const linksOfRow2 = async () => (await readWordLinks(trustedReadAccess(), database.prisma, "glossary-work", { editions: ["en", "ru"], from: 2, to: 2 })).rows[0].pairs[0].links.split(" ");
    await alignWorkWords(database.prisma, workId, { dictionaries: false });
    expect(await linksOfRow2()).not.toContain("1-4");
    expect(await addGlossary(database.prisma, workId, { languageA: "en", languageB: "ru", tsv: "cur\tшавка\tcontemptuous\ncurs\tшавки\n", userId: null })).toEqual({ added: 2, entries: 2 });
    expect((await addGlossary(database.prisma, workId, { languageA: "ru", languageB: "en", tsv: "шавка\tcur\n", userId: null })).added).toBe(1);
    expect(await glossaryFor(database.prisma, workId, "ru", "en")).toContainEqual({ a: "шавка", b: "cur" });
    await alignWorkWords(database.prisma, workId, { dictionaries: false });
    expect(await linksOfRow2()).toContain("1-4");
  });

  it("other works of the library in the same languages are read as more rows for the word model", async () => {
    const english = ["curs gather", "old curs", "curs again"];
    const russian = ["шавки собираются", "старые шавки", "снова шавки"];
    const source = await createWork(database.prisma, { slug: "library-source", editions: { en: english, ru: russian }, rows: english.map(() => ({ en: 1, ru: 1 })) });
    const input = await loadWordInput(database.prisma, workId);
    const library = await loadLibraryRows(database.prisma, input);
    expect(library["en|ru"]).toContainEqual({ a: ["old", "curs"], b: ["старые", "шавки"] });
    expect(library["ru|en"]).toContainEqual({ a: ["старые", "шавки"], b: ["old", "curs"] });
    const own = await loadLibraryRows(database.prisma, await loadWordInput(database.prisma, source.workId));
    expect(own["en|ru"].some((row) => row.a.includes("moon"))).toBe(true);
    expect(own["en|ru"].some((row) => row.a.includes("gather"))).toBe(false);
  });
});
