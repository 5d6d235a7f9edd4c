/** Queuing alignment jobs (no worker runs here): one active alignment per work, refusals, lookups. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { describeError } from "../../http/errors";
import { ConflictError } from "../errors";
import { createActor, createWork, type TestWork } from "../grid/grid.fixtures";
import type { Actor } from "../grid/types";
import { getJob } from "../jobs/job-view";
import { latestAlignmentJob, startAlignmentJob } from "./alignment-jobs";

let database: TestDatabase;
let editor: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor");
});
afterAll(async () => database?.drop());

async function smallWork(slug: string): Promise<TestWork> {
  return createWork(database.prisma, {
    slug,
    editions: { ru: ["Первое.", "Второе.", "Третье."], fr: ["Premier.", "Deuxième.", "Troisième."] },
    rows: [{ ru: 2, fr: 1 }, { ru: 1, fr: 2 }],
  });
}

describe("alignment jobs", () => {
  it("are queued for a worker, with who asked, and put on the queue in the same transaction", async () => {
    const work = await smallWork("queued");
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    expect(job).toMatchObject({ kind: "align", title: "Aligning", status: "queued", progress: 0, attempts: 0, user: { id: editor.id, name: editor.name }, waitingForWorker: true });
    const queued = await database.prisma.$queryRaw<{ payload: { jobId: string } }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE t.identifier = 'hexapla_job' AND j.payload->>'jobId' = ${job.id}`;
    expect(queued).toHaveLength(1);
    expect(await latestAlignmentJob(database.prisma, work.workId)).toEqual(job);
  });

  it("refuse a second start while one of the work is active: of two concurrent starts one is refused with 409", async () => {
    const work = await smallWork("two-starts");
    const outcomes = await Promise.allSettled([
      startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id }),
      startAlignmentJob(database.prisma, { workId: work.workId, mode: "realign", userId: editor.id }),
    ]);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(ConflictError);
    expect(describeError(refused[0].reason).status).toBe(409);
    expect(refused[0].reason.message).toContain(editor.name);
    expect(await database.prisma.job.count({ where: { workId: work.workId } })).toBe(1);
  });

  it("are limited to one active alignment per work by the database itself, while other kinds may run beside it", async () => {
    const work = await smallWork("constraint");
    await database.prisma.job.create({ data: { kind: "align", workId: work.workId, exclusiveGroup: "alignment", status: "running" } });
    await expect(database.prisma.job.create({ data: { kind: "realign", workId: work.workId, exclusiveGroup: "alignment", status: "queued" } })).rejects.toThrow(
      /job_one_active_per_work_and_group/,
    );
    await database.prisma.job.create({ data: { kind: "align", workId: work.workId, exclusiveGroup: "alignment", status: "done" } });
    await database.prisma.job.create({ data: { kind: "row-signals", workId: work.workId, status: "queued" } });
    expect(await database.prisma.job.count({ where: { workId: work.workId } })).toBe(3);
  });

  it("refuse a pivot that is not a current edition of the work, queuing nothing", async () => {
    const work = await smallWork("pivot");
    const other = await smallWork("pivot-other");
    await expect(
      startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", pivotEditionId: other.editionIds.fr, userId: editor.id }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await database.prisma.job.count({ where: { workId: work.workId } })).toBe(0);
  });

  it("are found only under their own work", async () => {
    const work = await smallWork("own-work");
    const other = await smallWork("own-work-other");
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    await expect(getJob(database.prisma, other.workId, job.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getJob(database.prisma, work.workId, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });
});
