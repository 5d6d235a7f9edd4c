/**
 * DATABASE_READ_URL: pages' reads (readDb) go to the replica it names, while db() — writes, the write path, access
 * checks — stays on the primary; without it both are the primary. Two databases with different contents stand in
 * for a primary and a replica that has not caught up yet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { db, readDb } from "./client";

let primary: TestDatabase;
let replica: TestDatabase;

beforeAll(async () => {
  [primary, replica] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  process.env.DATABASE_URL = primary.url;
  await replica.prisma.work.create({ data: { slug: "only-on-the-replica", title: "Only on the replica" } });
});

afterAll(async () => {
  delete process.env.DATABASE_READ_URL;
  await Promise.all([db().$disconnect(), readDb().$disconnect()]);
  await Promise.all([primary?.drop(), replica?.drop()]);
});

describe("DATABASE_READ_URL", () => {
  it("sends readDb() to the replica and keeps db() on the primary; unset, both are the primary", async () => {
    const slugs = async () => (await readDb().work.findMany({ select: { slug: true } })).map((work) => work.slug);
    expect(readDb()).toBe(db());
    expect(await slugs()).toEqual([]);

    process.env.DATABASE_READ_URL = replica.url;
    expect(await slugs()).toEqual(["only-on-the-replica"]);
    expect(await db().work.count()).toBe(0);
    await db().work.create({ data: { slug: "written-on-the-primary", title: "Written on the primary" } });
    expect(await primary.prisma.work.count()).toBe(1);
    expect(await slugs()).toEqual(["only-on-the-replica"]);
  });
});
