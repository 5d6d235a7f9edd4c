import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { DomainError } from "../errors";
import { applyEditorOperation } from "./apply-operation";
import { editSegmentText } from "./edit-segment-text";
import { createActor, gridVersionOf, createWork, snapshotWork, type TestWork } from "./grid.fixtures";
import { LiveHub } from "../live/live-hub";
import type { GridNotification } from "./notify";
import { revertRevision } from "./revert-revision";
import { rowHistory } from "./row-history";
import type { Actor } from "./types";
import { redoLastUndo, undoLastChange } from "./undo-operation";

let database: TestDatabase;
let editor: Actor;
let other: Actor;
let counter = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor", "Eda Editor");
  other = await createActor(database.prisma, "editor", "Edo Editor");
});
afterAll(async () => database?.drop());

async function freshWork(): Promise<TestWork> {
  counter += 1;
  return createWork(database.prisma, {
    slug: `text-${counter}`,
    editions: {
      ru: ["Первое предложение. Второе предложение.", "Третье."],
      fr: ["Première phrase.", "Deuxième phrase.", "Troisième."],
    },
    rows: [
      { ru: 1, fr: 2 },
      { ru: 1, fr: 1 },
    ],
  });
}

const version = (workId: string) => gridVersionOf(database.prisma, workId);

async function segment(id: string) {
  return database.prisma.segment.findUniqueOrThrow({ where: { id } });
}

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("correcting a segment's text", () => {
  it("records a revision with who, why, before and after, and a journal entry for the row", async () => {
    const work = await freshWork();
    const id = work.segmentIds.fr[1];
    const result = await editSegmentText(database.prisma, work.workId, editor, id, { text: "Deuxième phrase corrigée.", reason: "OCR error", baseVersion: 0 });
    expect(await segment(id)).toMatchObject({ text: "Deuxième phrase corrigée.", version: result.version });
    const [revision] = await database.prisma.revision.findMany({ where: { segmentId: id } });
    expect(revision).toMatchObject({ authorId: editor.id, reason: "OCR error", oldText: "Deuxième phrase.", newText: "Deuxième phrase corrigée.", operationId: result.operationId });
    const record = await database.prisma.gridOperation.findUniqueOrThrow({ where: { id: result.operationId } });
    expect(record).toMatchObject({ kind: "editText", rowIds: [work.rowIds[0]] });
  });

  it("stores a correction typed with combining accents in normal form C, as imports store text", async () => {
    const work = await freshWork();
    const id = work.segmentIds.fr[1];
    const typed = "Deuxième phrase révisée.".normalize("NFD");
    const result = await editSegmentText(database.prisma, work.workId, editor, id, { text: typed, reason: "accents", baseVersion: 0 });
    expect(result.segment.text).toBe("Deuxième phrase révisée.".normalize("NFC"));
    expect((await segment(id)).text).toBe("Deuxième phrase révisée.".normalize("NFC"));
    expect((await segment(id)).text).not.toBe(typed);
  });

  it("refuses a correction based on an older version of the segment, naming who changed it, and changes nothing", async () => {
    const work = await freshWork();
    const id = work.segmentIds.fr[0];
    await editSegmentText(database.prisma, work.workId, editor, id, { text: "Première phrase !", reason: "punctuation", baseVersion: 0 });
    const counts = await tableContents(database.prisma);
    const error = await refusal(() => editSegmentText(database.prisma, work.workId, other, id, { text: "Premiere phrase.", reason: "accents", baseVersion: 0 }));
    expect(error.code).toBe("stale");
    expect(error.message).toContain("Eda Editor");
    expect(await tableContents(database.prisma)).toEqual(counts);
    expect((await segment(id)).text).toBe("Première phrase !");
  });

  it("reverts a revision as a new revision, and refuses to revert one that later corrections overwrote", async () => {
    const work = await freshWork();
    const id = work.segmentIds.ru[1];
    const first = await editSegmentText(database.prisma, work.workId, editor, id, { text: "Третье!", reason: "one", baseVersion: 0 });
    await editSegmentText(database.prisma, work.workId, editor, id, { text: "Третье!!", reason: "two", baseVersion: first.version });
    const [older] = await database.prisma.revision.findMany({ where: { segmentId: id, reason: "one" } });
    const error = await refusal(() => revertRevision(database.prisma, work.workId, editor, { revisionId: older.id }));
    expect(error.code).toBe("conflict");
    const [latest] = await database.prisma.revision.findMany({ where: { segmentId: id, reason: "two" } });
    const reverted = await revertRevision(database.prisma, work.workId, other, { revisionId: latest.id, segmentId: id });
    expect(reverted.kind).toBe("revertRevision");
    expect((await segment(id)).text).toBe("Третье!");
    const history = await rowHistory(database.prisma, work.workId, work.rowIds[1]);
    expect(history.revisions.map((r) => r.reason)).toEqual(["Revert of “two”", "two", "one"]);
    expect(history.changes.map((c) => c.kind)).toEqual(["revertRevision", "editText", "editText"]);
  });

  it("refuses a scholar's correction", async () => {
    const work = await freshWork();
    const scholar = await createActor(database.prisma, "scholar");
    const error = await refusal(() => editSegmentText(database.prisma, work.workId, scholar, work.segmentIds.ru[0], { text: "x", reason: "y", baseVersion: 0 }));
    expect(error.code).toBe("forbidden");
  });
});

describe("splitting and merging segments", () => {
  it("splits a segment: the first part keeps the id, the new part follows it in the row and records its lineage", async () => {
    const work = await freshWork();
    const id = work.segmentIds.ru[0];
    const result = await applyEditorOperation(database.prisma, work.workId, editor, {
      op: { type: "splitSegment", segmentId: id, offset: "Первое предложение.".length },
      baseVersion: await version(work.workId),
    });
    const parts = await database.prisma.segment.findMany({ where: { editionId: work.editionIds.ru }, orderBy: { position: "asc" } });
    expect(parts.map((s) => s.text)).toEqual(["Первое предложение.", "Второе предложение.", "Третье."]);
    expect(parts[0].id).toBe(id);
    expect(parts[1].rowId).toBe(work.rowIds[0]);
    expect(parts[1].paragraph).toBe(parts[0].paragraph);
    const lineage = await database.prisma.segmentLineage.findMany({ where: { sourceSegmentId: id } });
    expect(lineage).toMatchObject([{ segmentId: parts[1].id, kind: "split", operationId: result.operationId }]);
  });

  it("merges a segment with the next: the first keeps its id and takes over the other's revisions; undo restores both", async () => {
    const work = await freshWork();
    const [first, second] = work.segmentIds.fr;
    await editSegmentText(database.prisma, work.workId, editor, second, { text: "Deuxième phrase !", reason: "emphasis", baseVersion: 0 });
    const before = await snapshotWork(database.prisma, work.workId);
    await applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "mergeSegments", segmentId: first }, baseVersion: await version(work.workId) });
    expect((await segment(first)).text).toBe("Première phrase. Deuxième phrase !");
    expect(await database.prisma.segment.findUnique({ where: { id: second } })).toBeNull();
    expect((await database.prisma.revision.findMany({ where: { reason: "emphasis" } })).map((r) => r.segmentId)).toEqual([first]);
    await undoLastChange(database.prisma, work.workId, editor, await version(work.workId));
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(before);
  });

  it("undoes a split and redoes it with the same identities", async () => {
    const work = await freshWork();
    const id = work.segmentIds.ru[0];
    const before = await snapshotWork(database.prisma, work.workId);
    await applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "splitSegment", segmentId: id, offset: 20 }, baseVersion: await version(work.workId) });
    const split = await snapshotWork(database.prisma, work.workId);
    await undoLastChange(database.prisma, work.workId, editor, await version(work.workId));
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(before);
    await redoLastUndo(database.prisma, work.workId, editor, await version(work.workId));
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(split);
  });

  it("refuses to merge segments that are in different rows, with the way out, and changes nothing", async () => {
    const work = await freshWork();
    const counts = await tableContents(database.prisma);
    const error = await applyEditorOperation(database.prisma, work.workId, editor, {
      op: { type: "mergeSegments", segmentId: work.segmentIds.ru[0] },
      baseVersion: await version(work.workId),
    }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/different rows.*shift/);
    expect(await tableContents(database.prisma)).toEqual(counts);
  });

  it("refuses a split point that leaves a part without text", async () => {
    const work = await freshWork();
    const error = await refusal(() =>
      version(work.workId).then((v) =>
        applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "splitSegment", segmentId: work.segmentIds.fr[0], offset: 100 }, baseVersion: v }),
      ),
    );
    expect(error.code).toBe("invalid");
  });
});

describe("live updates", () => {
  it("notifies listeners of a work when a change commits, and not when it is refused", async () => {
    const work = await freshWork();
    const heard: GridNotification[] = [];
    const hub = new LiveHub(database.url);
    const unsubscribe = hub.subscribe({ workId: work.workId, onChange: (n) => heard.push(n) });
    expect(await hub.ready(10_000)).toBe(true);
    try {
      await applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "mergeRows", rowId: work.rowIds[0] }, baseVersion: await version(work.workId) });
      await applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "mergeRows", rowId: work.rowIds[0] }, baseVersion: await version(work.workId) }).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toMatchObject([{ workId: work.workId, kind: "mergeRows", userName: "Eda Editor", summary: "Merged row 1 with row 2" }]);
    } finally {
      unsubscribe();
      await hub.close();
    }
  });
});
