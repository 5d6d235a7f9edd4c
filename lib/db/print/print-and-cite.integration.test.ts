/**
 * The demo work printed and cited on a real PostgreSQL: the export-pdf job run by a worker produces a PDF that a
 * real PDF library (unpdf, i.e. pdf.js) reads — pages, the text of a known row in English and Russian, the
 * provenance in the header, the fonts embedded — and a citation's stable link still finds its passage after a
 * grid change renumbered the rows.
 */
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { formatCitation } from "../../cite/citation";
import { demoCorpusDir } from "../boot";
import { readCitation, resolvePassage } from "../cite/read-citation";
import { seedDemo } from "../demo/seed-demo";
import { applyEditorOperation } from "../grid/apply-operation";
import { createActor, gridVersionOf } from "../grid/grid.fixtures";
import { waitForJob } from "../jobs/jobs.fixtures";
import { rowsByNumber } from "../passages/passage-rows";
import { trustedReadAccess } from "../users/reading-access";
import { startWorker, type RunningWorker } from "../jobs/worker";
import { readPdf, requestPdf } from "./pdf-exports";

let database: TestDatabase;
let worker: RunningWorker;
let workId: string;
const SLUG = "thirst-for-power";
const access = trustedReadAccess();

beforeAll(async () => {
  database = await createTestDatabase();
  workId = (await seedDemo(database.prisma, demoCorpusDir, { words: false })).workId;
  worker = await startWorker({ databaseUrl: database.url, concurrency: 1 });
});
afterAll(async () => {
  await worker?.stop();
  await database?.drop();
});

/** The number of the row holding an edition's sentence today. */
async function rowOf(sentence: string): Promise<number> {
  const segment = await database.prisma.segment.findFirstOrThrow({ where: { workId, text: { startsWith: sentence } }, select: { rowId: true } });
  const rows = await rowsByNumber(database.prisma, workId, []);
  return rows.find((row) => row.id === segment.rowId)!.number;
}

const finished = (job: { status: string }) => !["queued", "running"].includes(job.status);

describe("a PDF of the demo work", () => {
  it("is made by a worker, kept in the database and read by a PDF library: pages, a known row in both editions, the provenance, the fonts", async () => {
    const queued = await requestPdf(access, database.prisma, SLUG, { editions: ["en", "ru"] });
    const job = await waitForJob(database.prisma, queued.id, finished, "the PDF", 120_000);
    expect(job, job.message).toMatchObject({ status: "done", progress: 1 });
    const file = await readPdf(access, database.prisma, SLUG, job.id);
    expect(file.fileName).toMatch(/^thirst-for-power-en-ru-rows-1-\d+\.pdf$/);
    expect(Buffer.from(file.content.subarray(0, 5)).toString()).toBe("%PDF-");

    const pdf = await getDocumentProxy(new Uint8Array(file.content));
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    expect(totalPages).toBeGreaterThan(0);
    expect(job.result).toMatchObject({ pages: totalPages, bytes: file.content.length });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("That was our last conversation.");
    expect(flat).toContain("Это был наш последний разговор.");
    expect(flat).toContain("Working translation (stands in for the Russian original)");
    expect(flat).toMatch(/A working translation made for Hexapla from the edition en/);
    expect(flat).toContain(`${await rowOf("That was our last conversation.")}`);
    const fonts = Buffer.from(file.content).toString("latin1");
    expect(fonts).toMatch(/\/FontFile2|\/FontFile3/);
    expect(fonts).toContain("NotoSerif");
  });

  it("prints a range of rows only, and refuses editions the work does not have", async () => {
    const queued = await requestPdf(access, database.prisma, SLUG, { editions: ["fr", "en", "it"], from: 3, to: 5 });
    const job = await waitForJob(database.prisma, queued.id, finished, "the PDF", 120_000);
    expect(job.status).toBe("done");
    const file = await readPdf(access, database.prisma, SLUG, job.id);
    expect(file.fileName).toBe("thirst-for-power-fr-en-it-rows-3-5.pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(file.content)), { mergePages: true });
    expect(text).not.toContain("That was our last conversation.");
    await expect(requestPdf(access, database.prisma, SLUG, { editions: ["en", "xx"] })).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("a citation of the demo work", () => {
  it("quotes every chosen edition and links by segment, so the link finds the passage after the rows are renumbered", async () => {
    const row = await rowOf("That was our last conversation.");
    const citation = await readCitation(access, database.prisma, SLUG, { rows: { from: row, to: row }, editions: "en,ru,fr" }, "https://hexapla.example");
    const formats = formatCitation(citation);
    expect(citation.cells.map((cell) => cell.edition.slug)).toEqual(["en", "ru", "fr"]);
    expect(citation.cells[0].sentences.join(" ")).toContain("That was our last conversation.");
    expect(citation.cells[1].sentences.join(" ")).toContain("Это был наш последний разговор.");
    /* The demo work's author is stored as its first imported edition (ru) names him. */
    expect(formats.reference).toMatch(/^Троцкий, “Thirst for Power”, ¶ \d+; «Жажда власти», working translation \(Hexapla\), ¶ \d+; « La soif du pouvoir », working translation \(Hexapla\)/);
    expect(formats.reference).not.toMatch(/Grasset|1937|1994/);
    const link = new URL(citation.link);
    expect(link.origin).toBe("https://hexapla.example");
    const [, segmentId] = /\/passage\/([0-9a-f-]{36})$/.exec(link.pathname)!;
    expect(await resolvePassage(access, database.prisma, SLUG, { from: segmentId })).toEqual({ from: row, to: row });

    const editor = await createActor(database.prisma, "editor");
    const [first] = await rowsByNumber(database.prisma, workId, [], { from: 1, to: 1 });
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "mergeRows", rowId: first.id }, baseVersion: await gridVersionOf(database.prisma, workId) });
    expect(await rowOf("That was our last conversation.")).toBe(row - 1);
    expect(await resolvePassage(access, database.prisma, SLUG, { from: segmentId })).toEqual({ from: row - 1, to: row - 1 });
  });

  it("links a range by its first and last segments, and refuses ranges the work does not have", async () => {
    const citation = await readCitation(access, database.prisma, SLUG, { rows: { from: 4, to: 6 }, editions: "en,ru" }, "http://localhost:3000");
    const link = new URL(citation.link);
    const [, from] = /\/passage\/([0-9a-f-]{36})$/.exec(link.pathname)!;
    const to = link.searchParams.get("to")!;
    expect(link.searchParams.get("editions")).toBe("en,ru");
    expect(await resolvePassage(access, database.prisma, SLUG, { from, to })).toEqual({ from: 4, to: 6 });
    await expect(readCitation(access, database.prisma, SLUG, { rows: { from: 9000, to: 9000 } }, "http://localhost:3000")).rejects.toMatchObject({ code: "not_found" });
  });
});
