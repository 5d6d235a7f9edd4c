/**
 * TEI P5 edition importer. The body's `div`/`head`/`p`/`ab`/`quote`/`q`/`cit`/`lg`/`dateline`/`note` become blocks
 * (heading level = `div` depth; `p`/`ab` with `type="dateline"` are date lines); `s` elements become sentences keeping
 * their `xml:id`, and text outside `s` is split with splitSentences. `q` and `quote` inside a paragraph keep their text
 * as written (TEI usually leaves quotation marks out of `q`; none are added). Inline `note`s leave a `[^n]` reference
 * in the text and go to the apparatus (labelled `n<n>`), as do `front` and `back` (where a `note n="3"` is labelled
 * `n3` too). A `corresp` attribute gives a block its correspondence labels. `fw`, `pb`, `cb`, `milestone`,
 * `figure`, `gap` and `del` are dropped; in `choice` the corrected/regularised/expanded reading is taken.
 * The teiHeader gives the metadata (see `readHeader`).
 */
import {
  type BlockDoc,
  type BlockKind,
  type EditionDocument,
  type EditionMeta,
  ImportError,
  MADE_PATTERN,
  type Provenance,
  PROVENANCES,
  type SentenceDoc,
} from "../text/edition-document";
import { assertBlockLength, assertSegmentCount, assertTextSize, MAX_IMPORT_SEGMENTS } from "../text/limits";
import { splitSentences } from "../text/sentences";
import { completeMeta, languageSlug, sameLanguage, type MetaDefaults } from "./metadata";
import { childElements, collapse, firstChild, isElement, parseXml, path, textContent, type XmlElement } from "./xml-tree";

export function parseTeiEdition(text: string, file: string, defaults?: MetaDefaults): EditionDocument {
  assertTextSize(text, file);
  const root = parseXml(text, file);
  if (root.local !== "TEI") {
    throw new ImportError(file, root.line, `not a TEI document: the root element is <${root.name}>, expected <TEI>`);
  }
  const textElement = firstChild(root, "text");
  const body = firstChild(textElement, "body");
  if (textElement == null || body == null) throw new ImportError(file, root.line, "the TEI document has no <text> with a <body>");

  const header = readHeader(firstChild(root, "teiHeader"));
  const language = resolveLanguage([body, textElement, root], header, defaults, file);

  const reader = new BodyReader(file, language ?? "und");
  const front = firstChild(textElement, "front");
  const back = firstChild(textElement, "back");
  if (front) reader.readContainer(front, 0, "apparatus");
  reader.readContainer(body, 0, "main");
  if (back) reader.readContainer(back, 0, "apparatus");
  if (reader.blocks.length === 0) throw new ImportError(file, body.line, "the TEI <body> holds no text");

  const firstHeading = reader.blocks.find((block) => block.kind === "heading");
  const meta = completeMeta(
    { ...header.meta, language },
    defaults,
    { title: firstHeading?.sentences[0]?.text, edition: language ? languageSlug(language) : undefined },
    file,
    root.line,
  );
  return {
    meta,
    blocks: reader.blocks,
    apparatus: reader.apparatus.length > 0 ? { blocks: reader.apparatus } : null,
    corrections: [],
  };
}

interface HeaderInfo {
  meta: Partial<EditionMeta>;
  /** Languages listed in profileDesc/langUsage, with the line of each `language` element. */
  declared: { ident: string; line: number }[];
}

/**
 * Metadata from the teiHeader: titleStmt `title` (type="main" or the first untyped one; type="uniform" is the
 * work's title), `author`, the translator (`editor role="translator"` or a `respStmt` whose `resp` mentions
 * translation); publisher, pubPlace and date from sourceDesc's `bibl`/`biblStruct` (the printed source), else from
 * publicationStmt; `idno type="hexapla-work|hexapla-edition"`; notesStmt notes of type provenance (subtype =
 * published|working-translation|imported), derivation (subtype = original|translation|stands-in-for-original),
 * source, based-on, translated-from, title (subtype = ours) and departures; an `editor` without a translator's
 * role is the edition's editor; profileDesc/creation/date (`when`, or `from`/`to`) says when the text was made.
 */
function readHeader(header: XmlElement | undefined): HeaderInfo {
  const fileDesc = firstChild(header, "fileDesc");
  const titleStmt = firstChild(fileDesc, "titleStmt");
  const publicationStmt = firstChild(fileDesc, "publicationStmt");
  const sourceDesc = firstChild(fileDesc, "sourceDesc");
  const bibl = firstChild(sourceDesc, "bibl") ?? path(sourceDesc, "biblStruct", "monogr");
  const imprint = firstChild(bibl, "imprint");
  const text = (element: XmlElement | undefined) => (element ? collapse(textContent(element)) || undefined : undefined);
  const firstText = (local: string, ...places: (XmlElement | undefined)[]) => {
    for (const place of places) {
      const found = place ? text(firstChild(place, local)) : undefined;
      if (found) return found;
    }
    return undefined;
  };

  const titles = titleStmt ? childElements(titleStmt, "title") : [];
  const mainTitle = titles.find((t) => t.attrs.type === "main") ?? titles.find((t) => t.attrs.type == null) ?? titles.find((t) => t.attrs.type !== "uniform");
  const workTitle = titles.find((t) => t.attrs.type === "uniform");
  const idno = (type: string) => text(publicationStmt ? childElements(publicationStmt, "idno").find((e) => e.attrs.type === type) : undefined);
  const notes = childElements(firstChild(fileDesc, "notesStmt") ?? emptyElement, "note");
  const note = (type: string) => notes.find((n) => n.attrs.type === type);
  const provenance = note("provenance")?.attrs.subtype;
  const derivation = note("derivation")?.attrs.subtype;
  const date = firstChild(bibl, "date") ?? firstChild(imprint, "date") ?? firstChild(publicationStmt, "date");
  const year = date ? yearOf(date.attrs.when ?? textContent(date)) : undefined;

  const made = path(header, "profileDesc", "creation");
  const madeDate = firstChild(made, "date");
  const madeValue = madeDate
    ? madeDate.attrs.when ?? (madeDate.attrs.from ? [madeDate.attrs.from, madeDate.attrs.to].filter(Boolean).join("/") : undefined)
    : undefined;
  const meta: Partial<EditionMeta> = {
    title: text(mainTitle),
    workTitle: text(workTitle),
    author: firstText("author", titleStmt, bibl),
    translator: translatorIn(titleStmt) ?? translatorIn(bibl),
    publisher: firstText("publisher", bibl, imprint, publicationStmt),
    place: firstText("pubPlace", bibl, imprint, publicationStmt),
    year,
    work: idno("hexapla-work"),
    edition: idno("hexapla-edition"),
    provenance: (PROVENANCES as readonly string[]).includes(provenance ?? "") ? (provenance as Provenance) : undefined,
    original: derivation === "original" ? true : derivation === "translation" || derivation === "stands-in-for-original" ? false : undefined,
    standsInForOriginal: derivation === "stands-in-for-original" ? true : undefined,
    source: text(note("source")),
    editor: editorIn(titleStmt) ?? editorIn(bibl),
    basedOn: text(note("based-on")),
    translatedFrom: text(note("translated-from")),
    made: madeValue && MADE_PATTERN.test(madeValue) ? madeValue : undefined,
    titleOurs: note("title")?.attrs.subtype === "ours" ? true : undefined,
    departures: text(note("departures")),
  };
  const langUsage = path(header, "profileDesc", "langUsage");
  const declared = (langUsage ? childElements(langUsage, "language") : [])
    .filter((l) => l.attrs.ident)
    .map((l) => ({ ident: l.attrs.ident, line: l.line }));
  return { meta, declared };
}

const emptyElement: XmlElement = { name: "", local: "", attrs: {}, children: [], line: 0 };

function yearOf(value: string): number | undefined {
  const match = /(?<!\d)([12]\d{3})(?!\d)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

const TRANSLATION_WORDS = /transl|tradu|перев|übersetz/i;

/** An `editor` that is not a translator. */
function editorIn(container: XmlElement | undefined): string | undefined {
  if (container == null) return undefined;
  const editor = childElements(container, "editor").find((e) => e.attrs.role !== "translator" && e.attrs.role !== "trl");
  return editor ? collapse(textContent(editor)) || undefined : undefined;
}

function translatorIn(container: XmlElement | undefined): string | undefined {
  if (container == null) return undefined;
  const editor = childElements(container, "editor").find((e) => e.attrs.role === "translator" || e.attrs.role === "trl");
  if (editor) return collapse(textContent(editor)) || undefined;
  for (const resp of childElements(container, "respStmt")) {
    const what = firstChild(resp, "resp");
    if (what == null || !TRANSLATION_WORDS.test(textContent(what))) continue;
    const names = childElements(resp).filter((e) => e.local !== "resp");
    const name = collapse(names.map((e) => textContent(e)).join(", "));
    if (name) return name;
  }
  return undefined;
}

/**
 * The body's language is the nearest `xml:lang` among body, text and TEI. It must agree with the declared language:
 * the caller's, else the single language of profileDesc/langUsage.
 */
function resolveLanguage(
  scopes: XmlElement[],
  header: HeaderInfo,
  defaults: MetaDefaults | undefined,
  file: string,
): string | undefined {
  const carrier = scopes.find((element) => element.attrs["xml:lang"]);
  const found = carrier?.attrs["xml:lang"];
  const fromHeader = header.declared.length === 1 ? header.declared[0] : undefined;
  const declared = defaults?.language
    ? { language: defaults.language, by: "the import form" }
    : fromHeader
      ? { language: fromHeader.ident, by: `<langUsage> on line ${fromHeader.line}` }
      : undefined;
  if (carrier && found && declared && !sameLanguage(found, declared.language)) {
    throw new ImportError(
      file,
      carrier.line,
      `xml:lang “${found}” on <${carrier.name}> contradicts the declared language “${declared.language}” (from ${declared.by})`,
    );
  }
  return found ?? declared?.language;
}

const DIVISIONS = new Set(["div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"]);
/** Containers whose children are blocks at the same division depth. */
const BLOCK_GROUPS = new Set(["opener", "closer", "postscript", "epigraph", "argument", "floatingText", "body", "front", "back"]);
const PARAGRAPHS = new Set(["p", "ab", "trailer", "byline", "salute", "signed", "docAuthor", "docTitle", "titlePart", "bibl"]);
const QUOTATIONS = new Set(["quote", "q", "said"]);
/** Elements whose content is not part of the running text. */
const DROPPED = new Set(["fw", "pb", "cb", "milestone", "figure", "gap", "del", "anchor", "index", "interp", "interpGrp", "link", "linkGrp", "ptr"]);

type Target = "main" | "apparatus";

class BodyReader {
  readonly blocks: BlockDoc[] = [];
  readonly apparatus: BlockDoc[] = [];
  private readonly ids = new Map<string, number>();
  private segments = 0;
  private autoNote = 0;

  constructor(
    private readonly file: string,
    private readonly language: string,
  ) {}

  readContainer(container: XmlElement, depth: number, target: Target): void {
    let loose = "";
    const flushLoose = () => {
      if (collapse(loose) !== "") this.addBlock(target, "paragraph", null, container, this.split(loose));
      loose = "";
    };
    for (const child of container.children) {
      if (!isElement(child)) {
        loose += child;
        continue;
      }
      flushLoose();
      this.readBlock(child, depth, target);
    }
    flushLoose();
  }

  private readBlock(element: XmlElement, depth: number, target: Target): void {
    const local = element.local;
    if (DIVISIONS.has(local)) this.readContainer(element, depth + 1, target);
    else if (BLOCK_GROUPS.has(local)) this.readContainer(element, depth, target);
    else if (local === "head") this.addBlock(target, "heading", Math.min(Math.max(depth, 1), 6), element, this.sentences(element, true));
    else if (PARAGRAPHS.has(local) && element.attrs.type === "dateline") this.addBlock(target, "dateline", null, element, this.sentences(element, true));
    else if (PARAGRAPHS.has(local)) this.addBlock(target, "paragraph", null, element, this.sentences(element, false));
    else if (local === "dateline") this.addBlock(target, "dateline", null, element, this.sentences(element, true));
    else if (local === "note") this.addBlock(target, "note", null, element, this.sentences(element, false), element.attrs.n ? [`n${element.attrs.n}`] : []);
    else if (local === "s") this.addBlock(target, "paragraph", null, element, this.sentences({ ...element, children: [element] }, false));
    else if (QUOTATIONS.has(local)) this.readQuotation(element, target);
    else if (local === "cit") {
      for (const part of childElements(element)) {
        if (QUOTATIONS.has(part.local)) this.readQuotation(part, target);
        else this.readBlock(part, depth, target);
      }
    } else if (local === "lg") this.addBlock(target, "paragraph", null, element, this.verseLines(element));
    else if (local === "list") {
      for (const item of childElements(element, "item")) this.addBlock(target, "paragraph", null, item, this.sentences(item, false));
    } else if (!DROPPED.has(local)) this.readContainer(element, depth, target);
  }

  private readQuotation(element: XmlElement, target: Target): void {
    const parts = childElements(element).filter((e) => PARAGRAPHS.has(e.local) || e.local === "lg");
    if (parts.length === 0) {
      this.addBlock(target, "blockquote", null, element, this.sentences(element, false));
      return;
    }
    for (const part of parts) {
      const sentences = part.local === "lg" ? this.verseLines(part) : this.sentences(part, false);
      this.addBlock(target, "blockquote", null, part, sentences);
    }
  }

  private verseLines(lg: XmlElement): SentenceDoc[] {
    return childElements(lg, "l").flatMap((l) => this.sentences(l, true));
  }

  private addBlock(target: Target, kind: BlockKind, level: number | null, element: XmlElement, sentences: SentenceDoc[], extraLabels: string[] = []): void {
    if (sentences.length === 0) return;
    this.segments += sentences.length;
    assertSegmentCount(this.segments, this.file, element.line);
    const corresp = (element.attrs.corresp ?? "").split(/\s+/).filter(Boolean).map((ref) => ref.replace(/^#/, ""));
    const labels = [...extraLabels, ...corresp];
    (target === "main" ? this.blocks : this.apparatus).push({ kind, level, labels, line: element.line, sentences });
  }

  private split(text: string): SentenceDoc[] {
    return splitSentences(text, this.language, MAX_IMPORT_SEGMENTS - this.segments).map((sentence) => ({ text: sentence }));
  }

  /**
   * The sentences of a block: each `s` is one (with its xml:id); text between them is split into sentences, except
   * that note references alone are attached to the preceding sentence. `whole` keeps unmarked text as one sentence.
   */
  private sentences(block: XmlElement, whole: boolean): SentenceDoc[] {
    const result: SentenceDoc[] = [];
    let loose = "";
    const flush = () => {
      const text = collapse(loose);
      loose = "";
      if (text === "") return;
      assertBlockLength(text.length, this.file, block.line);
      if (/^(?:\[\^[^\]]+\]\s*)+$/.test(text) && result.length > 0) {
        result[result.length - 1].text += text.replace(/[ \t\r\n]+/g, "");
        return;
      }
      result.push(...(whole ? [{ text }] : this.split(text)));
    };
    const walk = (element: XmlElement) => {
      for (const child of element.children) {
        if (!isElement(child)) loose += child;
        else if (child.local === "s") {
          flush();
          const text = collapse(this.inline(child));
          assertBlockLength(text.length, this.file, child.line, "sentence");
          if (text !== "") result.push({ text, xmlId: this.identity(child) });
        } else if (containsSentence(child)) walk(child);
        else loose += this.inline(child);
      }
    };
    walk(block);
    flush();
    return result;
  }

  private identity(s: XmlElement): string | null {
    const id = s.attrs["xml:id"];
    if (id == null) return null;
    const previous = this.ids.get(id);
    if (previous != null) throw new ImportError(this.file, s.line, `duplicate xml:id “${id}” (first used on line ${previous})`);
    this.ids.set(id, s.line);
    return id;
  }

  /** Running text of an inline element; a nested `note` becomes a `[^n]` reference and an apparatus note. */
  private inline(element: XmlElement): string {
    if (element.local === "note") return this.footnote(element);
    if (element.local === "lb") return element.attrs.break === "no" ? "" : " ";
    if (DROPPED.has(element.local)) return "";
    if (element.local === "choice") {
      const preferred = ["corr", "reg", "expan"].map((local) => firstChild(element, local)).find((e) => e != null);
      const reading = preferred ?? childElements(element)[0];
      return reading ? this.inline(reading) : "";
    }
    let text = "";
    for (const child of element.children) text += isElement(child) ? this.inline(child) : child;
    return text;
  }

  private footnote(note: XmlElement): string {
    this.autoNote += 1;
    const number = note.attrs.n ?? String(this.autoNote);
    const sentences = this.sentences(note, false);
    if (sentences.length > 0) {
      this.segments += sentences.length;
      assertSegmentCount(this.segments, this.file, note.line);
      this.apparatus.push({ kind: "note", level: null, labels: [`n${number}`], line: note.line, sentences });
    }
    return `[^${number}]`;
  }
}

function containsSentence(element: XmlElement): boolean {
  return element.local !== "note" && element.children.some((child) => isElement(child) && (child.local === "s" || containsSentence(child)));
}
