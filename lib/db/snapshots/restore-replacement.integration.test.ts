/**
 * Restoring the grid a replace-edition import replaced (restore-snapshot.ts): the new edition goes, the old one gets
 * back its slug, place and the pivot role, every table is as before the replacement; restoring that restore replaces
 * the text again exactly; and work done on the new text since keeps the restore from destroying it.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { demoCorpusDir } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { DomainError } from "../errors";
import { createActor } from "../grid/grid.fixtures";
import type { Actor } from "../grid/types";
import { runImport } from "../import/run-import";
import { restorableEntries } from "./restorable-entries";
import { restoreSnapshot } from "./restore-snapshot";

/** Tables whose contents a restore moves on by design: the work's grid version, the journal, its snapshots, jobs. */
const MOVES_ON = ["work", "grid_operation", "grid_snapshot", "job"];
const WORK = "thirst-for-power";

let database: TestDatabase;
let editor: Actor;
let workId: string;

async function contents() {
  const all = await tableContents(database.prisma);
  return Object.fromEntries(Object.entries(all).filter(([table]) => !MOVES_ON.includes(table)));
}
const pivot = async () => (await database.prisma.work.findUniqueOrThrow({ where: { id: workId }, include: { pivotEdition: true } })).pivotEdition?.slug;
const latestEntry = () => database.prisma.gridOperation.findFirstOrThrow({ where: { workId }, orderBy: { gridVersion: "desc" } });

/** The demo's Russian as a published Markdown edition (labels and front matter gone, a spelling changed). */
function publishedRussian(): Uint8Array {
  const text = fs.readFileSync(path.join(demoCorpusDir, "ru.txt"), "utf8");
  const body = text.slice(text.indexOf("\n---\n", 4) + 5);
  const markdown = body.replace(/\{#[^}]*?(\.dateline)?\}/g, (_, dateline: string | undefined) => (dateline ? "{.dateline}" : "")).replace(/Сталин/g, "Сталинъ");
  return new TextEncoder().encode(markdown);
}

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor");
  ({ workId } = await seedDemo(database.prisma, demoCorpusDir));
});
afterAll(async () => database?.drop());

describe("restoring the grid a replaced edition's text replaced", () => {
  it("removes the new edition and gives the old one back its slug, place and pivot role; the restore restores in turn", async () => {
    const before = await contents();
    const pivotBefore = await pivot();
    const oldRussian = await database.prisma.edition.findFirstOrThrow({ where: { workId, slug: "ru" } });

    const result = await runImport(database.prisma, {
      bytes: publishedRussian(),
      fileName: "ru-1994.md",
      workSlug: WORK,
      replace: "ru",
      meta: { provenance: "published", publisher: "Издательство гуманитарной литературы", place: "Москва", year: 1994 },
      importedById: editor.id,
    });
    expect(result).toMatchObject({ status: "created", replaced: { slug: "ru", keptAs: "ru-superseded" } });
    expect(await pivot()).toBe("ru");
    expect(await pivot()).not.toBe(pivotBefore);
    const replaced = await contents();
    const replacement = await latestEntry();
    expect(replacement.kind).toBe("replace-edition");
    expect((await restorableEntries(database.prisma, [replacement.id])).restorable.has(replacement.id)).toBe(true);

    const restored = await restoreSnapshot(database.prisma, workId, replacement.id, editor);
    expect(restored.removedEditions).toEqual(["ru"]);
    expect(restored.summary).toContain("gave back “ru-superseded” its name “ru”");
    expect(await contents()).toEqual(before);
    expect(await pivot()).toBe(pivotBefore);
    expect((await database.prisma.edition.findFirstOrThrow({ where: { workId, slug: "ru" } })).id).toBe(oldRussian.id);

    const again = await restoreSnapshot(database.prisma, workId, (await latestEntry()).id, editor);
    expect(again.restoredEditions).toEqual(["ru"]);
    expect(await contents()).toEqual(replaced);
    expect(await pivot()).toBe("ru");
    const kept = await database.prisma.edition.findFirstOrThrow({ where: { workId, slug: "ru-superseded" } });
    expect(kept.id).toBe(oldRussian.id);
    expect(kept.supersededById).toBe((await database.prisma.edition.findFirstOrThrow({ where: { workId, slug: "ru" } })).id);
  });

  it("refuses, changing nothing, when a variant names the new edition", async () => {
    const replacement = await database.prisma.gridOperation.findFirstOrThrow({ where: { workId, kind: "replace-edition" } });
    const newRussian = await database.prisma.edition.findFirstOrThrow({ where: { workId, slug: "ru" } });
    const row = await database.prisma.alignmentRow.findFirstOrThrow({ where: { workId }, orderBy: { position: "asc" } });
    await database.prisma.variant.create({ data: { workId, rowId: row.id, category: "omission", note: "Recorded on the new text.", editions: { create: [{ editionId: newRussian.id }] } } });
    const before = await tableContents(database.prisma);
    const error = await restoreSnapshot(database.prisma, workId, replacement.id, editor).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toContain("would remove the edition “ru”, but work depends on it: 1 recorded variant names it");
    expect(await tableContents(database.prisma)).toEqual(before);
  });
});
