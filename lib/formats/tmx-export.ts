/**
 * TMX 1.4b export of chosen editions: one `tu` per grid row (tuid = row id, status and confidence as properties),
 * one `tuv xml:lang` per edition with a non-empty cell, holding the cell's sentences joined with a space. Each `tuv`
 * names its edition and block in `x-hexapla-*` properties so that two editions in one language stay apart and
 * paragraphs survive a re-import. `srclang` is the language of the original edition when it is among those chosen
 * (else of an edition standing in for it).
 * The header carries each edition's metadata (an `x-hexapla-edition-meta` property, read back on import) and a note
 * stating each edition's provenance, so that a working translation is labelled as such, and what storing its text in
 * Unicode NFC changed at its import.
 */
import { languageName } from "../editions/provenance";
import { TMX_PROP } from "./tmx-shared";
import { cellTexts, rowsInOrder, selectEditions, segmentTexts, type EditionExport, type SegmentExport, type WorkExport } from "./work-export";
import { el, renderXmlChunks, type XmlOut } from "./xml-writer";

export const prop = (type: string, value: string | number) => el("prop", { type }, [String(value)]);

const PROVENANCE_WORDS: Record<EditionExport["meta"]["provenance"], string> = {
  published: "published edition",
  "working-translation": "WORKING TRANSLATION made for this project, not a published edition",
  imported: "imported text, provenance not verified",
};

/** The work's fields are in the header's own properties. */
const WORK_FIELDS = new Set(["work", "workTitle", "author"]);

export function editionMetaProp(edition: Pick<EditionExport, "meta">): XmlOut {
  const meta = Object.fromEntries(Object.entries(edition.meta).filter(([key]) => !WORK_FIELDS.has(key)));
  return prop(TMX_PROP.editionMeta, JSON.stringify(meta));
}

/** “, text stored in Unicode NFC at import (19 letters written otherwise in the file, in 3 segments)”, or nothing. */
function normalisationWords(normalisation: EditionExport["normalisation"]): string {
  if (!normalisation) return "";
  const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
  const where = normalisation.segments > 0 ? `in ${count(normalisation.segments, "segment", "segments")}` : "none in the text itself";
  return `, text stored in Unicode NFC at import (${count(normalisation.letters, "letter", "letters")} written otherwise in the file, ${where})`;
}

export function provenanceNote(editions: Pick<EditionExport, "slug" | "meta" | "normalisation">[]): XmlOut {
  const lines = editions.map((edition) => {
    const standsIn = edition.meta.standsInForOriginal ? `, stands in for the ${languageName(edition.meta.language)} original (not the original)` : "";
    return `${edition.slug} (${edition.meta.language}, “${edition.meta.title}”): ${PROVENANCE_WORDS[edition.meta.provenance]}${standsIn}${normalisationWords(edition.normalisation)}`;
  });
  return el("note", {}, [`Editions: ${lines.join("; ")}.`]);
}

/** The document a line at a time (the export route streams it). */
/** One edition's text of a row (`text`, its segments joined) as a translation unit variant, with where it stands. */
export function tmxVariant(edition: Pick<EditionExport, "slug" | "meta">, first: Pick<SegmentExport, "blockIndex" | "kind" | "headingLevel">, text: string): XmlOut {
  return el("tuv", { "xml:lang": edition.meta.language }, [
    prop(TMX_PROP.edition, edition.slug),
    prop(TMX_PROP.block, first.blockIndex),
    prop(TMX_PROP.kind, first.kind),
    ...(first.kind === "heading" ? [prop(TMX_PROP.level, first.headingLevel ?? 1)] : []),
    el("seg", {}, [text]),
  ]);
}

/** The TMX header: the tool, srclang (the original's language when chosen), provenance and each edition's metadata. */
export function tmxHeader(work: { slug: string; title: string; author?: string | null }, editions: Pick<EditionExport, "slug" | "meta" | "normalisation">[]): XmlOut {
  const original = editions.find((edition) => edition.meta.original) ?? editions.find((edition) => edition.meta.standsInForOriginal);
  return el(
    "header",
    {
      creationtool: "Hexapla",
      creationtoolversion: "1",
      segtype: "sentence",
      "o-tmf": "Hexapla",
      adminlang: "en",
      srclang: original?.meta.language ?? editions[0]?.meta.language ?? "*all*",
      datatype: "plaintext",
    },
    [
      provenanceNote(editions),
      prop(TMX_PROP.work, work.slug),
      prop(TMX_PROP.workTitle, work.title),
      ...(work.author ? [prop(TMX_PROP.author, work.author)] : []),
      ...editions.map(editionMetaProp),
    ],
  );
}

export function tmxChunks(work: WorkExport, editionSlugs?: readonly string[]): Iterable<string> {
  const editions = selectEditions(work, editionSlugs);
  const texts = new Map(editions.map((edition) => [edition.slug, segmentTexts(edition)]));
  const segmentsById = new Map(editions.map((edition) => [edition.slug, new Map(edition.segments.map((s) => [s.id, s]))]));

  const units = rowsInOrder(work).flatMap((row) => {
    const variants: XmlOut[] = editions.flatMap((edition) => {
      const cell = cellTexts(row, edition, texts.get(edition.slug)!);
      if (cell.length === 0) return [];
      const first = segmentsById.get(edition.slug)!.get(row.cells[edition.slug][0])!;
      return [tmxVariant(edition, first, cell.join(" "))];
    });
    if (variants.length === 0) return [];
    return [
      el("tu", { tuid: row.id }, [
        prop(TMX_PROP.status, row.status),
        ...(row.confidence != null ? [prop(TMX_PROP.confidence, row.confidence)] : []),
        ...variants,
      ]),
    ];
  });

  return renderXmlChunks(
    el("tmx", { version: "1.4" }, [
      tmxHeader(work.work, editions),
      el("body", {}, units),
    ]),
  );
}

export function exportTmx(work: WorkExport, editionSlugs?: readonly string[]): string {
  return [...tmxChunks(work, editionSlugs)].join("");
}
