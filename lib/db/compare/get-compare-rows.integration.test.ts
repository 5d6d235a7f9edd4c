import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { demoCorpusDir } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { findRow } from "./find-row";
import { getCompareRows } from "./get-compare-rows";

describe("the compare view's rows", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    await seedDemo(database.prisma, demoCorpusDir);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("hold, for each chosen edition, its segments in order, and read down a column give the whole edition", async () => {
    const work = await database.prisma.work.findUniqueOrThrow({ where: { slug: "thirst-for-power" }, include: { editions: true } });
    const ru = work.editions.find((edition) => edition.slug === "ru")!;
    const en = work.editions.find((edition) => edition.slug === "en")!;
    const rows = await getCompareRows(work.id, [en.id, ru.id]);
    expect(rows.map((row) => row.number)).toEqual(rows.map((_, index) => index + 1));
    for (const edition of [ru, en]) {
      const column = rows.flatMap((row) => row.cells[edition.id].map((segment) => segment.text));
      const stored = await database.prisma.segment.findMany({ where: { editionId: edition.id }, orderBy: { position: "asc" } });
      expect(column).toEqual(stored.map((segment) => segment.text));
    }
    expect(rows[0].cells[ru.id][0]).toMatchObject({ kind: "heading", text: "«Жажда власти»" });
    expect(Object.keys(rows[0].cells)).toEqual([en.id, ru.id]);
  });

  it("find one row by its id or its number, with the number of rows, and nothing past the last", async () => {
    const work = await database.prisma.work.findUniqueOrThrow({ where: { slug: "thirst-for-power" } });
    const rows = await database.prisma.alignmentRow.findMany({ where: { workId: work.id }, orderBy: { position: "asc" }, select: { id: true } });
    const third = await findRow(database.prisma, work.id, { number: 3 });
    expect(third).toEqual({ id: rows[2].id, number: 3, rowCount: rows.length });
    expect(await findRow(database.prisma, work.id, { id: rows[2].id })).toEqual(third);
    expect(await findRow(database.prisma, work.id, { number: rows.length + 1 })).toBeNull();
  });
});
