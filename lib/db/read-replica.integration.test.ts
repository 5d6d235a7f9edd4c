/**
 * DATABASE_READ_URL: pages' reads (readDb) go to the replica it names, while db() — writes, the write path, access
 * checks — stays on the primary; without it both are the primary, each on a pool of its own. Two databases with
 * different contents stand in for a primary and a replica that has not caught up yet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { db, READ_POOL_SIZE, readDb } from "./client";

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
  it("keeps readDb() on a pool of its own: with every read connection taken, db() still answers at once", async () => {
    expect(readDb()).not.toBe(db());
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let opened = 0;
    const holders = Array.from({ length: READ_POOL_SIZE }, () =>
      readDb().$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        opened += 1;
        await finished;
      }),
    );
    while (opened < READ_POOL_SIZE) await new Promise((resolve) => setTimeout(resolve, 10));
    const pending = Symbol("pending");
    const within = <T>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<typeof pending>((resolve) => setTimeout(() => resolve(pending), ms))]);
    const queuedRead = readDb().work.count();
    expect(await within(queuedRead, 300)).toBe(pending);
    expect(await within(db().work.count(), 5_000)).toBe(0);
    finish();
    await Promise.all(holders);
    expect(await queuedRead).toBe(0);
  });

  it("sends readDb() to the replica and keeps db() on the primary; unset, both are the primary", async () => {
    const slugs = async () => (await readDb().work.findMany({ select: { slug: true } })).map((work) => work.slug);
    expect(await slugs()).toEqual([]);

    process.env.DATABASE_READ_URL = replica.url;
    expect(await slugs()).toEqual(["only-on-the-replica"]);
    expect(await db().work.count()).toBe(0);
    await db().work.create({ data: { slug: "written-on-the-primary", title: "Written on the primary" } });
    expect(await primary.prisma.work.count()).toBe(1);
    expect(await slugs()).toEqual(["only-on-the-replica"]);
  });
});
