/**
 * A large edition (8,000 sentences and rows: more bind parameters than PostgreSQL takes in one statement) is written
 * whole, in chunks one after another: Prisma's own splitting sent its pieces at once on the transaction's
 * connection, which node-postgres deprecates (test/no-overlapping-queries.ts fails any test file where that happens).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createScholarWork } from "../search/scholar-work.fixtures";

const SENTENCES = 8_000;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

it("imports and lays out an edition of 8,000 sentences whole", async () => {
  const rows = Array.from({ length: SENTENCES }, (_, i) => `Sentence ${i + 1} of the large edition.`);
  const workId = await createScholarWork(database.prisma, "large-import", [{ slug: "en", language: "en", title: "Large", original: true, provenance: "published", rows }]);
  const segments = await database.prisma.segment.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { text: true, rowId: true } });
  expect(segments).toHaveLength(SENTENCES);
  expect(segments.at(-1)?.text).toBe(`Sentence ${SENTENCES} of the large edition.`);
  expect(await database.prisma.alignmentRow.count({ where: { workId } })).toBe(SENTENCES);
  expect(segments.every((segment) => segment.rowId !== null)).toBe(true);
});
