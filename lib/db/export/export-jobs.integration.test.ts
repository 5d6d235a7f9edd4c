/**
 * Exports on a real PostgreSQL: every kind read a page at a time in one snapshot is byte for byte the export of the
 * work loaded whole (with the exporters as they were); a large export made by an export-work job is the same file;
 * a worker killed while writing leaves no file, and the job is run again to a whole one; downloads obey "reading
 * needs sign-in"; expired files are pruned with their chunks; the export route queues a large export as a job.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { exportBody, planExport } from "../../api/export-files";
import { EXPORT_KINDS, type ExportKind } from "../../api/schemas";
import {
  gridCsvChunks,
  gridJsonChunks,
  teiAlignmentChunks,
  teiEditionChunks,
  teiParallelChunks,
  tmxChunks,
  variantsCsvChunks,
  variantsJsonChunks,
  workJsonChunks,
  type WorkExport,
} from "../../formats";
import { createSyntheticWork } from "../alignment/synthetic-work.fixtures";
import { demoCorpusDir } from "../boot";
import type { Db } from "../client";
import { seedDemo } from "../demo/seed-demo";
import { cancelJob } from "../jobs/cancel-job";
import { spawnWorker, waitFor, waitForJob } from "../jobs/jobs.fixtures";
import { startWorker, type RunningWorker } from "../jobs/worker";
import { setReadingPublic } from "../settings";
import { trustedReadAccess } from "../users/reading-access";
import { buildWorkExport } from "./build-work-export";
import { requestWorkExport, readExportFile } from "./export-requests";
import { inSnapshot } from "./in-snapshot";
import { pagedSource } from "./paged-source";
import { planWorkExport } from "./plan-work-export";
import { exportFileChunks, pruneExportFiles } from "./store-export";

const DEMO = "thirst-for-power";
const BIG = "big-synthetic";
const BASE = "http://hexapla.test";

let database: TestDatabase;
let worker: RunningWorker | null = null;

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** The export as it was written before paging: the whole work loaded, then the exporters over it. */
function wholeLoadExport(work: WorkExport, kind: ExportKind, options: { edition?: string; editions?: string[] }): string {
  const plan = planExport({ slug: work.work.slug, editions: work.editions }, kind, options);
  const pieces: Record<ExportKind, () => Iterable<string>> = {
    "tei-edition": () => teiEditionChunks(work, plan.edition!),
    "tei-alignment": () => teiAlignmentChunks(work, plan.editions),
    "tei-parallel": () => teiParallelChunks(work, plan.editions),
    tmx: () => tmxChunks(work, plan.editions),
    "grid-csv": () => gridCsvChunks(work, plan.editions),
    "grid-json": () => gridJsonChunks(work, plan.editions),
    "variants-csv": () => variantsCsvChunks(work),
    "variants-json": () => variantsJsonChunks(work),
    "work-json": () => workJsonChunks(work),
  };
  return [...pieces[kind]()].join("");
}

async function pagedExport(db: Db, slug: string, kind: ExportKind, options: { edition?: string; editions?: string[] }, page?: number): Promise<string> {
  const plan = await planWorkExport(trustedReadAccess(), db, slug, kind, options);
  let text = "";
  for await (const piece of inSnapshot(db, async function* (tx) {
    yield* exportBody(await pagedSource(tx, slug, { page }), plan);
  }))
    text += piece;
  return text;
}

async function storedFile(db: Db, jobId: string): Promise<Buffer> {
  const file = await readExportFile(trustedReadAccess(), db, BIG, jobId);
  const parts: Uint8Array[] = [];
  for await (const chunk of exportFileChunks(db, jobId, file.chunks)) parts.push(chunk);
  return Buffer.concat(parts);
}

const done = (job: { status: string }) => job.status !== "queued" && job.status !== "running";

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789";
  const db = database.prisma;
  const { workId } = await seedDemo(db, demoCorpusDir);
  const rows = await db.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" } });
  await db.alignmentRow.update({ where: { id: rows[2].id }, data: { status: "confirmed", confidence: 0.93 } });
  const editions = await db.edition.findMany({ where: { workId }, orderBy: { position: "asc" } });
  const [en, ru] = ["en", "ru"].map((slug) => editions.find((e) => e.slug === slug)!);
  const author = await db.user.create({ data: { id: "scholar-1", name: "Sasha Scholar", email: "sasha@example.test", role: "scholar" } });
  for (const [k, row] of [rows[4], rows[4], rows[9]].entries()) {
    await db.variant.create({
      data: { workId, rowId: row.id, category: "omission", note: `Note ${k} = & <b>`, status: "confirmed", authorId: author.id, editions: { create: [{ editionId: en.id }, { editionId: ru.id }] } },
    });
  }
  await createSyntheticWork(db, BIG, ["ru", "fr", "es", "it", "en"], 2000);
}, 240_000);

afterAll(async () => {
  delete process.env.HEXAPLA_EXPORT_JOB_CELLS;
  await worker?.stop();
  await database?.drop();
});

describe("exports read a page at a time", () => {
  it("give every kind byte for byte as the whole-load export did", async () => {
    const db = database.prisma;
    const whole = await buildWorkExport(trustedReadAccess(), db, DEMO);
    expect(whole.wordLinks!.length).toBeGreaterThan(0);
    const cases: [ExportKind, { edition?: string; editions?: string[] }][] = [
      ...whole.editions.map((edition) => ["tei-edition", { edition: edition.slug }] as [ExportKind, { edition: string }]),
      ...EXPORT_KINDS.filter((kind) => kind !== "tei-edition").flatMap((kind) => [
        [kind, {}] as [ExportKind, object],
        [kind, { editions: ["fr", "ru", "en-extracted"] }] as [ExportKind, object],
      ]),
    ];
    for (const [kind, options] of cases) {
      const expected = wholeLoadExport(whole, kind, options);
      expect(expected.length, `${kind} ${JSON.stringify(options)}`).toBeGreaterThan(200);
      expect(sha(await pagedExport(db, DEMO, kind, options, 7)), `${kind} ${JSON.stringify(options)}`).toBe(sha(expected));
    }
    const big = await buildWorkExport(trustedReadAccess(), db, BIG);
    for (const kind of ["work-json", "tei-parallel", "grid-csv"] as const) {
      expect(sha(await pagedExport(db, BIG, kind, {})), kind).toBe(sha(wholeLoadExport(big, kind, {})));
    }
  });

  it("refuse to write a grid whose rows do not hold an edition's segments in reading order", async () => {
    const db = database.prisma;
    const edition = await db.edition.findFirstOrThrow({ where: { work: { slug: BIG } }, orderBy: { position: "desc" } });
    const segments = await db.segment.findMany({ where: { editionId: edition.id }, orderBy: { position: "asc" }, take: 20, select: { id: true, rowId: true } });
    const first = segments[0];
    const second = segments.find((segment) => segment.rowId !== first.rowId)!;
    /* The edition's first segment moves to the row after its second one's, and that one to the first's row. */
    const swap = (a: string, b: string) => db.$transaction([db.segment.update({ where: { id: first.id }, data: { rowId: a } }), db.segment.update({ where: { id: second.id }, data: { rowId: b } })]);
    await swap(second.rowId!, first.rowId!);
    try {
      for (const kind of ["grid-csv", "work-json"] as const) {
        await expect(pagedExport(db, BIG, kind, {}, 50), kind).rejects.toThrow(`does not hold the segments of ${edition.slug} in reading order`);
      }
    } finally {
      await swap(first.rowId!, second.rowId!);
    }
  });
});

describe("exports made by jobs", () => {
  let direct: string;

  beforeAll(async () => {
    direct = sha(await pagedExport(database.prisma, BIG, "work-json", {}));
  });

  it("a worker killed while writing leaves no file; the job runs again and makes the whole file", async () => {
    const db = database.prisma;
    const child = spawnWorker(database.url);
    await child.ready;
    /* Holding the chunk table makes the job wait at its first chunk, mid-file. */
    let release!: () => void;
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("LOCK TABLE export_file_chunk IN EXCLUSIVE MODE");
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 120_000 },
    );
    await lockTaken;
    const { job } = await requestWorkExport(trustedReadAccess(), db, BIG, { kind: "work-json" });
    await waitFor(async () => {
      const [{ waiting }] = await db.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND relation = 'export_file_chunk'::regclass`;
      return waiting > 0 ? true : undefined;
    }, "the job to reach its first chunk");
    child.child.kill("SIGKILL");
    await child.exited;
    release();
    await holder;
    await expect(readExportFile(trustedReadAccess(), db, BIG, job.id)).rejects.toThrow(/no such export file/);
    expect(await db.exportFile.count({ where: { jobId: job.id } })).toBe(0);

    worker = await startWorker({ databaseUrl: database.url, concurrency: 1, recoverEveryMs: 200 });
    const finished = await waitForJob(db, job.id, done, "the export to be made again", 120_000);
    expect(finished.status).toBe("done");
    expect(finished.attempts).toBe(2);
    const file = await readExportFile(trustedReadAccess(), db, BIG, job.id);
    expect(file.chunks).toBeGreaterThan(1);
    expect(await db.exportFileChunk.count({ where: { jobId: job.id } })).toBe(file.chunks);
    const bytes = await storedFile(db, job.id);
    expect(bytes.length).toBe(file.bytes);
    expect(sha(bytes)).toBe(direct);
    expect(file.sha256).toBe(direct);
    expect((finished.result as { expiresAt: string }).expiresAt).toBe(file.expiresAt.toISOString());
    expect(file.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
  });

  it("downloads follow the export routes' access rules, stream the file, and end when it expires", async () => {
    const db = database.prisma;
    const { job } = await requestWorkExport(trustedReadAccess(), db, BIG, { kind: "tei-parallel", editions: ["en", "ru"] });
    await waitForJob(db, job.id, done, "the export", 120_000);
    const download = (await import("@/app/api/works/[work]/exports/[job]/route")).GET;
    const exportRoute = (await import("@/app/api/works/[work]/export/[kind]/route")).GET;
    const queue = (await import("@/app/api/works/[work]/exports/route")).POST;
    const get = () => download(new Request(`${BASE}/api/works/${BIG}/exports/${job.id}`), { params: Promise.resolve({ work: BIG, job: job.id }) });

    await setReadingPublic(false);
    try {
      expect((await get()).status).toBe(401);
      const direct = await exportRoute(new Request(`${BASE}/api/works/${BIG}/export/tmx`), { params: Promise.resolve({ work: BIG, kind: "tmx" }) });
      expect(direct.status).toBe(401);
      const post = new Request(`${BASE}/api/works/${BIG}/exports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "tmx" }) });
      expect((await queue(post, { params: Promise.resolve({ work: BIG }) })).status).toBe(401);
    } finally {
      await setReadingPublic(true);
    }

    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${BIG}-parallel-en-ru.tei.xml"`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(sha(body)).toBe(sha(await pagedExport(db, BIG, "tei-parallel", { editions: ["en", "ru"] })));
    expect(Number(response.headers.get("content-length"))).toBe(body.length);

    await db.exportFile.update({ where: { jobId: job.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await pruneExportFiles(db)).toBe(1);
    expect(await db.exportFileChunk.count({ where: { jobId: job.id } })).toBe(0);
    expect((await get()).status).toBe(404);
    expect(await db.exportFile.count()).toBe(1);
  });

  it("the export route queues a large export as a job, gives the same job while it is under way, and it can be cancelled", async () => {
    process.env.HEXAPLA_EXPORT_JOB_CELLS = "1000";
    await worker?.stop();
    worker = null;
    const db = database.prisma;
    const exportRoute = (await import("@/app/api/works/[work]/export/[kind]/route")).GET;
    const ask = () => exportRoute(new Request(`${BASE}/api/works/${BIG}/export/grid-csv?editions=ru,en`), { params: Promise.resolve({ work: BIG, kind: "grid-csv" }) });
    const small = await exportRoute(new Request(`${BASE}/api/works/${DEMO}/export/grid-csv`), { params: Promise.resolve({ work: DEMO, kind: "grid-csv" }) });
    expect(small.status).toBe(200);
    const first = await ask();
    expect(first.status).toBe(202);
    const { job } = (await first.json()) as { job: { id: string; status: string } };
    expect(first.headers.get("location")).toBe(`/api/works/${BIG}/jobs/${job.id}`);
    expect(job.status).toBe("queued");
    expect(((await (await ask()).json()) as { job: { id: string } }).job.id).toBe(job.id);
    const other = await exportRoute(new Request(`${BASE}/api/works/${BIG}/export/tmx`), { params: Promise.resolve({ work: BIG, kind: "tmx" }) });
    expect(other.status).toBe(409);
    const work = await db.work.findUniqueOrThrow({ where: { slug: BIG } });
    const editor = await db.user.create({ data: { id: "editor-1", name: "Eda Editor", email: "eda@example.test", role: "editor" } });
    expect((await cancelJob(db, work.id, job.id, editor)).status).toBe("cancelled");
    expect(await db.exportFile.count({ where: { jobId: job.id } })).toBe(0);
  });
});
