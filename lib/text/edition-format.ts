/**
 * Parser of the project's plain-text edition format (docs/edition-format.md): front matter, blocks,
 * block attributes. Pure: it reads a string; `lib/import/read-edition-file.ts` resolves the side files.
 */
import {
  type BlockDoc,
  type BlockKind,
  completeRole,
  CORRECTION_KINDS,
  type CorrectionDoc,
  type CorrectionKind,
  type EditionMeta,
  EditionMetaSchema,
  ImportError,
  META_FIELD_OF_KEY,
} from "./edition-document";
import { assertBlockLength, assertLineCount, assertTextSize, SegmentBudget } from "./limits";
import { splitSentences } from "./sentences";

export interface ParsedEditionText {
  meta: EditionMeta;
  blocks: BlockDoc[];
  /** Side files named in the front matter, relative to the edition file. */
  apparatusFile: string | null;
  correctionsFile: string | null;
  /** The front-matter lines naming them, for errors about the side files. */
  sideFileLines: { apparatus: number | null; corrections: number | null };
}

const META_KEYS: Record<string, keyof EditionMeta | "apparatus" | "corrections"> = {
  ...META_FIELD_OF_KEY,
  apparatus: "apparatus",
  corrections: "corrections",
};

const REQUIRED_KEYS = ["work", "edition", "language", "title", "provenance", "original"];

interface Line {
  number: number;
  text: string;
}

function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, text: line }));
}

function parseFrontMatter(lines: Line[], file: string): { values: Map<string, { value: string; line: number }>; bodyStart: number } {
  if (lines[0]?.text.trim() !== "---") {
    throw new ImportError(file, 1, "the file must start with a front-matter line `---`");
  }
  const values = new Map<string, { value: string; line: number }>();
  for (let i = 1; i < lines.length; i++) {
    const { text, number } = lines[i];
    if (text.trim() === "---") return { values, bodyStart: i + 1 };
    if (!text.trim()) continue;
    const match = /^([a-z-]+):\s?(.*)$/.exec(text);
    if (!match) throw new ImportError(file, number, `front matter lines are \`key: value\`, found “${text.trim()}”`);
    const [, key, value] = match;
    if (!(key in META_KEYS)) {
      throw new ImportError(file, number, `unknown front-matter key “${key}” (known: ${Object.keys(META_KEYS).join(", ")})`);
    }
    if (values.has(key)) throw new ImportError(file, number, `front-matter key “${key}” appears twice`);
    values.set(key, { value: value.trim(), line: number });
  }
  throw new ImportError(file, lines[0].number, "the front matter that starts here is not closed by a line `---`");
}

function metaFromFrontMatter(values: Map<string, { value: string; line: number }>, file: string): EditionMeta {
  const text = (key: string) => values.get(key)?.value || null;
  const lineOf = (key: string) => values.get(key)?.line ?? 1;
  for (const key of REQUIRED_KEYS) {
    if (!text(key)) throw new ImportError(file, lineOf(key), `front matter: “${key}” is required`);
  }
  const original = text("original");
  if (original !== "true" && original !== "false") {
    throw new ImportError(file, lineOf("original"), "front matter: “original” must be true or false");
  }
  const year = text("year");
  if (year !== null && !/^\d{4}$/.test(year)) {
    throw new ImportError(file, lineOf("year"), `front matter: “year” must be four digits, found “${year}”`);
  }
  const standsInFor = text("stands-in-for");
  if (standsInFor !== null && standsInFor !== "original") {
    throw new ImportError(file, lineOf("stands-in-for"), `front matter: “stands-in-for” can only be “original” (or empty), found “${standsInFor}”`);
  }
  if (standsInFor !== null && original === "true") {
    throw new ImportError(file, lineOf("stands-in-for"), "front matter: an edition that stands in for the original is not the original: write “original: false”");
  }
  const titleOurs = text("title-ours");
  if (titleOurs !== null && titleOurs !== "true" && titleOurs !== "false") {
    throw new ImportError(file, lineOf("title-ours"), "front matter: “title-ours” must be true or false");
  }
  const candidate = {
    work: text("work"),
    workTitle: text("work-title"),
    author: text("author"),
    edition: text("edition"),
    language: text("language"),
    title: text("title"),
    translator: text("translator"),
    publisher: text("publisher"),
    place: text("place"),
    year: year === null ? null : Number(year),
    original: original === "true",
    provenance: text("provenance"),
    source: text("source"),
    standsInForOriginal: standsInFor === "original",
    editor: text("editor"),
    basedOn: text("based-on"),
    translatedFrom: text("translated-from"),
    made: text("made"),
    titleOurs: titleOurs === "true",
    departures: text("departures"),
  };
  const result = EditionMetaSchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue.path[0] ?? "");
    const key = Object.entries(META_KEYS).find(([, name]) => name === field)?.[0] ?? field;
    throw new ImportError(file, lineOf(key), `front matter: “${key}”: ${issue.message}`);
  }
  return completeRole(result.data);
}

function groupBlocks(lines: Line[]): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === "") {
      if (current.length) groups.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

const ATTRIBUTES = /^\{([^}]*)\}\s*/;

function parseAttributes(text: string, line: number, file: string): { labels: string[]; classes: string[]; rest: string } {
  const match = ATTRIBUTES.exec(text);
  if (!match) return { labels: [], classes: [], rest: text };
  const labels: string[] = [];
  const classes: string[] = [];
  for (const token of match[1].trim().split(/\s+/).filter(Boolean)) {
    if (/^#[\p{L}\p{N}_.:-]+$/u.test(token)) labels.push(token.slice(1));
    else if (/^\.(dateline|note)$/.test(token)) classes.push(token.slice(1));
    else throw new ImportError(file, line, `unknown block attribute “${token}” (use #label, .dateline or .note)`);
  }
  return { labels, classes, rest: text.slice(match[0].length) };
}

function parseBlock(group: Line[], language: string, file: string, budget: SegmentBudget): BlockDoc {
  const first = group[0];
  let kind: BlockKind = "paragraph";
  let level: number | null = null;
  let texts = group.map((line) => line.text.trim());
  const heading = /^(#{1,2})\s+/.exec(texts[0]);
  if (heading) {
    kind = "heading";
    level = heading[1].length;
    if (group.length > 1) throw new ImportError(file, group[1].number, "a heading must fit on one line");
    texts = [texts[0].slice(heading[0].length)];
  } else if (texts[0].startsWith(">")) {
    kind = "blockquote";
    texts = group.map((line) => {
      const trimmed = line.text.trim();
      if (!trimmed.startsWith(">")) {
        throw new ImportError(file, line.number, "every line of a block quotation must start with `>`");
      }
      return trimmed.replace(/^>\s?/, "");
    });
  }
  const { labels, classes, rest } = parseAttributes(texts[0], first.number, file);
  texts[0] = rest;
  if (classes.includes("dateline")) kind = "dateline";
  if (classes.includes("note")) kind = "note";
  const text = texts.join(" ").replace(/[ \t]+/g, " ").trim();
  assertBlockLength(text.length, file, first.number);
  if (!text) throw new ImportError(file, first.number, labels.length || classes.length ? "the block has attributes but no text" : "the block has no text");
  if (hasAttributes(text)) {
    const misplaced = Math.max(0, texts.findIndex((line) => /\{[#.]/.test(line)));
    throw new ImportError(file, group[misplaced].number, "block attributes must come first in a block, right after `#` or `>`");
  }
  const whole = kind === "heading" || kind === "dateline";
  const sentences = (whole ? [text] : splitSentences(text, language, budget.remaining)).map((sentence) => ({ text: sentence }));
  budget.add(sentences.length, file, first.number);
  return { kind, level, labels, line: first.number, sentences };
}

/** Whether `{#…}` or `{.…}` occurs in the text (what /\{[#.][^}]*\}/ finds, without rescanning from every brace). */
function hasAttributes(text: string): boolean {
  const open = /\{[#.]/.exec(text);
  return open != null && text.indexOf("}", open.index + 2) >= 0;
}

/**
 * Parses one edition file's text. Throws ImportError naming the file, line and reason. `budget` counts segments
 * over the edition and its side files.
 */
export function parseEditionText(text: string, file: string, budget = new SegmentBudget()): ParsedEditionText {
  if (text.includes("\u0000")) throw new ImportError(file, null, "the file is binary, not text");
  assertTextSize(text, file);
  assertLineCount(text, file);
  const lines = splitLines(text);
  const { values, bodyStart } = parseFrontMatter(lines, file);
  const meta = metaFromFrontMatter(values, file);
  const blocks = groupBlocks(lines.slice(bodyStart)).map((group) => parseBlock(group, meta.language, file, budget));
  if (!blocks.length) throw new ImportError(file, bodyStart, "the edition has no text after the front matter, which ends here");
  return {
    meta,
    blocks,
    apparatusFile: values.get("apparatus")?.value || null,
    correctionsFile: values.get("corrections")?.value || null,
    sideFileLines: { apparatus: values.get("apparatus")?.line ?? null, corrections: values.get("corrections")?.line ?? null },
  };
}

const CORRECTIONS_HEADER = "line\tkind\tbefore\tafter\treason";
/** The header of corrections files written before kinds were recorded; still read, every kind unknown. */
const CORRECTIONS_HEADER_WITHOUT_KIND = "line\tbefore\tafter\treason";

/**
 * Parses a corrections file: a header line, then `line<TAB>kind<TAB>before<TAB>after<TAB>reason` (kind: extraction,
 * emendation or markup), or the older `line<TAB>before<TAB>after<TAB>reason`. In the newer form a row that changes
 * nothing is refused.
 */
export function parseCorrections(text: string, file: string): CorrectionDoc[] {
  assertTextSize(text, file);
  assertLineCount(text, file);
  const lines = splitLines(text).filter((line) => line.text.trim());
  const header = lines[0];
  const headerText = header?.text.trim().toLowerCase();
  if (header && headerText !== CORRECTIONS_HEADER && headerText !== CORRECTIONS_HEADER_WITHOUT_KIND) {
    throw new ImportError(file, header.number, "the first line must be the header `line<TAB>kind<TAB>before<TAB>after<TAB>reason`");
  }
  const withKind = headerText === CORRECTIONS_HEADER;
  const names = withKind ? "line, kind, before, after, reason" : "line, before, after, reason";
  return lines.slice(1).map(({ text: row, number }) => {
    const fields = row.split("\t");
    if (fields.length !== (withKind ? 5 : 4)) {
      throw new ImportError(file, number, `a correction has ${withKind ? 5 : 4} tab-separated fields (${names}), found ${fields.length}`);
    }
    const [line, kind, before, after, reason] = withKind ? fields : [fields[0], null, ...fields.slice(1)];
    if (!/^\d+$/.test(line!.trim())) throw new ImportError(file, number, `the source line must be a number, found “${line}”`);
    if (kind !== null && !(CORRECTION_KINDS as readonly string[]).includes(kind.trim())) {
      throw new ImportError(file, number, `the kind must be one of ${CORRECTION_KINDS.join(", ")}, found “${kind}”`);
    }
    if (!reason!.trim()) throw new ImportError(file, number, "a correction needs a reason");
    if (withKind && before === after) throw new ImportError(file, number, "the correction changes nothing (before and after are the same): leave the row out");
    return { line: Number(line), kind: kind === null ? null : (kind.trim() as CorrectionKind), before: before!, after: after!, reason: reason!.trim() };
  });
}
