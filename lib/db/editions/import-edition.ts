/** Writes one imported edition (metadata, segments, apparatus, corrections) in one transaction. */
import type { EditionDocument } from "../../text/edition-document";
import type { Db } from "../client";
import { type Provenance as DbProvenance } from "../generated/enums";
import { ConflictError } from "../errors";

export const POSITION_GAP = 1024;

export interface ImportEditionOptions {
  document: EditionDocument;
  checksum: string;
  sourceFile: string;
  importedById?: string | null;
}

export type ImportEditionResult =
  | { status: "created"; editionId: string; workId: string; segments: number }
  | { status: "unchanged"; editionId: string; workId: string };

const PROVENANCE: Record<EditionDocument["meta"]["provenance"], DbProvenance> = {
  published: "published",
  "working-translation": "working_translation",
  imported: "imported",
};

export async function importEdition(db: Db, options: ImportEditionOptions): Promise<ImportEditionResult> {
  const { document, checksum, sourceFile } = options;
  const { meta } = document;
  return db.$transaction(async (tx) => {
    const work = await tx.work.upsert({
      where: { slug: meta.work },
      create: { slug: meta.work, title: meta.workTitle ?? meta.title, author: meta.author },
      update: {},
    });
    const existing = await tx.edition.findUnique({ where: { workId_slug: { workId: work.id, slug: meta.edition } } });
    if (existing) {
      if (existing.sourceChecksum === checksum) return { status: "unchanged", editionId: existing.id, workId: work.id };
      throw new ConflictError(
        `${sourceFile}: the work “${work.slug}” already has an edition “${meta.edition}” with different text; choose another edition slug or replace the edition's text`,
      );
    }
    const position = await tx.edition.count({ where: { workId: work.id } });
    const edition = await tx.edition.create({
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
        provenance: PROVENANCE[meta.provenance],
        source: meta.source,
        importedById: options.importedById ?? null,
        sourceFile,
        sourceChecksum: checksum,
        position,
      },
    });
    const segments = document.blocks.flatMap((block, paragraph) =>
      block.sentences.map((sentence) => ({
        editionId: edition.id,
        workId: work.id,
        paragraph,
        kind: block.kind,
        headingLevel: block.level,
        text: sentence.text,
        xmlId: sentence.xmlId ?? null,
      })),
    );
    await tx.segment.createMany({ data: segments.map((segment, index) => ({ ...segment, position: (index + 1) * POSITION_GAP })) });
    if (document.apparatus) {
      await tx.apparatusBlock.createMany({
        data: document.apparatus.blocks.map((block, index) => ({
          editionId: edition.id,
          position: index,
          kind: block.kind,
          headingLevel: block.level,
          label: block.labels[0] ?? null,
          text: block.sentences.map((sentence) => sentence.text).join(" "),
        })),
      });
    }
    await tx.sourceCorrection.createMany({
      data: document.corrections.map((correction, index) => ({
        editionId: edition.id,
        position: index,
        sourceLine: correction.line,
        before: correction.before,
        after: correction.after,
        reason: correction.reason,
      })),
    });
    if (meta.original && !work.pivotEditionId) {
      await tx.work.update({ where: { id: work.id }, data: { pivotEditionId: edition.id } });
    }
    return { status: "created", editionId: edition.id, workId: work.id, segments: segments.length };
  });
}
