/**
 * TEI P5 export. Three documents:
 * - one per edition (`exportTeiEdition`): teiHeader with the edition's metadata and provenance (a working
 *   translation is labelled as such in notesStmt and sourceDesc), body with `div`/`head`/`p`/`quote`/`note`/`dateline`
 *   and every segment as `s xml:id`, the apparatus (introduction, notes) in `back`;
 * - the alignment as stand-off links (`exportTeiAlignment`): `linkGrp type="alignment"` with one `link` per row,
 *   `xtargets="en/s1 en/s2;ru/s3"` (one `;`-separated side per edition, `edition/xml:id` pointers), the row status
 *   in `type`, the aligner's confidence in `cert`, and P5 `target` pointers into `<edition>.xml`; then, when the work
 *   has word links, `linkGrp type="words"` with one `link` per word link, `target` pointing at the words' `w xml:id`s
 *   (every word of a segment is a `w` in the edition documents, numbered `<segment id>.w<n>` from 0);
 * - all editions in parallel segmentation (`exportTeiParallel`): one `ab` per row holding an `app` with one
 *   `rdg wit="#<edition>"` per edition (witnesses in `listWit`) and the row's variants as `note type="variant"`.
 * Where an edition's text was brought to Unicode NFC at its import, every document that holds or points into it says
 * so in `encodingDesc/editorialDecl/normalization`, with the figures as `measure`s.
 */
import type { EditionMeta } from "../text/edition-document";
import type { TextNormalisation } from "../text/normalise-document";
import {
  cellTexts,
  editionOf,
  rowsInOrder,
  selectEditions,
  segmentTexts,
  type ApparatusBlockExport,
  type EditionExport,
  type SegmentExport,
  type WorkExport,
} from "./work-export";
import { el, renderXmlChunks, toXmlId, type XmlOut } from "./xml-writer";
import { segmentWordTokens } from "../alignment/words/cell-tokens";

export const TEI_NS = "http://www.tei-c.org/ns/1.0";

/** File name the alignment document's pointers assume for an edition's TEI file. */
export function teiEditionFileName(editionSlug: string): string {
  return `${editionSlug}.xml`;
}

/** xml:id of a segment in the TEI files. Ids that are not XML names (e.g. UUIDs starting with a digit) get `s-`. */
export function segmentXmlId(segmentId: string): string {
  return toXmlId(segmentId, "s-");
}

/** xml:id of an edition as a witness / bibliography entry. */
export function editionXmlId(editionSlug: string): string {
  return toXmlId(editionSlug, "ed-");
}

export const PROVENANCE_NOTES: Record<EditionMeta["provenance"], string> = {
  published: "Published edition, transcribed from the printed source described below.",
  "working-translation": "Working translation: an unpublished translation made for this project, not a published edition.",
  imported: "Imported text; its provenance has not been verified.",
};

function languageName(code: string): string | undefined {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code);
  } catch {
    return undefined;
  }
}

function text(name: string, value: string | null | undefined, attrs?: XmlOut["attrs"]): XmlOut[] {
  return value ? [el(name, attrs, [value])] : [];
}

/** The role note: original, translation, or a text that stands in for the original without being it. */
function derivationNote(meta: EditionMeta): XmlOut {
  if (meta.original) return el("note", { type: "derivation", subtype: "original" }, ["The original text of the work."]);
  if (meta.standsInForOriginal) {
    return el("note", { type: "derivation", subtype: "stands-in-for-original" }, [
      `Not the original: ${meta.provenance === "working-translation" ? "a working translation" : "a text"} that stands in for the ${languageName(meta.language) ?? meta.language} original until the published original is available.`,
    ]);
  }
  return el("note", { type: "derivation", subtype: "translation" }, ["A translation of the work."]);
}

/** `creation` with the date a text was made: `when`, or `from`/`to` for an interval made/last revised. */
function creation(made: string | null | undefined): XmlOut[] {
  if (!made) return [];
  const [first, last] = made.split("/");
  const date = last ? el("date", { from: first, to: last }, [`made ${first}, last revised ${last}`]) : el("date", { when: first }, [first]);
  return [el("creation", {}, [date])];
}

/** Unicode's description of its normal forms: the authority of the normalisation (`normalization/@source`). */
const UNICODE_NORMAL_FORMS = "https://www.unicode.org/reports/tr15/";

/** A count as TEI `measure` (`unit="count"`, `commodity`), e.g. “19 letters”, or `none` written out for 0. */
function counted(quantity: number, commodity: "letters" | "segments", one: string, none: string): XmlOut {
  const words = quantity === 0 ? none : `${quantity.toLocaleString("en")} ${quantity === 1 ? one : commodity}`;
  return el("measure", { unit: "count", quantity, commodity }, [words]);
}

/** What storing the text in NFC changed, in one paragraph (`lead` names the edition in a document of several). */
function normalisationParagraph(normalisation: TextNormalisation, lead = ""): XmlOut {
  const changedSegments =
    normalisation.segments > 0
      ? [counted(normalisation.segments, "segments", "segment", "no segment"), " of the text changed so."]
      : [counted(0, "segments", "segment", "no segment"), " of the text changed so (only its metadata, apparatus or corrections)."];
  return el("p", {}, [
    `${lead}The text was brought to Unicode normal form C (NFC) when it was imported: `,
    counted(normalisation.letters, "letters", "letter", "no letter"),
    " that the imported file wrote in another Unicode form (e.g. a letter followed by combining accents where Unicode has one character for both) " +
      `${normalisation.letters === 1 ? "is" : "are"} stored in NFC; `,
    ...changedSegments,
    " The text reads the same.",
  ]);
}

/**
 * `editorialDecl` with one `normalization` per edition whose text was brought to NFC at its import (`corresp`
 * pointing at the edition's bibl or witness in a document of several); none when no edition's was.
 */
export function normalisationDecl(editions: readonly Pick<EditionExport, "slug" | "normalisation">[], several: boolean): XmlOut[] {
  const normalised = editions.filter((edition) => edition.normalisation != null);
  if (normalised.length === 0) return [];
  return [
    el(
      "editorialDecl",
      {},
      normalised.map((edition) =>
        el("normalization", { method: "silent", source: UNICODE_NORMAL_FORMS, corresp: several ? `#${editionXmlId(edition.slug)}` : null }, [
          normalisationParagraph(edition.normalisation!, several ? `${edition.slug}: ` : ""),
        ]),
      ),
    ),
  ];
}

/** The edition's own metadata only (not the work's), so that a re-import gives the same metadata back. */
export function editionHeader(edition: Pick<EditionExport, "slug" | "meta" | "normalisation">): XmlOut {
  const meta = edition.meta;
  const published = meta.publisher != null || meta.place != null || meta.year != null;
  const sourceDesc =
    meta.provenance === "working-translation" && !published
      ? el("sourceDesc", {}, [el("p", {}, ["Working translation made for this project; it has no printed source."])])
      : el("sourceDesc", {}, [
          el("bibl", {}, [
            el("title", {}, [meta.title]),
            ...text("author", meta.author),
            ...text("editor", meta.translator, { role: "translator" }),
            ...text("editor", meta.editor),
            ...text("publisher", meta.publisher),
            ...text("pubPlace", meta.place),
            ...(meta.year != null ? [el("date", { when: String(meta.year) }, [String(meta.year)])] : []),
            ...(meta.provenance === "working-translation" ? [el("note", {}, ["The working translation stands in for this edition and is not its text."])] : []),
          ]),
        ]);
  return el("teiHeader", {}, [
    el("fileDesc", {}, [
      el("titleStmt", {}, [
        el("title", { type: "main" }, [meta.title]),
        ...text("title", meta.workTitle, { type: "uniform" }),
        ...text("author", meta.author),
        ...text("editor", meta.editor),
        ...(meta.translator ? [el("respStmt", {}, [el("resp", {}, ["translated by"]), el("persName", {}, [meta.translator])])] : []),
      ]),
      el("publicationStmt", {}, [
        el("authority", {}, ["Hexapla"]),
        el("idno", { type: "hexapla-work" }, [meta.work]),
        el("idno", { type: "hexapla-edition" }, [meta.edition]),
      ]),
      el("notesStmt", {}, [
        el("note", { type: "provenance", subtype: meta.provenance }, [PROVENANCE_NOTES[meta.provenance]]),
        derivationNote(meta),
        ...text("note", meta.source, { type: "source" }),
        ...text("note", meta.basedOn, { type: "based-on" }),
        ...(meta.translatedFrom ? [el("note", { type: "translated-from", target: `#${editionXmlId(meta.translatedFrom)}` }, [meta.translatedFrom])] : []),
        ...(meta.titleOurs ? [el("note", { type: "title", subtype: "ours" }, ["The title is ours, not the title of the published edition."])] : []),
        ...text("note", meta.departures, { type: "departures" }),
      ]),
      sourceDesc,
    ]),
    ...normalisationDecl([edition], false).map((decl) => el("encodingDesc", {}, [decl])),
    el("profileDesc", {}, [
      ...creation(meta.made),
      el("langUsage", {}, [el("language", { ident: meta.language }, [languageName(meta.language) ?? meta.language])]),
    ]),
  ]);
}

export interface Block {
  kind: SegmentExport["kind"];
  level: number;
  segments: SegmentExport[];
}

function blocksOf(edition: EditionExport): Block[] {
  const blocks: Block[] = [];
  let current: (Block & { index: number }) | null = null;
  for (const segment of edition.segments) {
    if (current == null || current.index !== segment.blockIndex) {
      current = { index: segment.blockIndex, kind: segment.kind, level: segment.headingLevel ?? 1, segments: [] };
      blocks.push(current);
    }
    current.segments.push(segment);
  }
  return blocks;
}

/** The xml:id of word n (from 0) of a segment. */
export function wordXmlId(segmentId: string, n: number): string {
  return `${segmentXmlId(segmentId)}.w${n}`;
}

/** A segment's text with every word (as the word links count them) in a `w` with its xml:id. */
function wordChildren(segment: SegmentExport, language: string): (XmlOut | string)[] {
  const children: (XmlOut | string)[] = [];
  let offset = 0;
  segmentWordTokens(segment.text, language).forEach((word, n) => {
    if (word.start > offset) children.push(segment.text.slice(offset, word.start));
    children.push(el("w", { "xml:id": wordXmlId(segment.id, n) }, [segment.text.slice(word.start, word.end)]));
    offset = word.end;
  });
  if (offset < segment.text.length) children.push(segment.text.slice(offset));
  return children;
}

export function sentenceElements(block: Block, ids: Set<string>, edition: Pick<EditionExport, "slug" | "meta">, words: boolean): XmlOut[] {
  return block.segments.map((segment) => {
    const xmlId = segmentXmlId(segment.id);
    if (ids.has(xmlId)) throw new Error(`edition ${edition.slug}: two segments share the xml:id “${xmlId}”`);
    ids.add(xmlId);
    return el("s", { "xml:id": xmlId }, words ? wordChildren(segment, edition.meta.language) : [segment.text]);
  });
}

/** Separates sentences with a space inside their block, as in running text. */
export function spaced(children: XmlOut[]): (XmlOut | string)[] {
  return children.flatMap((child, i) => (i === 0 ? [child] : [" ", child]));
}

/**
 * Builds nested `div`s: a heading of level n opens a new div at depth n. Date lines at the end of a div are
 * `dateline` elements; elsewhere (where TEI does not allow `dateline`) they are `p type="dateline"`.
 */
function editionBody(edition: EditionExport, words: boolean): XmlOut {
  const body = el("body", {}, []);
  const stack: XmlOut[] = [body];
  const ids = new Set<string>();
  const blocks = blocksOf(edition);
  blocks.forEach((block, index) => {
    if (block.kind === "heading") {
      while (stack.length > Math.max(block.level, 1)) stack.pop();
      while (stack.length <= block.level) {
        const div = el("div", {}, []);
        stack.at(-1)!.children!.push(div);
        stack.push(div);
      }
      stack.at(-1)!.children!.push(el("head", {}, spaced(sentenceElements(block, ids, edition, words))));
      return;
    }
    if (stack.length === 1) {
      const div = el("div", {}, []);
      body.children!.push(div);
      stack.push(div);
    }
    const sentences = spaced(sentenceElements(block, ids, edition, words));
    const next = blocks.slice(index + 1).find((b) => b.kind !== "dateline");
    const endsDiv = next == null || (next.kind === "heading" && next.level < stack.length);
    const element =
      block.kind === "paragraph" ? el("p", {}, sentences)
      : block.kind === "blockquote" ? el("quote", {}, sentences)
      : block.kind === "note" ? el("note", { type: "editorial" }, sentences)
      : endsDiv ? el("dateline", {}, sentences)
      : el("p", { type: "dateline" }, sentences);
    stack.at(-1)!.children!.push(element);
  });
  return body;
}

/**
 * The apparatus (introduction, notes) in `back`: headings open nested `div`s as in the body, a note labelled `n6`
 * is `note n="6"`, other labels are kept in `corresp` (read back as the block's label).
 */
export function apparatusBack(apparatus: readonly ApparatusBlockExport[]): XmlOut {
  const back = el("back", {}, []);
  const stack: XmlOut[] = [back];
  const labelled = (label: string | null | undefined) => (label ? { corresp: `#${label}` } : {});
  for (const block of apparatus) {
    if (block.kind === "heading") {
      const level = block.headingLevel ?? 1;
      while (stack.length > Math.max(level, 1)) stack.pop();
      while (stack.length <= level) {
        const div = el("div", {}, []);
        stack.at(-1)!.children!.push(div);
        stack.push(div);
      }
      stack.at(-1)!.children!.push(el("head", labelled(block.label), [block.text]));
      continue;
    }
    if (stack.length === 1) {
      const div = el("div", { type: "apparatus" }, []);
      back.children!.push(div);
      stack.push(div);
    }
    const note = block.kind === "note" ? /^n(\S+)$/.exec(block.label ?? "") : null;
    const element =
      note ? el("note", { n: note[1] }, [block.text])
      : block.kind === "note" ? el("note", labelled(block.label), [block.text])
      : block.kind === "blockquote" ? el("quote", labelled(block.label), [block.text])
      : block.kind === "dateline" ? el("p", { type: "dateline", ...labelled(block.label) }, [block.text])
      : el("p", labelled(block.label), [block.text]);
    stack.at(-1)!.children!.push(element);
  }
  return back;
}

/** Whether any word link names the edition: then its words are written as `w` elements. */
function hasWordLinks(work: WorkExport, editionSlug: string): boolean {
  return (work.wordLinks ?? []).some((set) => set.editionA === editionSlug || set.editionB === editionSlug);
}

/** One `link` per word link between two chosen editions, pointing at the words in the editions' documents. */
function wordLinkElements(work: WorkExport, editions: readonly EditionExport[]): XmlOut[] {
  const chosen = new Set(editions.map((edition) => edition.slug));
  return (work.wordLinks ?? [])
    .filter((set) => chosen.has(set.editionA) && chosen.has(set.editionB))
    .flatMap((set) =>
      (set.links ? set.links.split(" ") : []).map((pair, k) => {
        const [i, j] = pair.split("-").map(Number);
        return el("link", {
          type: set.status,
          cert: set.p[k],
          target: `${teiEditionFileName(set.editionA)}#${wordXmlId(set.a, i)} ${teiEditionFileName(set.editionB)}#${wordXmlId(set.b, j)}`,
        });
      }),
    );
}

/** The document a line at a time (the export route streams it). */
export function teiEditionChunks(work: WorkExport, editionSlug: string): Iterable<string> {
  const edition = editionOf(work, editionSlug);
  const apparatus = edition.apparatus ?? [];
  return renderXmlChunks(
    el("TEI", { xmlns: TEI_NS, "xml:lang": edition.meta.language }, [
      editionHeader(edition),
      el("text", { "xml:lang": edition.meta.language }, [editionBody(edition, hasWordLinks(work, edition.slug)), ...(apparatus.length > 0 ? [apparatusBack(apparatus)] : [])]),
    ]),
  );
}

export function exportTeiEdition(work: WorkExport, editionSlug: string): string {
  return [...teiEditionChunks(work, editionSlug)].join("");
}

export function collectionHeader(work: Pick<WorkExport, "work">, title: string, sourceDesc: XmlOut, extra: XmlOut[] = []): XmlOut {
  return el("teiHeader", {}, [
    el("fileDesc", {}, [
      el("titleStmt", {}, [el("title", { type: "main" }, [title]), ...text("author", work.work.author)]),
      el("publicationStmt", {}, [el("authority", {}, ["Hexapla"]), el("idno", { type: "hexapla-work" }, [work.work.slug])]),
      sourceDesc,
    ]),
    ...extra,
  ]);
}

export function editionLabel(edition: Pick<EditionExport, "meta">): string {
  const meta = edition.meta;
  const details = [
    languageName(meta.language) ?? meta.language,
    meta.original
      ? "original"
      : meta.standsInForOriginal
        ? `stands in for the ${languageName(meta.language) ?? meta.language} original`
        : meta.translator
          ? `translated by ${meta.translator}`
          : "translation",
    meta.provenance === "working-translation" ? "working translation" : null,
    [meta.publisher, meta.place, meta.year].filter((v) => v != null).join(", ") || null,
  ].filter((v) => v != null);
  return `${meta.title} (${details.join("; ")})`;
}

/** The alignment file's list of the aligned editions, each pointing at its own TEI file. */
export function alignmentListBibl(editions: readonly Pick<EditionExport, "slug" | "meta">[]): XmlOut {
  return el(
    "listBibl",
    {},
    editions.map((edition) =>
      el("bibl", { "xml:id": editionXmlId(edition.slug), corresp: teiEditionFileName(edition.slug) }, [
        el("title", {}, [edition.meta.title]),
        el("idno", { type: "hexapla-edition" }, [edition.slug]),
        el("note", { type: "provenance", subtype: edition.meta.provenance }, [PROVENANCE_NOTES[edition.meta.provenance]]),
      ]),
    ),
  );
}

/** The alignment document's encodingDesc: the aligned editions' normalisation, when any was normalised. */
export function alignmentEncoding(editions: readonly Pick<EditionExport, "slug" | "normalisation">[]): XmlOut[] {
  const decl = normalisationDecl(editions, true);
  return decl.length > 0 ? [el("encodingDesc", {}, decl)] : [];
}

/** The parallel text's encodingDesc: parallel segmentation, and the editions' normalisation. */
export function parallelEncoding(editions: readonly Pick<EditionExport, "slug" | "normalisation">[]): XmlOut {
  return el("encodingDesc", {}, [el("variantEncoding", { method: "parallel-segmentation", location: "internal" }), ...normalisationDecl(editions, true)]);
}

/** The document a line at a time (the export route streams it). */
export function teiAlignmentChunks(work: WorkExport, editionSlugs?: readonly string[]): Iterable<string> {
  const editions = selectEditions(work, editionSlugs);
  const listBibl = alignmentListBibl(editions);
  const links = rowsInOrder(work).flatMap((row) => {
    const sides = editions.map((edition) => (row.cells[edition.slug] ?? []).map((id) => `${edition.slug}/${segmentXmlId(id)}`));
    if (sides.every((side) => side.length === 0)) return [];
    const targets = editions.flatMap((edition) =>
      (row.cells[edition.slug] ?? []).map((id) => `${teiEditionFileName(edition.slug)}#${segmentXmlId(id)}`),
    );
    return [
      el("link", {
        "xml:id": toXmlId(row.id, "r-"),
        n: row.position,
        type: row.status,
        cert: row.confidence,
        xtargets: sides.map((side) => side.join(" ")).join(";"),
        target: targets.length >= 2 ? targets.join(" ") : null,
      }),
    ];
  });
  const wordLinks = wordLinkElements(work, editions);
  return renderXmlChunks(
    el("TEI", { xmlns: TEI_NS }, [
      collectionHeader(work, `${work.work.title}: alignment of ${editions.map((e) => e.slug).join(", ")}`, el("sourceDesc", {}, [listBibl]), alignmentEncoding(editions)),
      el("standOff", {}, [
        el("linkGrp", { type: "alignment", n: editions.map((e) => e.slug).join(" ") }, links),
        ...(wordLinks.length > 0 ? [el("linkGrp", { type: "words", n: editions.map((e) => e.slug).join(" ") }, wordLinks)] : []),
      ]),
    ]),
  );
}

export function exportTeiAlignment(work: WorkExport, editionSlugs?: readonly string[]): string {
  return [...teiAlignmentChunks(work, editionSlugs)].join("");
}

/** The document a line at a time (the export route streams it). */
export function teiParallelChunks(work: WorkExport, editionSlugs?: readonly string[]): Iterable<string> {
  const editions = selectEditions(work, editionSlugs);
  const texts = new Map(editions.map((edition) => [edition.slug, segmentTexts(edition)]));
  const chosen = new Set(editions.map((e) => e.slug));
  const listWit = el(
    "listWit",
    {},
    editions.map((edition) => el("witness", { "xml:id": editionXmlId(edition.slug), "xml:lang": "en" }, [editionLabel(edition)])),
  );
  const rows = rowsInOrder(work).flatMap((row) => {
    const readings = editions.map((edition) => {
      const reading = cellTexts(row, edition, texts.get(edition.slug)!).join(" ");
      return el("rdg", { wit: `#${editionXmlId(edition.slug)}`, "xml:lang": edition.meta.language }, reading ? [reading] : []);
    });
    if (readings.every((rdg) => (rdg.children ?? []).length === 0)) return [];
    const notes = work.variants
      .filter((variant) => variant.rowId === row.id)
      .map((variant) => {
        const witnesses = variant.editionSlugs.filter((slug) => chosen.has(slug)).map((slug) => `#${editionXmlId(slug)}`);
        return el("note", { type: "variant", subtype: variant.category, target: witnesses.join(" ") || null }, variant.note ? [variant.note] : []);
      });
    return [
      el("ab", { "xml:id": toXmlId(row.id, "r-"), n: row.position, type: row.status }, [
        el("app", { cert: row.confidence }, [...readings, ...notes]),
      ]),
    ];
  });
  return renderXmlChunks(
    el("TEI", { xmlns: TEI_NS }, [
      collectionHeader(
        work,
        `${work.work.title}: parallel text of ${editions.map((e) => e.slug).join(", ")}`,
        el("sourceDesc", {}, [listWit]),
        [parallelEncoding(editions)],
      ),
      el("text", { "xml:lang": "mul" }, [el("body", {}, [el("div", { type: "alignment" }, rows)])]),
    ]),
  );
}

export function exportTeiParallel(work: WorkExport, editionSlugs?: readonly string[]): string {
  return [...teiParallelChunks(work, editionSlugs)].join("");
}
