import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createWork } from "../grid/grid.fixtures";
import { computeWordSets } from "./align-work-words";
import { insertAutomaticSets } from "./insert-link-sets";
import { WORD_MODEL_VERSION } from "./link-sets";
import { loadWordInput } from "./load-word-input";

describe("inserting a work's automatic link sets", () => {
  let database: TestDatabase;
  let workId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ workId } = await createWork(database.prisma, {
      slug: "insert-sets-work",
      editions: {
        en: ["Such must be our attitude to the dogs.", "The curs bark at the moon at night; 1905."],
        ru: ["Таково должно быть наше отношение к собакам.", "Ночью на луну лают шавки; 1905."],
        fr: ["Telle doit être notre attitude envers les chiens.", "Les roquets aboient à la lune la nuit ; 1905."],
      },
      rows: [{ en: 1, ru: 1, fr: 1 }, { en: 1, ru: 1, fr: 1 }],
    }));
  });
  afterAll(async () => {
    await database.drop();
  });

  it("stores exactly what Prisma's createMany stored", async () => {
    const { sets } = await computeWordSets(await loadWordInput(database.prisma, workId), {}, { dictionaries: false });
    expect(sets.length).toBeGreaterThan(4);
    const read = () =>
      database.prisma.wordLinkSet.findMany({ where: { workId }, orderBy: [{ segmentAId: "asc" }, { segmentBId: "asc" }], omit: { updatedAt: true } });
    await database.prisma.wordLinkSet.createMany({ data: sets.map((set) => ({ ...set, workId, status: "automatic" as const, modelVersion: WORD_MODEL_VERSION })) });
    const byCreateMany = await read();
    await database.prisma.wordLinkSet.deleteMany({ where: { workId } });
    await database.prisma.$transaction((tx) => insertAutomaticSets(tx, workId, sets));
    expect(await read()).toEqual(byCreateMany);
    expect(byCreateMany.some((set) => set.probabilities.some((p) => p !== 1 && p !== 0))).toBe(true);
  });
});
