import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { describeError } from "../../http/errors";
import { ConflictError } from "../errors";
import { createActor, createWork, type TestWork } from "../grid/grid.fixtures";
import type { Actor } from "../grid/types";
import { ABANDONED_AFTER_SECONDS, getAlignmentJob, latestAlignmentJob, runAlignmentJob, startAlignmentJob } from "./alignment-jobs";

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
    editions: {
      ru: ["Троцкий писал в Койоакане в 1937 году.", "Каменев и Зиновьев были расстреляны.", "Вышинский говорил о жажде власти."],
      fr: ["Trotsky écrivait à Coyoacán en 1937.", "Kamenev et Zinoviev furent fusillés.", "Vychinski parlait de soif du pouvoir."],
    },
    rows: [{ ru: 2, fr: 1 }, { ru: 1, fr: 2 }],
  });
}

describe("alignment jobs", () => {
  it("refuse a second start while a job of the work is active: of two concurrent starts one is refused with 409", async () => {
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
    expect(await database.prisma.alignmentJob.count({ where: { workId: work.workId } })).toBe(1);
  });

  it("are limited to one active job per work by the database itself", async () => {
    const work = await smallWork("constraint");
    await database.prisma.alignmentJob.create({ data: { workId: work.workId, mode: "align", status: "running" } });
    await expect(database.prisma.alignmentJob.create({ data: { workId: work.workId, mode: "align", status: "queued" } })).rejects.toThrow(
      /alignment_job_one_active_per_work/,
    );
    await database.prisma.alignmentJob.create({ data: { workId: work.workId, mode: "align", status: "done" } });
    expect(await database.prisma.alignmentJob.count({ where: { workId: work.workId } })).toBe(2);
  });

  it("run to the end, recording the result and who asked, after which a new job may start", async () => {
    const work = await smallWork("runs");
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    expect(job).toMatchObject({ status: "queued", progress: 0, user: { id: editor.id, name: editor.name } });
    const done = await runAlignmentJob(database.prisma, job.id);
    expect(done).toMatchObject({ status: "done", progress: 1, result: { mode: "align", rows: expect.any(Number) } });
    expect(done.message).toMatch(/^Aligned in [\d.]+ s: \d+ rows\.$/);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect(await getAlignmentJob(database.prisma, work.workId, job.id)).toEqual(done);
    expect(await database.prisma.alignmentRow.count({ where: { workId: work.workId } })).toBe(done.result!.rows);
    const next = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "realign", userId: editor.id });
    expect((await latestAlignmentJob(database.prisma, work.workId))!.id).toBe(next.id);
    expect(await runAlignmentJob(database.prisma, job.id)).toEqual(done);
  });

  it("show in the database how far they got while they run", async () => {
    const languages = ["ru", "fr", "es", "it", "en"];
    const work = await createWork(database.prisma, {
      slug: "progress",
      editions: Object.fromEntries(languages.map((lang) => [lang, Array.from({ length: 200 }, (_, i) => `${lang} ${i + 1}: ${"word ".repeat(3 + (i % 17))}.`)])),
      rows: Array.from({ length: 200 }, () => Object.fromEntries(languages.map((lang) => [lang, 1]))),
    });
    /* Every committed change of the job's row, as another server polling it could have seen it. */
    await database.prisma.$executeRawUnsafe(`CREATE TABLE job_log (n serial, status text, progress float8, message text)`);
    await database.prisma.$executeRawUnsafe(`
      CREATE FUNCTION log_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO job_log (status, progress, message) VALUES (NEW.status, NEW.progress, NEW.message); RETURN NEW; END $$`);
    await database.prisma.$executeRawUnsafe(`CREATE TRIGGER log_job AFTER UPDATE ON alignment_job FOR EACH ROW EXECUTE FUNCTION log_job()`);
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    await runAlignmentJob(database.prisma, job.id, { progressEveryMs: 0 });
    const seen = await database.prisma.$queryRawUnsafe<{ status: string; progress: number; message: string }[]>(`SELECT status, progress, message FROM job_log ORDER BY n`);
    const midway = seen.filter((s) => s.status === "running" && s.progress > 0 && s.progress < 1);
    const sentencePhase = midway.filter((s) => s.progress < 0.7);
    expect(midway.filter((s) => s.progress >= 0.7).some((s) => /words of \d+ of 10 edition pairs/.test(s.message))).toBe(true);
    expect(sentencePhase.map((s) => s.message.replace(/“\w+”/, "“…”"))).toEqual([
      "Aligned “…” with the pivot “ru”.",
      "Aligned “…” with the pivot “ru”.",
      "Aligned “…” with the pivot “ru”.",
      "Aligned “…” with the pivot “ru”.",
      "Writing 200 rows.",
    ]);
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ status: "done", progress: 1 });
  });

  it("record a refused alignment as failed, with the reason, and leave the grid as it was", async () => {
    const work = await smallWork("fails");
    await database.prisma.alignmentRow.update({ where: { id: work.rowIds[0] }, data: { status: "confirmed" } });
    await database.prisma.segment.updateMany({ where: { editionId: work.editionIds.fr }, data: { rowId: null } });
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "realign", userId: editor.id });
    const failed = await runAlignmentJob(database.prisma, job.id);
    expect(failed.status).toBe("failed");
    expect(failed.message).toContain("not aligned yet");
    expect(await database.prisma.alignmentRow.count({ where: { workId: work.workId } })).toBe(2);
  });

  it("no longer count a job as active once its server has been silent for minutes", async () => {
    const work = await smallWork("abandoned");
    const stale = await database.prisma.alignmentJob.create({
      data: { workId: work.workId, mode: "align", status: "running", heartbeatAt: new Date(Date.now() - (ABANDONED_AFTER_SECONDS + 5) * 1000) },
    });
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    expect(job.status).toBe("queued");
    expect(await database.prisma.alignmentJob.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "failed", message: expect.stringContaining("Abandoned") });
  });

  it("show a job whose server has been silent for minutes as failed to whoever reads it", async () => {
    const work = await smallWork("abandoned-read");
    const silent = await database.prisma.alignmentJob.create({
      data: { workId: work.workId, mode: "realign", status: "running", progress: 0.4, heartbeatAt: new Date(Date.now() - (ABANDONED_AFTER_SECONDS + 5) * 1000) },
    });
    const alive = await smallWork("alive-read");
    const running = await database.prisma.alignmentJob.create({ data: { workId: alive.workId, mode: "align", status: "running", progress: 0.4 } });
    expect(await getAlignmentJob(database.prisma, work.workId, silent.id)).toMatchObject({ status: "failed", message: expect.stringContaining("Abandoned") });
    expect(await latestAlignmentJob(database.prisma, alive.workId)).toMatchObject({ id: running.id, status: "running" });
  });

  it("refuse a pivot that is not a current edition of the work", async () => {
    const work = await smallWork("pivot");
    const other = await smallWork("pivot-other");
    await expect(
      startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", pivotEditionId: other.editionIds.fr, userId: editor.id }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await database.prisma.alignmentJob.count({ where: { workId: work.workId } })).toBe(0);
  });

  it("are found only under their own work", async () => {
    const work = await smallWork("own-work");
    const other = await smallWork("own-work-other");
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    await expect(getAlignmentJob(database.prisma, other.workId, job.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getAlignmentJob(database.prisma, work.workId, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });
});
