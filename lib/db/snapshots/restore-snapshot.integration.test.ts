import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { alignWork } from "../alignment/align-work";
import { previewAlignment } from "../alignment/preview-alignment";
import { demoCorpusDir } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { DomainError } from "../errors";
import { applyEditorOperation } from "../grid/apply-operation";
import { editSegmentText } from "../grid/edit-segment-text";
import { createActor } from "../grid/grid.fixtures";
import { loadGridState } from "../grid/load-grid-state";
import { undoLastChange } from "../grid/undo-operation";
import type { Actor } from "../grid/types";
import { runImport } from "../import/run-import";
import { restoreSnapshot } from "./restore-snapshot";

/** Tables whose contents a restore moves on by design: the work's grid version, the journal, its snapshots, jobs. */
const MOVES_ON = ["work", "grid_operation", "grid_snapshot", "job"];

let database: TestDatabase;
let editor: Actor;
let workId: string;

async function contents() {
  const all = await tableContents(database.prisma);
  return Object.fromEntries(Object.entries(all).filter(([table]) => !MOVES_ON.includes(table)));
}
const version = async () => (await database.prisma.work.findUniqueOrThrow({ where: { id: workId } })).gridVersion;
const rows = async () => (await database.prisma.$transaction((tx) => loadGridState(tx, workId))).state.grid.rows;
const latestEntry = async () => database.prisma.gridOperation.findFirstOrThrow({ where: { workId }, orderBy: { gridVersion: "desc" } });

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** A new edition of the demo work: the French text under another slug and language tag, with one sentence reworded. */
function newEditionFile(): Uint8Array {
  const text = fs
    .readFileSync(path.join(demoCorpusDir, "fr.txt"), "utf8")
    .replace(/^edition: fr$/m, "edition: fr-ca")
    .replace(/^language: fr$/m, "language: fr-CA")
    .replace("Janvier 1937", "janvier 1937");
  return new TextEncoder().encode(text);
}

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor");
  ({ workId } = await seedDemo(database.prisma, demoCorpusDir));
});
afterAll(async () => database?.drop());

describe("restoring the grid an alignment run replaced", () => {
  it("says before the run how many rows it may change and how many confirmed rows it keeps", async () => {
    const ids = (await rows()).map((row) => row.id);
    for (const rowId of [ids[1], ids[5]]) {
      await applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId, status: "confirmed" }, baseVersion: await version() });
    }
    const preview = await previewAlignment(database.prisma, workId, "align");
    expect(preview).toMatchObject({ rows: ids.length, confirmedRows: 2, confirmedKept: 2, rowsToChange: ids.length - 2, refused: false, editionsOutsideGrid: [] });
    expect(preview.message).toContain(`up to ${ids.length - 2} rows`);
    expect(preview.message).toContain("2 confirmed rows are kept");
  });

  it("aligns keeping confirmed rows, then restores the hand-made grid exactly (every table), and the restore can be restored in turn", async () => {
    const ids = (await rows()).map((row) => row.id);
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "mergeRows", rowId: ids[10] }, baseVersion: await version() });
    await database.prisma.variant.create({ data: { workId, rowId: ids[10], category: "omission", note: "On a merged row." } });
    await database.prisma.bookmark.create({ data: { userId: editor.id, rowId: ids[10] } });
    const confirmedBefore = (await rows()).filter((row) => row.status === "confirmed");
    const before = await contents();

    const result = await alignWork(database.prisma, workId, { mode: "align", actor: editor });
    expect(result.keptConfirmed).toBe(2);
    const aligned = await rows();
    for (const row of confirmedBefore) expect(aligned.find((r) => r.id === row.id)).toEqual(row);
    const afterAlign = await contents();
    expect(afterAlign.alignment_row).not.toEqual(before.alignment_row);
    const alignEntry = await latestEntry();
    expect(alignEntry.kind).toBe("align");
    expect((await refusal(() => undoLastChange(database.prisma, workId, editor, alignEntry.gridVersion))).message).toMatch(/Restore the grid it replaced from the journal/);

    const restored = await restoreSnapshot(database.prisma, workId, alignEntry.id, editor);
    expect(restored.gridVersion).toBe(alignEntry.gridVersion + 1);
    expect(await contents()).toEqual(before);
    const restoreEntry = await latestEntry();
    expect([restoreEntry.kind, restoreEntry.userId]).toEqual(["restore", editor.id]);

    await restoreSnapshot(database.prisma, workId, restoreEntry.id, editor);
    expect(await contents()).toEqual(afterAlign);
    await restoreSnapshot(database.prisma, workId, alignEntry.id, editor);
    expect(await contents()).toEqual(before);
  });

  it("refuses, changing nothing, when text was corrected since the snapshot", async () => {
    await alignWork(database.prisma, workId, { mode: "realign", actor: editor });
    const entry = await latestEntry();
    const segment = await database.prisma.segment.findFirstOrThrow({ where: { workId, rowId: { not: null } }, orderBy: { position: "asc" } });
    await editSegmentText(database.prisma, workId, editor, segment.id, { text: `${segment.text} (corrected)`, reason: "a test", baseVersion: segment.version });
    const before = await tableContents(database.prisma);
    const refused = await refusal(() => restoreSnapshot(database.prisma, workId, entry.id, editor));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toMatch(/the text of 1 segment was corrected/);
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("refuses an entry that keeps no snapshot", async () => {
    const entry = await latestEntry();
    expect(entry.kind).toBe("editText");
    expect((await refusal(() => restoreSnapshot(database.prisma, workId, entry.id, editor))).code).toBe("invalid");
  });
});

describe("undoing an import", () => {
  it("removes the edition it added, leaving every table as before; restoring that brings the edition back", async () => {
    const before = await contents();
    const imported = await runImport(database.prisma, { bytes: newEditionFile(), fileName: "fr-ca.txt", importedById: editor.id });
    expect(imported.status).toBe("created");
    const importEntry = await latestEntry();
    expect(importEntry.kind).toBe("import");
    const afterImport = await contents();
    expect(afterImport.segment.rows).toBeGreaterThan(before.segment.rows);

    const restored = await restoreSnapshot(database.prisma, workId, importEntry.id, editor);
    expect(restored.removedEditions).toEqual(["fr-ca"]);
    expect(await contents()).toEqual(before);

    const back = await restoreSnapshot(database.prisma, workId, (await latestEntry()).id, editor);
    expect(back.restoredEditions).toEqual(["fr-ca"]);
    expect(await contents()).toEqual(afterImport);
  });

  it("refuses when a variant names the imported edition, and says so", async () => {
    const importEntry = await database.prisma.gridOperation.findFirstOrThrow({ where: { workId, kind: "import" }, orderBy: { gridVersion: "desc" } });
    const edition = await database.prisma.edition.findFirstOrThrow({ where: { workId, slug: "fr-ca" } });
    const row = await database.prisma.segment.findFirstOrThrow({ where: { editionId: edition.id, rowId: { not: null } } });
    await database.prisma.variant.create({ data: { workId, rowId: row.rowId!, category: "other", note: "Names fr-ca.", editions: { create: [{ editionId: edition.id }] } } });
    const before = await tableContents(database.prisma);
    const refused = await refusal(() => restoreSnapshot(database.prisma, workId, importEntry.id, editor));
    expect(refused.message).toMatch(/would remove the edition “fr-ca”, but work depends on it: 1 recorded variant names it/);
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("an edition not in the grid yet: Align would align afresh, confirmed rows included, and says so; Re-align is refused", async () => {
    const text = new TextDecoder().decode(newEditionFile()).replace(/^edition: fr-ca$/m, "edition: fr-be").replace(/^language: fr-CA$/m, "language: fr-BE");
    await runImport(database.prisma, { bytes: new TextEncoder().encode(text), fileName: "fr-be.txt", importedById: editor.id, align: false });
    const confirmed = await database.prisma.alignmentRow.count({ where: { workId, status: "confirmed" } });
    expect(confirmed).toBeGreaterThan(0);
    const align = await previewAlignment(database.prisma, workId, "align");
    expect(align).toMatchObject({ editionsOutsideGrid: ["fr-be"], confirmedKept: 0, rowsToChange: align.rows, refused: false });
    expect(align.message).toContain(`including the ${confirmed} confirmed row`);
    expect(align.message).toContain("“fr-be” is not in the grid yet");
    const realign = await previewAlignment(database.prisma, workId, "realign");
    expect(realign.refused).toBe(true);
  });
});
