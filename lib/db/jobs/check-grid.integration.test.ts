/**
 * The periodic whole-grid check: queued for each work whose grid changed since its last check, run by a worker,
 * done for a consistent grid and failed, saying what is wrong, for a broken one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createWork, oneToOneSpec } from "../grid/grid.fixtures";
import { waitForJob } from "./jobs.fixtures";
import { scheduleGridChecks } from "./schedule-grid-checks";
import { startWorker, type RunningWorker } from "./worker";

let database: TestDatabase;
let worker: RunningWorker;

beforeAll(async () => {
  database = await createTestDatabase();
  worker = await startWorker({ databaseUrl: database.url, concurrency: 1 });
});
afterAll(async () => {
  await worker?.stop();
  await database?.drop();
});

const finished = (job: { status: string }) => !["queued", "running"].includes(job.status);

async function checkOf(workId: string) {
  const job = await database.prisma.job.findFirstOrThrow({ where: { workId, kind: "check-grid" }, orderBy: { createdAt: "desc" } });
  return waitForJob(database.prisma, job.id, finished, "the grid check");
}

describe("the check-grid job", () => {
  it("checks each changed grid once, passes a consistent one and fails a broken one with the reason", async () => {
    const work = await createWork(database.prisma, oneToOneSpec("checked", ["ru", "fr"], 3));
    expect(await scheduleGridChecks(database.prisma)).toEqual([work.workId]);
    const passed = await checkOf(work.workId);
    expect(passed.status).toBe("done");
    expect(passed.result).toMatchObject({ version: 1 });
    expect(await scheduleGridChecks(database.prisma)).toEqual([]);

    // Broken behind the write path's back: the first fr segment moves to the last row, out of order.
    await database.prisma.segment.update({ where: { id: work.segmentIds.fr[0] }, data: { rowId: work.rowIds[2] } });
    await database.prisma.work.update({ where: { id: work.workId }, data: { gridVersion: { increment: 1 } } });
    expect(await scheduleGridChecks(database.prisma)).toEqual([work.workId]);
    const failed = await checkOf(work.workId);
    expect(failed.status).toBe("failed");
    expect(failed.message).toMatch(/breaks the invariant/);
  });
});
