/**
 * The import preview: everything the import would check and do — detected format and encoding, each edition's
 * metadata, segmentation counts, first blocks and warnings, and the plan (add, replace, aligned rows, alignment
 * reference) — read-only, so nothing is written before the editor confirms, and nothing is kept between requests:
 * the confirmation sends the file again with the checksum shown here.
 */
import { importWarnings, segmentationStats, type EditionPreview } from "../../formats";
import type { EditionDocument } from "../../text/edition-document";
import { normaliseDocument } from "../../text/normalise-document";
import type { Db } from "../client";
import { normalisationNotes, importNormalisations } from "./normalisations";
import { planImport } from "./plan-import";
import { readRequest } from "./read-request";
import type { BlockPreview, EditionSummary, ImportPreview, ImportRequest } from "./types";
import { documentOf } from "./write-work";

const PREVIEW_BLOCKS = 6;
const PREVIEW_SENTENCES = 4;

function firstBlocks(document: EditionDocument): BlockPreview[] {
  return document.blocks.slice(0, PREVIEW_BLOCKS).map((block) => ({
    kind: block.kind,
    level: block.level,
    line: block.line,
    sentences: block.sentences.slice(0, PREVIEW_SENTENCES).map((sentence) => sentence.text),
  }));
}

function summary(preview: EditionPreview): EditionSummary {
  const { document, normalisation } = normaliseDocument(preview.document);
  return { meta: document.meta, stats: preview.stats, warnings: preview.warnings, firstBlocks: firstBlocks(document), normalisation };
}

export async function previewImport(db: Db, request: ImportRequest): Promise<ImportPreview> {
  const parsed = await readRequest(db, request);
  const plan = await planImport(db, parsed, request);
  const { content } = parsed;
  const editions =
    content.kind === "edition"
      ? [summary(content)]
      : content.kind === "aligned"
        ? content.previews.map(summary)
        : content.work.editions.map((edition) => {
            const document = documentOf(edition, content.work.work);
            return summary({ document, stats: segmentationStats(document), warnings: importWarnings(document, "") });
          });
  return {
    file: parsed.file,
    format: parsed.format,
    encoding: parsed.encoding,
    checksum: parsed.checksum,
    work: { slug: plan.workSlug, title: plan.workTitle, exists: plan.work != null },
    action: plan.action,
    unchanged: plan.unchanged,
    editions,
    rows: content.kind === "aligned" ? content.aligned.rows.length : content.kind === "work" ? content.work.rows.length : null,
    variants: content.kind === "work" ? content.work.variants.length : null,
    replaces: plan.replaced && { slug: plan.replaced.slug, title: plan.replaced.title, provenance: plan.replaced.provenance, keptAs: plan.keptAs! },
    alignment: { mode: plan.alignment.mode, reference: plan.alignment.reference, note: plan.alignment.note },
    notes: [...plan.notes, ...normalisationNotes(importNormalisations(content))],
  };
}
