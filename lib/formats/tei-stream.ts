/**
 * The three TEI documents of tei-export.ts written while the work is read from an ExportSource (a page of segments
 * or rows at a time): the same bytes as tei-export.ts writes from a WorkExport in memory. Only an edition's blocks
 * up to the next one that is not a date line (to tell whether a date line ends its div) and its xml:ids (to refuse
 * a repeated one) are kept while writing.
 */
import type { EditionHead, ExportSource } from "./export-source";
import {
  alignmentEncoding,
  alignmentListBibl,
  apparatusBack,
  collectionHeader,
  editionHeader,
  editionLabel,
  editionXmlId,
  parallelEncoding,
  segmentXmlId,
  sentenceElements,
  spaced,
  TEI_NS,
  teiEditionFileName,
  wordXmlId,
  type Block,
} from "./tei-export";
import type { SegmentExport } from "./work-export";
import { el, renderXmlLines, toXmlId, type XmlOut } from "./xml-writer";
import { lazyEl, LazyNodes, nonEmpty, renderXmlStream, XmlLines } from "./xml-stream";

/** The editions named, in that order; all when `slugs` is omitted. */
export function selectHeads(source: ExportSource, slugs?: readonly string[]): EditionHead[] {
  if (slugs == null) return source.editions;
  return slugs.map((slug) => {
    const head = source.editions.find((edition) => edition.slug === slug);
    if (!head) throw new Error(`work ${source.work.slug} has no edition “${slug}”`);
    return head;
  });
}

async function* blocksOf(segments: AsyncIterable<SegmentExport>): AsyncGenerator<Block> {
  let current: (Block & { index: number }) | null = null;
  for await (const segment of segments) {
    if (current == null || current.index !== segment.blockIndex) {
      if (current) yield current;
      current = { index: segment.blockIndex, kind: segment.kind, level: segment.headingLevel ?? 1, segments: [] };
    }
    current.segments.push(segment);
  }
  if (current) yield current;
}

/** The `body` of an edition (nested divs opened by headings), as tei-export.ts's editionBody renders it. */
async function* bodyLines(blocks: AsyncIterable<Block>, edition: EditionHead, words: boolean, indent: string): AsyncGenerator<string> {
  const iterator = blocks[Symbol.asyncIterator]();
  const ahead: Block[] = [];
  let exhausted = false;
  const fill = async (count: number) => {
    while (ahead.length < count && !exhausted) {
      const next = await iterator.next();
      if (next.done) exhausted = true;
      else ahead.push(next.value);
    }
  };
  await fill(1);
  if (ahead.length === 0) {
    yield `${indent}<body/>\n`;
    return;
  }
  yield `${indent}<body>\n`;
  const at = (depth: number) => `${indent}${"  ".repeat(depth)}`;
  const ids = new Set<string>();
  /* The number of open elements, body included (the stack of editionBody). */
  let depth = 1;
  for (await fill(1); ahead.length > 0; await fill(1)) {
    const block = ahead.shift()!;
    if (block.kind === "heading") {
      while (depth > Math.max(block.level, 1)) yield `${at(--depth)}</div>\n`;
      while (depth <= block.level) yield `${at(depth++)}<div>\n`;
      yield [...renderXmlLines(el("head", {}, spaced(sentenceElements(block, ids, edition, words))), at(depth))].join("");
      continue;
    }
    if (depth === 1) yield `${at(depth++)}<div>\n`;
    const sentences = spaced(sentenceElements(block, ids, edition, words));
    let k = 0;
    for (await fill(1); k < ahead.length && ahead[k].kind === "dateline"; await fill(k + 1)) k += 1;
    const next = ahead[k];
    const endsDiv = next == null || (next.kind === "heading" && next.level < depth);
    const element =
      block.kind === "paragraph" ? el("p", {}, sentences)
      : block.kind === "blockquote" ? el("quote", {}, sentences)
      : block.kind === "note" ? el("note", { type: "editorial" }, sentences)
      : endsDiv ? el("dateline", {}, sentences)
      : el("p", { type: "dateline" }, sentences);
    yield [...renderXmlLines(element, at(depth))].join("");
  }
  while (depth > 1) yield `${at(--depth)}</div>\n`;
  yield `${indent}</body>\n`;
}

/** One edition as TEI (teiEditionChunks). */
export async function* teiEditionStream(source: ExportSource, editionSlug: string): AsyncGenerator<string> {
  const [edition] = selectHeads(source, [editionSlug]);
  const apparatus = (await source.apparatus(editionSlug)) ?? [];
  const words = await source.hasWordLinks(editionSlug);
  yield* renderXmlStream(
    lazyEl("TEI", { xmlns: TEI_NS, "xml:lang": edition.meta.language }, [
      editionHeader(edition),
      lazyEl("text", { "xml:lang": edition.meta.language }, [
        new XmlLines((indent) => bodyLines(blocksOf(source.segments(editionSlug)), edition, words, indent)),
        ...(apparatus.length > 0 ? [apparatusBack(apparatus)] : []),
      ]),
    ]),
  );
}

async function* wordLinkElements(source: ExportSource, editions: readonly EditionHead[]): AsyncGenerator<XmlOut> {
  for await (const set of source.wordLinks(editions.map((edition) => edition.slug))) {
    const pairs = set.links ? set.links.split(" ") : [];
    for (const [k, pair] of pairs.entries()) {
      const [i, j] = pair.split("-").map(Number);
      yield el("link", {
        type: set.status,
        cert: set.p[k],
        target: `${teiEditionFileName(set.editionA)}#${wordXmlId(set.a, i)} ${teiEditionFileName(set.editionB)}#${wordXmlId(set.b, j)}`,
      });
    }
  }
}

/** The alignment as stand-off links (teiAlignmentChunks). */
export async function* teiAlignmentStream(source: ExportSource, editionSlugs?: readonly string[]): AsyncGenerator<string> {
  const editions = selectHeads(source, editionSlugs);
  const slugs = editions.map((edition) => edition.slug);
  const listBibl = alignmentListBibl(editions);
  async function* links(): AsyncGenerator<XmlOut> {
    for await (const { row } of source.rows({ editions: slugs, texts: false })) {
      const sides = editions.map((edition) => (row.cells[edition.slug] ?? []).map((id) => `${edition.slug}/${segmentXmlId(id)}`));
      if (sides.every((side) => side.length === 0)) continue;
      const targets = editions.flatMap((edition) => (row.cells[edition.slug] ?? []).map((id) => `${teiEditionFileName(edition.slug)}#${segmentXmlId(id)}`));
      yield el("link", {
        "xml:id": toXmlId(row.id, "r-"),
        n: row.position,
        type: row.status,
        cert: row.confidence,
        xtargets: sides.map((side) => side.join(" ")).join(";"),
        target: targets.length >= 2 ? targets.join(" ") : null,
      });
    }
  }
  yield* renderXmlStream(
    lazyEl("TEI", { xmlns: TEI_NS }, [
      collectionHeader(source, `${source.work.title}: alignment of ${slugs.join(", ")}`, el("sourceDesc", {}, [listBibl]), alignmentEncoding(editions)),
      lazyEl("standOff", {}, [
        lazyEl("linkGrp", { type: "alignment", n: slugs.join(" ") }, [new LazyNodes(links())]),
        nonEmpty("linkGrp", { type: "words", n: slugs.join(" ") }, wordLinkElements(source, editions)),
      ]),
    ]),
  );
}

/** All editions in parallel segmentation (teiParallelChunks). */
export async function* teiParallelStream(source: ExportSource, editionSlugs?: readonly string[]): AsyncGenerator<string> {
  const editions = selectHeads(source, editionSlugs);
  const chosen = new Set(editions.map((edition) => edition.slug));
  const listWit = el(
    "listWit",
    {},
    editions.map((edition) => el("witness", { "xml:id": editionXmlId(edition.slug), "xml:lang": "en" }, [editionLabel(edition)])),
  );
  async function* rows(): AsyncGenerator<XmlOut> {
    for await (const { row, segments, variants } of source.rows({ editions: [...chosen], variants: true })) {
      const readings = editions.map((edition) => {
        const reading = (segments[edition.slug] ?? []).map((segment) => segment.text).join(" ");
        return el("rdg", { wit: `#${editionXmlId(edition.slug)}`, "xml:lang": edition.meta.language }, reading ? [reading] : []);
      });
      if (readings.every((rdg) => (rdg.children ?? []).length === 0)) continue;
      const notes = variants.map((variant) => {
        const witnesses = variant.editionSlugs.filter((slug) => chosen.has(slug)).map((slug) => `#${editionXmlId(slug)}`);
        return el("note", { type: "variant", subtype: variant.category, target: witnesses.join(" ") || null }, variant.note ? [variant.note] : []);
      });
      yield el("ab", { "xml:id": toXmlId(row.id, "r-"), n: row.position, type: row.status }, [el("app", { cert: row.confidence }, [...readings, ...notes])]);
    }
  }
  yield* renderXmlStream(
    lazyEl("TEI", { xmlns: TEI_NS }, [
      collectionHeader(source, `${source.work.title}: parallel text of ${editions.map((e) => e.slug).join(", ")}`, el("sourceDesc", {}, [listWit]), [parallelEncoding(editions)]),
      lazyEl("text", { "xml:lang": "mul" }, [lazyEl("body", {}, [lazyEl("div", { type: "alignment" }, [new LazyNodes(rows())])])]),
    ]),
  );
}
