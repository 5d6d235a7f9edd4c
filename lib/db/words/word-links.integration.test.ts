import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { demoCorpusDir } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { getRowCells } from "../search/get-row-cells";
import { alignWorkWords } from "./align-work-words";
import { getRowLinks } from "./get-row-links";
import { readWordLinks } from "./read-word-links";
import { createActor, gridVersionOf } from "../grid/grid.fixtures";
import { applyEditorOperation } from "../grid/apply-operation";
import { redoLastUndo, undoLastChange } from "../grid/undo-operation";
import { editWordLinks } from "./edit-word-links";
import { trustedReadAccess } from "../users/reading-access";
import { editSegmentText } from "../grid/edit-segment-text";
import type { Actor } from "../grid/types";

describe("word links of a work", () => {
  let database: TestDatabase;
  let workId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ workId } = await seedDemo(database.prisma, demoCorpusDir));
  });
  afterAll(async () => {
    await database.drop();
  });

  it("are written for the pairs of editions in the rows where both have text", async () => {
    const editions = await database.prisma.edition.findMany({ where: { workId, supersededById: null }, select: { id: true, slug: true, language: true } });
    const rows = await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
    const cells = await getRowCells(database.prisma, workId, rows.map((row) => row.id), editions.map((edition) => edition.id));
    const links = await getRowLinks(database.prisma, cells, editions);
    let pairsWithText = 0;
    let pairsLinked = 0;
    for (const row of cells) {
      for (const pair of links.get(row.id)!) {
        if (row.cells[pair.a].length === 0 || row.cells[pair.b].length === 0) continue;
        pairsWithText += 1;
        if (pair.links.length > 0) pairsLinked += 1;
        expect(pair.status === null || pair.status === "automatic").toBe(true);
      }
    }
    expect(pairsWithText).toBeGreaterThan(rows.length * 9);
    expect(pairsLinked / pairsWithText).toBeGreaterThan(0.95);
  });

  it("link a Russian name to the same name in English", async () => {
    const result = await readWordLinks(trustedReadAccess(), database.prisma, "thirst-for-power", { editions: ["ru", "en"], from: 1, to: 60 });
    const texts = await database.prisma.segment.findMany({ where: { workId }, select: { id: true, text: true } });
    const textOf = new Map(texts.map((segment) => [segment.id, segment.text]));
    const wordsOf = (row: (typeof result.rows)[number], slug: string) =>
      row.cells[slug].flatMap((cell) => {
        const words: string[] = [];
        for (let k = 0; k < cell.words.length; k += 2) words.push(textOf.get(cell.segment)!.slice(cell.words[k], cell.words[k + 1]));
        return words;
      });
    let found = 0;
    for (const row of result.rows) {
      const ru = wordsOf(row, "ru");
      const en = wordsOf(row, "en");
      const pair = row.pairs.find((p) => p.a === "ru" && p.b === "en")!;
      for (const link of pair.links.split(" ").filter(Boolean)) {
        const [i, j] = link.split("-").map(Number);
        if (ru[i] === "Каменев") {
          expect(en[j]).toBe("Kamenev");
          found += 1;
        }
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it("re-running keeps the sets editors made and replaces only automatic ones", async () => {
    const set = await database.prisma.wordLinkSet.findFirstOrThrow({ where: { workId } });
    await database.prisma.wordLinkSet.update({
      where: { segmentAId_segmentBId: { segmentAId: set.segmentAId, segmentBId: set.segmentBId } },
      data: { status: "confirmed", aTokens: [0], bTokens: [0], probabilities: [1] },
    });
    const result = await alignWorkWords(database.prisma, workId);
    expect(result.keptSets).toBe(1);
    const kept = await database.prisma.wordLinkSet.findUniqueOrThrow({ where: { segmentAId_segmentBId: { segmentAId: set.segmentAId, segmentBId: set.segmentBId } } });
    expect(kept).toMatchObject({ status: "confirmed", aTokens: [0], bTokens: [0] });
    expect(await database.prisma.wordLinkSet.count({ where: { workId, status: "automatic" } })).toBeGreaterThan(600);
    expect(await database.prisma.rowWordStat.count({ where: { workId } })).toBe(await database.prisma.alignmentRow.count({ where: { workId } }));
  });

  describe("edited by an editor", () => {
    let editor: Actor;
    let rowId: string;
    const pairOf = async (from = 1, to = 60) => {
      const result = await readWordLinks(trustedReadAccess(), database.prisma, "thirst-for-power", { editions: ["ru", "en"], from, to });
      return result.rows.find((row) => row.id === rowId)!.pairs.find((pair) => pair.a === "ru" && pair.b === "en")!;
    };

    beforeAll(async () => {
      editor = await createActor(database.prisma, "editor");
      const rows = await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
      rowId = rows[5].id;
    });

    it("link words, journalled, undone and redone, and refused when the row changed since", async () => {
      const before = await pairOf();
      const base = await gridVersionOf(database.prisma, workId);
      const outcome = await editWordLinks(database.prisma, workId, editor, { baseVersion: base, row: rowId, a: "ru", b: "en", action: "unlink", links: [before.links.split(" ")[0].split("-").map(Number) as [number, number]] });
      expect(outcome.version).toBe(base + 1);
      const entry = await database.prisma.gridOperation.findFirstOrThrow({ where: { workId, gridVersion: base + 1 } });
      expect(entry.kind).toBe("wordLinks");
      expect(entry.rowIds).toEqual([rowId]);
      const edited = await pairOf();
      expect(edited.links.split(" ").length).toBe(before.links.split(" ").length - 1);
      expect(edited.status).toBe("edited");

      await undoLastChange(database.prisma, workId, editor, await gridVersionOf(database.prisma, workId));
      expect((await pairOf()).links).toBe(before.links);
      await redoLastUndo(database.prisma, workId, editor, await gridVersionOf(database.prisma, workId));
      expect((await pairOf()).links).toBe(edited.links);

      await expect(editWordLinks(database.prisma, workId, editor, { baseVersion: base, row: rowId, a: "ru", b: "en", action: "link", links: [[0, 0]] })).rejects.toMatchObject({ code: "stale" });
    });

    it("confirmed links survive the word aligner and a merge of their row with the next", async () => {
      const base = await gridVersionOf(database.prisma, workId);
      await editWordLinks(database.prisma, workId, editor, { baseVersion: base, row: rowId, a: "en", b: "ru", action: "link", links: [[0, 0]] });
      await editWordLinks(database.prisma, workId, editor, { baseVersion: base + 1, row: rowId, a: "ru", b: "en", action: "confirm", links: [] });
      const confirmed = await pairOf();
      expect(confirmed.status).toBe("confirmed");
      expect(confirmed.links.split(" ")).toContain("0-0");
      await alignWorkWords(database.prisma, workId);
      expect((await pairOf()).links).toBe(confirmed.links);
      await applyEditorOperation(database.prisma, workId, editor, { op: { type: "mergeRows", rowId }, baseVersion: await gridVersionOf(database.prisma, workId) });
      const merged = await pairOf();
      expect(merged.status).toBe("confirmed");
      for (const link of confirmed.links.split(" ")) expect(merged.links.split(" ")).toContain(link);
    });

    it("a text correction keeps the links of unchanged words, drops those of changed words, and its undo restores them exactly", async () => {
      const row = await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
      rowId = row[10].id;
      const before = await pairOf();
      const en = await database.prisma.segment.findFirstOrThrow({ where: { rowId, edition: { slug: "en" } }, orderBy: { position: "asc" } });
      const changed = `Indeed, ${en.text.replace(/\p{L}{6,}/u, "CHANGED")}`;
      await editSegmentText(database.prisma, workId, editor, en.id, { text: changed, reason: "test", baseVersion: en.version });
      const after = await pairOf();
      const shifted = before.links.split(" ").map((link) => link.split("-").map(Number));
      const kept = after.links.split(" ").filter(Boolean).map((link) => link.split("-").map(Number));
      expect(after.dropped).toBeGreaterThan(0);
      expect(kept.length).toBe(shifted.length - after.dropped);
      for (const [i, j] of kept) expect(shifted).toContainEqual([i, j - 1]);
      await undoLastChange(database.prisma, workId, editor, await gridVersionOf(database.prisma, workId));
      const restored = await pairOf();
      expect(restored.links).toBe(before.links);
      expect(restored.dropped).toBe(before.dropped);
    });

    it("a split segment's links follow its words into the two parts, and undoing the split gives them back", async () => {
      const rows = await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
      rowId = rows[20].id;
      const before = await pairOf();
      const en = await database.prisma.segment.findFirstOrThrow({ where: { rowId, edition: { slug: "en" } }, orderBy: { position: "asc" } });
      const offset = en.text.indexOf(" ", Math.floor(en.text.length / 2)) + 1;
      await applyEditorOperation(database.prisma, workId, editor, { op: { type: "splitSegment", segmentId: en.id, offset }, baseVersion: await gridVersionOf(database.prisma, workId) });
      const sorted = (links: string) => links.split(" ").filter(Boolean).sort().join(" ");
      expect(sorted((await pairOf()).links)).toBe(sorted(before.links));
      await undoLastChange(database.prisma, workId, editor, await gridVersionOf(database.prisma, workId));
      expect(sorted((await pairOf()).links)).toBe(sorted(before.links));
    });
  });
});
