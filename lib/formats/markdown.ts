/**
 * Markdown edition importer. Reads ATX (`# `, `## `…) and setext headings, paragraphs, `> ` quotations (a `>` line
 * with nothing else splits a quotation into two blocks), optional front matter with the keys of the plain format,
 * and the plain format's leading block attributes (`{#p12}`, `{.dateline}`, `{.note}`). Thematic breaks are
 * dropped; inline markup (emphasis, links, code, HTML tags, backslash escapes) is reduced to its text; `[^6]`
 * references stay in the text and footnote definitions `[^6]: …` become apparatus notes labelled `n6`.
 * Paragraphs and quotations are split into sentences; headings and date lines are one segment each.
 */
import { type BlockDoc, type BlockKind, type EditionDocument, ImportError } from "../text/edition-document";
import { assertBlockLength, assertLineCount, assertTextSize, SegmentBudget } from "../text/limits";
import { inlineText } from "./markdown-inline";
import { splitSentences } from "../text/sentences";
import { assertDeclaredLanguage, completeMeta, languageSlug, parseFrontMatter, type MetaDefaults } from "./metadata";

interface RawBlock {
  kind: BlockKind;
  level: number | null;
  line: number;
  texts: string[];
  /** Footnote definition id (`[^6]: …`), whose block goes to the apparatus. */
  footnote?: string;
}

const ATX_OPENING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE_MARKER = /^ {0,3}>[ \t]?/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/;

export function parseMarkdownEdition(text: string, file: string, defaults?: MetaDefaults): EditionDocument {
  assertTextSize(text, file);
  assertLineCount(text, file);
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const frontMatter = parseFrontMatter(lines, file);
  const raw = scanBlocks(lines, frontMatter?.bodyStart ?? 0);
  assertDeclaredLanguage(frontMatter?.fields.language, defaults?.language, file, frontMatter?.lines.language ?? 1, "the front matter");
  const language = frontMatter?.fields.language ?? defaults?.language;

  const blocks: BlockDoc[] = [];
  const notes: BlockDoc[] = [];
  const budget = new SegmentBudget();
  for (const block of raw) {
    const doc = toBlockDoc(block, language ?? "und", file, budget.remaining);
    if (doc == null) continue;
    budget.add(doc.sentences.length, file, doc.line);
    (block.footnote ? notes : blocks).push(doc);
  }
  const firstHeading = blocks.find((block) => block.kind === "heading");
  const meta = completeMeta(
    frontMatter?.fields ?? {},
    defaults,
    { title: firstHeading?.sentences[0]?.text, edition: language ? languageSlug(language) : undefined },
    file,
    1,
  );
  if (blocks.length === 0) {
    throw new ImportError(file, (frontMatter?.bodyStart ?? 0) + 1, "the file has no text (no headings, paragraphs or quotations)");
  }
  return { meta, blocks, apparatus: notes.length > 0 ? { blocks: notes } : null, corrections: [] };
}

/**
 * Groups the body lines into blocks, following CommonMark's block rules for the constructs we read (including lazy
 * continuation: an unmarked line right after a quotation or footnote line continues it).
 */
function scanBlocks(lines: string[], start: number): RawBlock[] {
  const blocks: RawBlock[] = [];
  let current: RawBlock | null = null;
  const close = () => {
    if (current && current.texts.some((t) => t.trim() !== "")) blocks.push(current);
    current = null;
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    const open = current as RawBlock | null;
    if (line.trim() === "") {
      close();
      continue;
    }
    if (open?.footnote && /^(?: {2,}|\t)/.test(line)) {
      open.texts.push(line.trim());
      continue;
    }
    if (open?.kind === "paragraph" && !open.footnote && SETEXT_UNDERLINE.test(line)) {
      open.kind = "heading";
      open.level = line.trim().startsWith("=") ? 1 : 2;
      close();
      continue;
    }
    const heading = ATX_OPENING.exec(line);
    if (heading) {
      close();
      blocks.push({ kind: "heading", level: heading[1].length, line: lineNo, texts: [headingText(line.slice(heading[0].length))] });
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      close();
      continue;
    }
    if (QUOTE_MARKER.test(line)) {
      const content = withoutQuoteMarkers(line);
      if (open?.kind !== "blockquote") close();
      if (content.trim() === "") {
        close();
        continue;
      }
      const quote: RawBlock = current ?? (current = { kind: "blockquote", level: null, line: lineNo, texts: [] });
      quote.texts.push(content);
      continue;
    }
    const footnote = FOOTNOTE_DEFINITION.exec(line);
    if (footnote) {
      close();
      current = { kind: "note", level: null, line: lineNo, texts: [footnote[2]], footnote: footnote[1] };
      continue;
    }
    const paragraph: RawBlock = current ?? (current = { kind: "paragraph", level: null, line: lineNo, texts: [] });
    paragraph.texts.push(line.trim());
  }
  close();
  return blocks;
}

/**
 * An ATX heading's text: white space around it and a closing run of `#` (after a space or tab, or alone) removed.
 * Read from the end by hand: the regular expression for it backtracks quadratically over a long run of spaces.
 */
function headingText(rest: string): string {
  const text = rest.replace(/^[ \t]+/, "");
  let end = text.length;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === "#") hashes--;
  if (hashes < end && (hashes === 0 || text[hashes - 1] === " " || text[hashes - 1] === "\t")) end = hashes;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  return text.slice(0, end);
}

/** A quotation line's text without its `>` markers (nested quotations are read as one). */
function withoutQuoteMarkers(line: string): string {
  let at = 0;
  for (;;) {
    const marker = QUOTE_MARKER.exec(line.slice(at, at + 5));
    if (!marker) return line.slice(at);
    at += marker[0].length;
  }
}

const ATTRIBUTES = /^\{([^}]*)\}\s*/;

function toBlockDoc(block: RawBlock, language: string, file: string, maxSentences: number): BlockDoc | null {
  let kind = block.kind;
  let body = block.texts.map((t) => t.trim()).join(" ");
  assertBlockLength(body.length, file, block.line, kind === "heading" ? "heading" : "paragraph");
  const labels: string[] = block.footnote ? [`n${block.footnote}`] : [];
  const attributes = ATTRIBUTES.exec(body);
  if (attributes) {
    for (const token of attributes[1].trim().split(/\s+/).filter(Boolean)) {
      if (/^#[\p{L}\p{N}_.:-]+$/u.test(token)) labels.push(token.slice(1));
      else if (token === ".dateline") kind = "dateline";
      else if (token === ".note") kind = "note";
      else throw new ImportError(file, block.line, `unknown block attribute “${token}” (use #label, .dateline or .note)`);
    }
    body = body.slice(attributes[0].length);
  }
  const text = inlineText(body);
  if (text === "") return null;
  const whole = kind === "heading" || kind === "dateline";
  const sentences = whole ? [text] : splitSentences(text, language, maxSentences);
  return { kind, level: kind === "heading" ? block.level : null, labels, line: block.line, sentences: sentences.map((s) => ({ text: s })) };
}
