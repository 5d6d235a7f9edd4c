/**
 * Writes a full-work export (the JSON `parseWorkExport` validated) as a new work: its editions with metadata,
 * provenance, apparatus and corrections; every segment with its text, block, kind and identity (the export's
 * segment id becomes the segment's xml id, so a second export gives the same ids); the earlier witnesses and the
 * pivot; the grid with each row's status and confidence; and the variant register (a variant's author is the
 * user of that name when exactly one exists). Each edition keeps the record of its own first import that the file
 * carries — when, by whom (the user of that name when exactly one exists, else nobody named), from which file, and
 * what storing its text in NFC changed — so exporting and importing moves a work without rewriting its history; the
 * work's journal records this import itself. A file without that record (made by hand, or before it was exported)
 * gets this import's.
 */
import { remapSide, wordIndexMap } from "../../alignment/words/remap-links";
import { WORD_MODEL_VERSION } from "../words/link-sets";
import type { WorkExport } from "../../formats";
import type { EditionDocument } from "../../text/edition-document";
import { replaceGrid } from "../alignment/replace-grid";
import { createEdition } from "../editions/import-edition";
import { toNfc } from "../../text/unicode-form";
import type { Tx } from "./types";
import type { WrittenEditions } from "./write-aligned";
import { writeInChunks } from "../write-in-chunks";

type ExportedEdition = WorkExport["editions"][number];

export function documentOf(edition: ExportedEdition, work: WorkExport["work"]): EditionDocument {
  const blocks: EditionDocument["blocks"] = [];
  let lastBlock: number | null = null;
  for (const segment of edition.segments) {
    if (segment.blockIndex !== lastBlock) {
      blocks.push({ kind: segment.kind, level: segment.kind === "heading" ? (segment.headingLevel ?? 1) : null, labels: [], line: 0, sentences: [] });
      lastBlock = segment.blockIndex;
    }
    blocks.at(-1)!.sentences.push({ text: segment.text, xmlId: segment.id });
  }
  const apparatus = edition.apparatus ?? [];
  return {
    meta: { ...edition.meta, work: work.slug },
    blocks,
    apparatus: apparatus.length
      ? {
          blocks: apparatus.map((block) => ({
            kind: block.kind,
            level: block.headingLevel ?? null,
            labels: block.label ? [block.label] : [],
            line: 0,
            sentences: [{ text: block.text }],
          })),
        }
      : null,
    corrections: (edition.corrections ?? []).map((correction) => ({ ...correction, kind: correction.kind ?? null })),
  };
}

export async function writeWork(
  tx: Tx,
  exported: WorkExport,
  source: { checksum: string; sourceFile: string; importedById: string | null },
): Promise<WrittenEditions & { variants: number }> {
  const work = await tx.work.create({
    data: { slug: exported.work.slug, title: toNfc(exported.work.title).text, author: exported.work.author && toNfc(exported.work.author).text },
    select: { id: true, slug: true, pivotEditionId: true },
  });
  const editionIds = new Map<string, string>();
  const segmentIds = new Map<string, Map<string, string>>();
  const importers = await authorIds(tx, exported.editions.map((edition) => edition.importedBy ?? null));
  for (const [position, edition] of exported.editions.entries()) {
    const created = await createEdition(tx, work, {
      document: documentOf(edition, exported.work),
      checksum: source.checksum,
      sourceFile: edition.sourceFile !== undefined ? edition.sourceFile : source.sourceFile,
      importedById: edition.importedBy !== undefined ? (edition.importedBy && (importers.get(edition.importedBy) ?? null)) : source.importedById,
      importedAt: edition.importedAt !== undefined ? new Date(edition.importedAt) : undefined,
      recordedNormalisation: edition.normalisation ?? null,
      position,
      paragraphs: edition.segments.map((segment) => segment.blockIndex),
    });
    editionIds.set(edition.slug, created.editionId);
    segmentIds.set(edition.slug, new Map(edition.segments.map((segment, i) => [segment.id, created.segmentIds[i]])));
  }
  for (const edition of exported.editions) {
    if (edition.supersededBy) {
      await tx.edition.update({ where: { id: editionIds.get(edition.slug) }, data: { supersededById: editionIds.get(edition.supersededBy) } });
    }
  }
  if (exported.work.pivotEdition !== undefined) {
    const pivot = exported.work.pivotEdition;
    await tx.work.update({ where: { id: work.id }, data: { pivotEditionId: pivot == null ? null : editionIds.get(pivot) } });
  }

  const rows = [...exported.rows].sort((a, b) => a.position - b.position);
  await replaceGrid(
    tx,
    work.id,
    rows.map((row) => ({
      cells: Object.fromEntries(
        Object.entries(row.cells).map(([slug, ids]) => [editionIds.get(slug)!, ids.map((id) => segmentIds.get(slug)!.get(id)!)]),
      ),
      status: row.status,
      confidence: row.confidence,
    })),
  );
  const storedRows = await tx.alignmentRow.findMany({ where: { workId: work.id }, orderBy: { position: "asc" }, select: { id: true } });
  const rowIds = new Map(rows.map((row, i) => [row.id, storedRows[i].id]));

  const authors = await authorIds(tx, exported.variants.map((variant) => variant.author));
  for (const variant of exported.variants) {
    await tx.variant.create({
      data: {
        workId: work.id,
        rowId: rowIds.get(variant.rowId)!,
        category: variant.category,
        note: toNfc(variant.note).text,
        status: variant.status,
        authorId: variant.author ? (authors.get(variant.author) ?? null) : null,
        createdAt: new Date(variant.createdAt),
        editions: { create: variant.editionSlugs.map((slug) => ({ editionId: editionIds.get(slug)! })) },
      },
    });
  }
  await writeWordLinks(tx, work.id, exported, editionIds, segmentIds);
  return {
    workId: work.id,
    editions: exported.editions.map((edition) => ({ slug: edition.slug, segments: edition.segments.length })),
    rows: rows.length,
    variants: exported.variants.length,
  };
}

/** Display name → user id, for names that exactly one user has. */
async function authorIds(tx: Tx, names: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.filter((name): name is string => name != null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { name: { in: wanted } }, select: { id: true, name: true } });
  const unique = wanted.filter((name) => users.filter((user) => user.name === name).length === 1);
  return new Map(unique.map((name) => [name, users.find((user) => user.name === name)!.id]));
}

/**
 * Word positions in a segment whose text the import brought to NFC: the file's numbering of its words → the stored
 * text's (the same for almost every text; Japanese written with combining sound marks can split into other words).
 */
function normalisedWordMaps(exported: WorkExport): Map<string, Map<string, Map<number, number>>> {
  const maps = new Map<string, Map<string, Map<number, number>>>();
  for (const edition of exported.editions) {
    const changed = new Map<string, Map<number, number>>();
    for (const segment of edition.segments) {
      const stored = toNfc(segment.text).text;
      if (stored !== segment.text) changed.set(segment.id, wordIndexMap(segment.text, stored, edition.meta.language, (word) => word.normalize("NFC")));
    }
    maps.set(edition.slug, changed);
  }
  return maps;
}

/** The export's word links, in the stored order of the new edition ids (A's id sorts first), numbered in the stored texts. */
async function writeWordLinks(tx: Tx, workId: string, exported: WorkExport, editionIds: Map<string, string>, segmentIds: Map<string, Map<string, string>>): Promise<void> {
  const wordMaps = normalisedWordMaps(exported);
  const data = (exported.wordLinks ?? []).map((exportedSet) => {
    const set = renumbered(exportedSet, wordMaps.get(exportedSet.editionA)!.get(exportedSet.a), wordMaps.get(exportedSet.editionB)!.get(exportedSet.b));
    const pairs = set.links ? set.links.split(" ").map((pair) => pair.split("-").map(Number)) : [];
    const editionA = editionIds.get(set.editionA)!;
    const editionB = editionIds.get(set.editionB)!;
    const segmentA = segmentIds.get(set.editionA)!.get(set.a)!;
    const segmentB = segmentIds.get(set.editionB)!.get(set.b)!;
    const swap = editionB < editionA;
    return {
      workId,
      editionAId: swap ? editionB : editionA,
      editionBId: swap ? editionA : editionB,
      segmentAId: swap ? segmentB : segmentA,
      segmentBId: swap ? segmentA : segmentB,
      status: set.status,
      aTokens: pairs.map(([i, j]) => (swap ? j : i)),
      bTokens: pairs.map(([i, j]) => (swap ? i : j)),
      probabilities: set.p,
      dropped: set.dropped ?? 0,
      modelVersion: WORD_MODEL_VERSION,
    };
  });
  await writeInChunks(data, (chunk) => tx.wordLinkSet.createMany({ data: chunk }));
}

type ExportedLinkSet = NonNullable<WorkExport["wordLinks"]>[number];

/** A link set with its word positions moved by the maps of its segments (links of words that did not survive dropped and counted). */
function renumbered(set: ExportedLinkSet, mapA: Map<number, number> | undefined, mapB: Map<number, number> | undefined): ExportedLinkSet {
  if (!mapA && !mapB) return set;
  const pairs = set.links ? set.links.split(" ").map((pair) => pair.split("-").map(Number)) : [];
  let sides = { aTokens: pairs.map(([a]) => a), bTokens: pairs.map(([, b]) => b), probabilities: set.p, dropped: set.dropped ?? 0 };
  if (mapA) sides = remapSide(sides, "a", mapA);
  if (mapB) sides = remapSide(sides, "b", mapB);
  return { ...set, links: sides.aTokens.map((a, k) => `${a}-${sides.bTokens[k]}`).join(" "), p: sides.probabilities, dropped: sides.dropped };
}
