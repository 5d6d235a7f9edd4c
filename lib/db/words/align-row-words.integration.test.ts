import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { demoCorpusDir } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { createActor, gridVersionOf } from "../grid/grid.fixtures";
import { applyEditorOperation } from "../grid/apply-operation";
import type { Actor } from "../grid/types";
import { alignRowWords } from "./align-row-words";
import { computeWordSets } from "./align-work-words";
import type { GridNotification } from "../grid/notify";
import { LiveHub } from "../live/live-hub";
import { WORD_REALIGNMENT_KIND } from "../../live/notification-kinds";

describe("word alignment of edited rows", () => {
  let database: TestDatabase;
  let workId: string;
  let editor: Actor;
  let rowIds: string[];

  const queuedRowJob = () => database.prisma.job.findFirst({ where: { workId, kind: "align-row-words", status: "queued" } });
  const setsOfRows = async (ids: string[]) =>
    database.prisma.wordLinkSet.findMany({
      where: { workId, segmentA: { rowId: { in: ids } } },
      orderBy: [{ segmentAId: "asc" }, { segmentBId: "asc" }],
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ workId } = await seedDemo(database.prisma, demoCorpusDir));
    editor = await createActor(database.prisma, "editor");
    rowIds = (await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } })).map((row) => row.id);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("is queued by an edit of a row's cells, and later edits join the queued job", async () => {
    await database.prisma.job.deleteMany({ where: { workId } });
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId: rowIds[5], status: "confirmed" }, baseVersion: await gridVersionOf(database.prisma, workId) });
    expect(await queuedRowJob()).toBeNull();
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "mergeRows", rowId: rowIds[20] }, baseVersion: await gridVersionOf(database.prisma, workId) });
    const first = await queuedRowJob();
    expect((first!.payload as { rowIds: string[] }).rowIds).toContain(rowIds[20]);
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "mergeRows", rowId: rowIds[40] }, baseVersion: await gridVersionOf(database.prisma, workId) });
    const second = await queuedRowJob();
    expect(second!.id).toBe(first!.id);
    expect((second!.payload as { rowIds: string[] }).rowIds).toEqual(expect.arrayContaining([rowIds[20], rowIds[40]]));
    expect(await database.prisma.job.count({ where: { workId, kind: "align-row-words" } })).toBe(1);
  });

  it("links the merged row in every pair of editions, reads only a window around it, and leaves other rows alone", async () => {
    const far = rowIds.slice(55, 60);
    const farBefore = await setsOfRows(far);
    await database.prisma.wordLinkSet.deleteMany({ where: { workId, status: "automatic", segmentA: { rowId: rowIds[20] } } });
    const heard: GridNotification[] = [];
    const hub = new LiveHub(database.url);
    const unsubscribe = hub.subscribe({ workId, onChange: (notification) => heard.push(notification) });
    expect(await hub.ready(10_000)).toBe(true);
    const result = await alignRowWords(database.prisma, workId, [rowIds[20]], { context: 5 });
    await expect.poll(() => heard.map((notification) => notification.kind)).toContain(WORD_REALIGNMENT_KIND);
    unsubscribe();
    await hub.close();
    expect(result).toMatchObject({ rows: 1, written: 1 });
    expect(result.windowRows).toBeLessThanOrEqual(11);
    expect(result.links).toBeGreaterThan(0);
    const merged = await setsOfRows([rowIds[20]]);
    const pairs = new Set(merged.map((set) => `${set.editionAId}|${set.editionBId}`));
    expect(pairs.size).toBe(10);
    expect(await setsOfRows(far)).toEqual(farBefore);
    const stat = await database.prisma.rowWordStat.findUnique({ where: { rowId: rowIds[20] } });
    expect(stat!.computedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("writes nothing for a row edited again while its words were being aligned", async () => {
    const row = rowIds[30];
    const before = await setsOfRows([row, rowIds[31]]);
    const result = await alignRowWords(database.prisma, workId, [row], {
      context: 3,
      compute: async (input, glossaries, options) => {
        const computed = await computeWordSets(input, glossaries, options);
        await applyEditorOperation(database.prisma, workId, editor, { op: { type: "mergeRows", rowId: row }, baseVersion: await gridVersionOf(database.prisma, workId) });
        return computed;
      },
    });
    expect(result).toMatchObject({ rows: 1, written: 0, links: 0 });
    const after = await setsOfRows([row]);
    expect(after.map((set) => [set.segmentAId, set.segmentBId, set.aTokens, set.bTokens])).toEqual(before.map((set) => [set.segmentAId, set.segmentBId, set.aTokens, set.bTokens]));
  });
});
