/**
 * Writes one imported edition (metadata, segments, apparatus, corrections) in one transaction, and the steps every
 * importer shares (find or create the work, create an edition with its segments) for the caller's transaction.
 */
import { randomUUID } from "node:crypto";
import { takesPivot } from "../../editions/pivot";
import { completeRole, type EditionDocument, type EditionMeta } from "../../text/edition-document";
import { combineNormalisations, normaliseDocument, type TextNormalisation } from "../../text/normalise-document";
import { toNfc } from "../../text/unicode-form";
import type { Db } from "../client";
import { type Provenance as DbProvenance } from "../generated/enums";
import { ConflictError } from "../errors";
import { pivotCandidates } from "../works/pivot";
import { writeInChunks } from "../write-in-chunks";

export const POSITION_GAP = 1024;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface ImportEditionOptions {
  document: EditionDocument;
  checksum: string;
  sourceFile: string;
  importedById?: string | null;
}

export type ImportEditionResult =
  | { status: "created"; editionId: string; workId: string; segments: number }
  | { status: "unchanged"; editionId: string; workId: string };

export const DB_PROVENANCE: Record<EditionMeta["provenance"], DbProvenance> = {
  published: "published",
  "working-translation": "working_translation",
  imported: "imported",
};

export interface StoredWork {
  id: string;
  slug: string;
  pivotEditionId: string | null;
}

/** The work an edition belongs to, created from the edition's metadata when it does not exist yet. */
export async function findOrCreateWork(tx: Tx, meta: Pick<EditionMeta, "work" | "workTitle" | "title" | "author">): Promise<StoredWork> {
  return tx.work.upsert({
    where: { slug: meta.work },
    create: { slug: meta.work, title: toNfc(meta.workTitle ?? meta.title).text, author: meta.author && toNfc(meta.author).text },
    update: {},
    select: { id: true, slug: true, pivotEditionId: true },
  });
}

export interface NewEdition {
  document: EditionDocument;
  checksum: string;
  /** The file the text came from (null: unknown, as a work export may say of an edition imported before files were recorded). */
  sourceFile: string | null;
  importedById?: string | null;
  /** Display position among the work's editions; after the last one when left out. */
  position?: number;
  /** Identities to give the segments (e.g. kept from an export), in reading order; new ones when left out. */
  segmentIds?: string[];
  /** Block numbers of the segments as an export recorded them, in reading order; the document's blocks counted from 0 when left out. */
  paragraphs?: number[];
  /** The grid row of each segment, in reading order, when the edition is aligned as it is written. */
  rowIds?: string[];
  /** What an earlier import recorded of the text's normalisation (a work export passes it on); added to what this one changes. */
  recordedNormalisation?: TextNormalisation | null;
  /** When the text was first imported (a work export passes it on); now when left out. */
  importedAt?: Date;
}

export interface CreatedEdition {
  editionId: string;
  /** The segments' ids in reading order. */
  segmentIds: string[];
}

/**
 * Creates an edition with its segments, apparatus and corrections — its texts in Unicode NFC, with what that changed
 * recorded on the edition (lib/text/normalise-document.ts) — and makes it the pivot when the pivot rule
 * (lib/editions/pivot.ts) chooses it over the work's present pivot (e.g. the first published original to arrive).
 */
export async function createEdition(tx: Tx, work: StoredWork, edition: NewEdition): Promise<CreatedEdition> {
  const normalised = normaliseDocument(edition.document);
  const { document } = normalised;
  const segmentCount = document.blocks.reduce((count, block) => count + block.sentences.length, 0);
  const normalisation = combineNormalisations(edition.recordedNormalisation ?? null, normalised.normalisation, segmentCount);
  const meta = completeRole(document.meta);
  const position = edition.position ?? (await tx.edition.count({ where: { workId: work.id } }));
  const created = await tx.edition.create({
    data: {
      workId: work.id,
      slug: meta.edition,
      language: meta.language,
      title: meta.title,
      translator: meta.translator,
      publisher: meta.publisher,
      place: meta.place,
      year: meta.year,
      isOriginal: meta.original,
      provenance: DB_PROVENANCE[meta.provenance],
      source: meta.source,
      standsInForOriginal: meta.standsInForOriginal ?? false,
      editor: meta.editor ?? null,
      basedOn: meta.basedOn ?? null,
      translatedFrom: meta.translatedFrom ?? null,
      made: meta.made ?? null,
      titleOurs: meta.titleOurs ?? false,
      departures: meta.departures ?? null,
      normalisedTo: normalisation?.form ?? null,
      normalisedLetters: normalisation?.letters ?? null,
      normalisedSegments: normalisation?.segments ?? null,
      importedById: edition.importedById ?? null,
      ...(edition.importedAt ? { importedAt: edition.importedAt } : {}),
      sourceFile: edition.sourceFile,
      sourceChecksum: edition.checksum,
      position,
    },
    select: { id: true },
  });
  const segments = document.blocks.flatMap((block, paragraph) =>
    block.sentences.map((sentence) => ({
      editionId: created.id,
      workId: work.id,
      paragraph,
      kind: block.kind,
      headingLevel: block.level,
      text: sentence.text,
      xmlId: sentence.xmlId ?? null,
    })),
  );
  const segmentIds = edition.segmentIds ?? segments.map(() => randomUUID());
  const paragraphs = edition.paragraphs ?? segments.map((segment) => segment.paragraph);
  const segmentRows = segments.map((segment, index) => ({
    ...segment,
    id: segmentIds[index],
    paragraph: paragraphs[index],
    position: (index + 1) * POSITION_GAP,
    rowId: edition.rowIds?.[index] ?? null,
  }));
  await writeInChunks(segmentRows, (data) => tx.segment.createMany({ data }));
  if (document.apparatus) {
    const blocks = document.apparatus.blocks.map((block, index) => ({
      editionId: created.id,
      position: index,
      kind: block.kind,
      headingLevel: block.level,
      label: block.labels[0] ?? null,
      text: block.sentences.map((sentence) => sentence.text).join(" "),
    }));
    await writeInChunks(blocks, (data) => tx.apparatusBlock.createMany({ data }));
  }
  const corrections = document.corrections.map((correction, index) => ({
    editionId: created.id,
    position: index,
    sourceLine: correction.line,
    kind: correction.kind,
    before: correction.before,
    after: correction.after,
    reason: correction.reason,
  }));
  await writeInChunks(corrections, (data) => tx.sourceCorrection.createMany({ data }));
  if (segments.length > 0) await offerPivot(tx, work, created.id);
  return { editionId: created.id, segmentIds };
}

/** Makes a new edition the work's pivot when the rule chooses it and ranks it above the present pivot. */
async function offerPivot(tx: Tx, work: StoredWork, editionId: string): Promise<void> {
  const editions = await pivotCandidates(tx, work.id);
  const candidate = editions.find((e) => e.id === editionId)!;
  const current = editions.find((e) => e.id === work.pivotEditionId) ?? null;
  if (!takesPivot(candidate, current, editions)) return;
  await tx.work.update({ where: { id: work.id }, data: { pivotEditionId: editionId } });
  work.pivotEditionId = editionId;
}


export async function importEdition(db: Db, options: ImportEditionOptions): Promise<ImportEditionResult> {
  const { document, checksum, sourceFile } = options;
  const { meta } = document;
  return db.$transaction(async (tx) => {
    const work = await findOrCreateWork(tx, meta);
    const existing = await tx.edition.findUnique({ where: { workId_slug: { workId: work.id, slug: meta.edition } } });
    if (existing) {
      if (existing.sourceChecksum === checksum) return { status: "unchanged", editionId: existing.id, workId: work.id };
      throw new ConflictError(
        `${sourceFile}: the work “${work.slug}” already has an edition “${meta.edition}” with different text; choose another edition slug or replace the edition's text`,
      );
    }
    const { editionId, segmentIds } = await createEdition(tx, work, options);
    return { status: "created", editionId, workId: work.id, segments: segmentIds.length };
  }, { maxWait: 10_000, timeout: 600_000 });
}
