/**
 * Small works for the data layer's tests: editions imported through the real importer, a grid laid out by
 * counts of segments per row, and users of each role.
 */
import { randomUUID } from "node:crypto";
import type { EditionDocument } from "../../text/edition-document";
import type { Db } from "../client";
import { replaceGrid } from "../alignment/replace-grid";
import { importEdition } from "../editions/import-edition";
import { loadGridState } from "./load-grid-state";
import type { Actor } from "./types";
import { gridKey } from "./verify-grid";

export interface WorkSpec {
  slug: string;
  /** Edition slug (also its language) -> its sentences, one block each. */
  editions: Record<string, string[]>;
  /** For each row, how many of each edition's next segments it holds (an edition left out holds none). */
  rows: Array<Record<string, number>>;
}

export interface TestWork {
  workId: string;
  editionIds: Record<string, string>;
  segmentIds: Record<string, string[]>;
  rowIds: string[];
}

export async function createWork(prisma: Db, spec: WorkSpec): Promise<TestWork> {
  let workId = "";
  const editionIds: Record<string, string> = {};
  for (const [index, [slug, sentences]] of Object.entries(spec.editions).entries()) {
    const document: EditionDocument = {
      meta: {
        work: spec.slug,
        workTitle: `Test work ${spec.slug}`,
        author: null,
        edition: slug,
        language: slug,
        title: `${slug} edition`,
        translator: null,
        publisher: null,
        place: null,
        year: null,
        original: index === 0,
        provenance: "imported",
        source: null,
      },
      blocks: sentences.map((text, line) => ({ kind: "paragraph", level: null, labels: [], line: line + 1, sentences: [{ text }] })),
      apparatus: null,
      corrections: [],
    };
    const result = await importEdition(prisma, { document, checksum: randomUUID(), sourceFile: `${slug}.txt` });
    workId = result.workId;
    editionIds[slug] = result.editionId;
  }
  const segmentIds: Record<string, string[]> = {};
  for (const [slug, id] of Object.entries(editionIds)) {
    segmentIds[slug] = (await prisma.segment.findMany({ where: { editionId: id }, orderBy: { position: "asc" }, select: { id: true } })).map((s) => s.id);
  }
  const next: Record<string, number> = Object.fromEntries(Object.keys(editionIds).map((slug) => [slug, 0]));
  const rows = spec.rows.map((counts) => ({
    status: "automatic" as const,
    confidence: 0.5,
    cells: Object.fromEntries(
      Object.entries(counts).map(([slug, count]) => {
        const ids = segmentIds[slug].slice(next[slug], next[slug] + count);
        next[slug] += count;
        return [editionIds[slug], ids];
      }),
    ),
  }));
  await prisma.$transaction((tx) => replaceGrid(tx, workId, rows), { timeout: 120_000 });
  const rowIds = (await prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
  return { workId, editionIds, segmentIds, rowIds };
}

/** `count` rows of one segment per edition, sentences numbered: the simplest aligned work. */
export function oneToOneSpec(slug: string, languages: string[], count: number): WorkSpec {
  return {
    slug,
    editions: Object.fromEntries(languages.map((lang) => [lang, Array.from({ length: count }, (_, i) => `${lang} sentence ${i + 1} has five words.`)])),
    rows: Array.from({ length: count }, () => Object.fromEntries(languages.map((lang) => [lang, 1]))),
  };
}

export async function createActor(prisma: Db, role: Actor["role"], name = `${role} ${randomUUID().slice(0, 6)}`): Promise<Actor> {
  const id = randomUUID();
  await prisma.user.create({ data: { id, name, email: `${id}@test.example`, role, emailVerified: true } });
  return { id, name, role };
}

/** What an undo must give back exactly: the grid, every text, and where revisions, lineage, variants and bookmarks point. */
export async function snapshotWork(prisma: Db, workId: string) {
  const state = await prisma.$transaction((tx) => loadGridState(tx, workId));
  const segments = await prisma.segment.findMany({ where: { workId }, orderBy: { id: "asc" }, select: { id: true, text: true, paragraph: true, kind: true, xmlId: true } });
  const revisions = await prisma.revision.findMany({ where: { segment: { workId } }, orderBy: { id: "asc" }, select: { id: true, segmentId: true } });
  const lineage = await prisma.segmentLineage.findMany({ where: { segment: { workId } }, orderBy: { id: "asc" }, select: { id: true, segmentId: true, sourceSegmentId: true, kind: true } });
  const variants = await prisma.variant.findMany({ where: { workId }, orderBy: { id: "asc" }, select: { id: true, rowId: true } });
  const bookmarks = await prisma.bookmark.findMany({ where: { row: { workId } }, orderBy: [{ userId: "asc" }, { rowId: "asc" }], select: { userId: true, rowId: true } });
  return { grid: JSON.parse(gridKey(state.state)) as unknown, segments, revisions, lineage, variants, bookmarks };
}

/**
 * A large one-to-one work written straight in SQL (the importer's transaction is too slow for timing
 * tests): `rows` rows, each holding one segment of every edition.
 */
export async function createLargeWork(prisma: Db, slug: string, languages: string[], rows: number): Promise<string> {
  const workId = randomUUID();
  await prisma.$transaction(
    async (tx) => {
      await tx.work.create({ data: { id: workId, slug, title: `Large test work ${slug}` } });
      await tx.$executeRaw`
        INSERT INTO alignment_row (id, work_id, position, status, confidence, updated_at)
        SELECT gen_random_uuid(), ${workId}::uuid, n * 1024, 'automatic', 0.5, now() FROM generate_series(1, ${rows}) AS n`;
      for (const [index, language] of languages.entries()) {
        const edition = await tx.edition.create({
          data: { workId, slug: language, language, title: `${language} edition`, isOriginal: index === 0, provenance: "imported", position: index },
        });
        await tx.$executeRaw`
          INSERT INTO segment (id, edition_id, work_id, row_id, position, paragraph, kind, text, updated_at)
          SELECT gen_random_uuid(), ${edition.id}::uuid, ${workId}::uuid, r.id, r.position, r.position / 1024 - 1, 'paragraph',
                 ${language} || ' sentence ' || (r.position / 1024) || ' has five words.', now()
          FROM alignment_row r WHERE r.work_id = ${workId}::uuid`;
      }
      await tx.work.update({ where: { id: workId }, data: { gridVersion: 1 } });
    },
    { timeout: 120_000 },
  );
  return workId;
}

/** The work's current grid version, as an editor's page would have read it. */
export async function gridVersionOf(prisma: Db, workId: string): Promise<number> {
  return (await prisma.work.findUniqueOrThrow({ where: { id: workId } })).gridVersion;
}
