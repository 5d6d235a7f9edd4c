/**
 * The retention policy of grid snapshots (prune-snapshots.ts), as a worker applies it when it starts: only a snapshot
 * that is neither among the newest of its work nor young enough is pruned; its journal entry then says so instead of
 * offering a restore, a restore of it is refused changing nothing, and a kept one still restores.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { alignWork } from "../alignment/align-work";
import { demoCorpusDir } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { DomainError } from "../errors";
import { createActor, createLargeWork } from "../grid/grid.fixtures";
import type { Actor } from "../grid/types";
import { startWorker } from "../jobs/worker";
import { pruneSnapshots } from "./prune-snapshots";
import { restorableEntries } from "./restorable-entries";
import { restoreSnapshot } from "./restore-snapshot";

let database: TestDatabase;
let editor: Actor;
let workId: string;
let otherWorkId: string;
/** The journal entries of three alignment runs, oldest first, and the other work's one entry. */
let entries: string[];
let otherEntry: string;

const daysAgo = (id: string, days: number) =>
  database.prisma.$executeRaw`UPDATE grid_snapshot SET created_at = now() - make_interval(days => ${days}) WHERE operation_id = ${id}::uuid`;

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor");
  ({ workId } = await seedDemo(database.prisma, demoCorpusDir));
  for (let run = 0; run < 3; run += 1) await alignWork(database.prisma, workId, { mode: "align", actor: editor });
  entries = (
    await database.prisma.gridSnapshot.findMany({ where: { workId }, orderBy: { createdAt: "asc" }, select: { operationId: true } })
  ).map((s) => s.operationId!);
  expect(entries).toHaveLength(3);
  await daysAgo(entries[0], 60);
  await daysAgo(entries[1], 45);

  otherWorkId = await createLargeWork(database.prisma, "other", ["en", "fr"], 4);
  await alignWork(database.prisma, otherWorkId, { mode: "align", actor: editor });
  otherEntry = (await database.prisma.gridSnapshot.findFirstOrThrow({ where: { workId: otherWorkId } })).operationId!;
  await daysAgo(otherEntry, 90);
});
afterAll(async () => database?.drop());

describe("pruning grid snapshots", () => {
  it("keeps every snapshot while the newest-per-work rule or the age rule holds", async () => {
    expect(await pruneSnapshots(database.prisma, { keep: 3, days: 30 })).toBe(0);
    expect(await pruneSnapshots(database.prisma, { keep: 1, days: 100 })).toBe(0);
  });

  it("prunes, when a worker starts, only what is neither among the newest of its work nor young enough", async () => {
    const worker = await startWorker({ databaseUrl: database.url, concurrency: 1, snapshotRetention: { keep: 2, days: 30 } });
    await worker.stop();
    const snapshots = await restorableEntries(database.prisma, [...entries, otherEntry]);
    expect([...snapshots.pruned]).toEqual([entries[0]]);
    expect([...snapshots.restorable].sort()).toEqual([entries[1], entries[2], otherEntry].sort());
    const pruned = await database.prisma.gridSnapshot.findFirstOrThrow({ where: { operationId: entries[0] } });
    expect(pruned.content).toBeNull();
    expect(pruned.prunedAt).toBeInstanceOf(Date);
  });

  it("refuses to restore a pruned snapshot, saying it is no longer kept and changing nothing; a kept one restores", async () => {
    const before = await tableContents(database.prisma);
    const error = await restoreSnapshot(database.prisma, workId, entries[0], editor).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/^The snapshot of the grid version \d+ replaced is no longer kept .*nothing was changed\.$/);
    expect(await tableContents(database.prisma)).toEqual(before);

    const restored = await restoreSnapshot(database.prisma, workId, entries[1], editor);
    expect(restored.summary).toContain("Restored the grid as it was before version");
  });

  it("never prunes a work's newest snapshots, however old", async () => {
    await database.prisma.$executeRaw`UPDATE grid_snapshot SET created_at = created_at - interval '1000 days'`;
    await pruneSnapshots(database.prisma, { keep: 2, days: 30 });
    const kept = await database.prisma.gridSnapshot.findMany({ where: { prunedAt: null }, select: { workId: true } });
    expect(kept.filter((s) => s.workId === workId)).toHaveLength(2);
    expect(kept.filter((s) => s.workId === otherWorkId)).toHaveLength(1);
  });
});
