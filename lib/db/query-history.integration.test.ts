import { getLogs } from "@prisma/debug";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { readInChunks } from "./read-in-chunks";
import { writeInChunks } from "./write-in-chunks";

describe("Prisma's record of the last queries", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("holds a query's bind values until a chunked read or write drops it", async () => {
    const marker = "query-history-marker-slug";
    await database.prisma.work.findMany({ where: { slug: marker } });
    /* The driver adapter's debug calls land in the @prisma/debug instance this project imports. */
    expect(getLogs()).toContain(marker);
    await writeInChunks(["a", "b"], (chunk) => database.prisma.work.findMany({ where: { slug: { in: chunk.map((c) => `${marker}-${c}`) } } }));
    expect(getLogs()).not.toContain(marker);
    await database.prisma.work.findMany({ where: { slug: marker } });
    await readInChunks(["x"], (chunk) => database.prisma.work.findMany({ where: { slug: { in: chunk } } }));
    expect(getLogs()).not.toContain(marker);
  });
});
