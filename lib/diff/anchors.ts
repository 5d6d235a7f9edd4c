/**
 * Anchors: the parts of a passage that should survive any faithful
 * translation — numbers, years and dates, proper names, quotations and
 * parenthetical passages. Comparing the anchors of the editions of one row
 * points at omissions and additions without understanding the languages.
 *
 * Keys are language-independent: "number:5000", "date:1936" (a year),
 * "date:1936-08", "date:1928-05-26", "date:--05-26" (no year), "month:8",
 * "name:<nameKey>", "quote:<n>" and "paren:<n>" (the n-th quotation or
 * parenthesis of the text, so that a missing one shows as a missing ordinal).
 * Only quotations of five words or more are anchors, and a quotation
 * interrupted by a short attribution (“…,” he said, “…”) counts once, so
 * that titles, terms and typographic habits do not pass for omissions. A
 * quotation is missing from a cell only when the cell has fewer quotations of
 * even two words: Russian and Italian say in four words what English says in
 * five («голая жажда власти», “the naked thirst for power”). Note references
 * ([^6]) are not anchors.
 */
import { nameKeyCandidates, nameKeysMatch, primaryLanguage } from "../text/name-key";
import { splitNoteRefs } from "../text/note-refs";
import { diffTokens, type Token } from "../text/tokens";
import { isAmbiguousMonth, monthNeedsCapital, monthOf } from "./months";
import { isNameStopword } from "./name-stopwords";

export type AnchorKind = "number" | "date" | "month" | "name" | "quote" | "paren";

export interface Anchor {
  kind: AnchorKind;
  key: string;
  /** The text the anchor was found in (for names, the word as written). */
  text: string;
  /** Offsets into the source text, end exclusive (UTF-16 code units). */
  start: number;
  end: number;
}

export interface ExtractOptions {
  /** Name keys known from elsewhere (other editions); a capitalised sentence-initial word with such a key is a name. */
  knownNameKeys?: Iterable<string>;
}

/** Words between a day, a month and a year: "26 de mayo de 1928", "26th of May", "26-го мая 1928 года". */
const DATE_CONNECTORS = new Set(["de", "del", "of", "the", "di", "du", "го", "е", "ое", "года", "году", "год", "г"]);

/**
 * A name is reported missing only when at least this many editions carry it,
 * in at least two languages when the row has several: a capitalised word found
 * in one edition alone, or only in the editions of one language, is far more
 * often a translated institution or title word (État, Stato, Коминтерна, the
 * title case of an English heading) than a name.
 */
const MIN_NAME_EDITIONS = 2;

/** Shorter capitalised words are articles and pronouns far more often than names (La, Mi, Не). */
const MIN_NAME_LETTERS = 3;

/** Abbreviations after which a full stop does not end the sentence. */
const ABBREVIATIONS = new Set(["mr", "mrs", "dr", "st", "m", "mme", "tov", "тов", "gen", "ген", "sig", "sr", "sra", "cf", "p", "pp", "с", "стр", "т"]);

const NUMBER = /^(\d+(?:[.,\u00a0\u202f\u2009 ]\d+)*)(\p{L}*)$/u;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;

interface ParsedNumber {
  value: string;
  /** A plain integer without grouping separators (a possible day or year). */
  plain: boolean;
}

interface Word {
  token: Token;
  /** Index of the token in the token list. */
  at: number;
}

/** "5,000", "5 000", "5.000" → 5000; "3,14" / "3.14" → 3.14; "1.234,56" → 1234.56. */
export function parseNumber(text: string): ParsedNumber | null {
  const match = NUMBER.exec(text);
  if (!match) return null;
  const groups = match[1].split(/[.,\u00a0\u202f\u2009 ]/);
  const separators = match[1].match(/[.,\u00a0\u202f\u2009 ]/g) ?? [];
  const strip = (digits: string) => digits.replace(/^0+(?=\d)/, "");
  if (groups.length === 1) return { value: strip(groups[0]), plain: true };
  const last = separators[separators.length - 1];
  const earlierDiffer = separators.slice(0, -1).some((sep) => sep !== last);
  const thousands = groups[0].length <= 3 && groups.slice(1).every((group) => group.length === 3);
  const decimalLast = /[.,]/.test(last) && (earlierDiffer || (!thousands && groups.length === 2));
  if (decimalLast) {
    const fraction = groups[groups.length - 1].replace(/0+$/, "");
    const integer = strip(groups.slice(0, -1).join(""));
    return { value: fraction ? `${integer}.${fraction}` : integer, plain: false };
  }
  return { value: strip(groups.join("")), plain: false };
}

function isYear(parsed: ParsedNumber | null): parsed is ParsedNumber {
  return !!parsed && parsed.plain && /^\d{4}$/.test(parsed.value) && +parsed.value >= 1000 && +parsed.value <= 2099;
}

function isDay(parsed: ParsedNumber | null): parsed is ParsedNumber {
  return !!parsed && parsed.plain && +parsed.value >= 1 && +parsed.value <= 31;
}

const pad = (n: number | string) => String(n).padStart(2, "0");

class TokenView {
  readonly words: Word[];
  constructor(readonly tokens: Token[]) {
    this.words = tokens.flatMap((token, at) => (token.isWordLike ? [{ token, at }] : []));
  }

  /** Only spaces (no line break), commas, hyphens and degree-style ordinal signs between words `left` and `right` (left < right). */
  private adjacent(left: number, right: number): boolean {
    for (let at = this.words[left].at + 1; at < this.words[right].at; at++) {
      const { kind, text } = this.tokens[at];
      if (kind === "space" ? /\n/.test(text) : !/^[,\-–°º]$/.test(text)) return false;
    }
    return true;
  }

  private linked(a: number, b: number): boolean {
    return a < b ? this.adjacent(a, b) : this.adjacent(b, a);
  }

  /** Nearest word before/after word number `index`, stepping over at most one date connector. */
  neighbour(index: number, step: 1 | -1): number | null {
    const next = index + step;
    if (!this.words[next] || !this.linked(index, next)) return null;
    const beyond = next + step;
    const isConnector = DATE_CONNECTORS.has(this.words[next].token.text.toLowerCase());
    if (isConnector && this.words[beyond] && this.linked(next, beyond)) return beyond;
    return next;
  }

  /**
   * True when the token at `at` begins the text, a line, a sentence or a
   * quotation or parenthesis (titles and quotations start with a capital).
   * A sentence ends at . ! ? or … unless an initial or abbreviation precedes
   * it; a colon followed by a dash opens a line of dialogue. An opening
   * quotation mark must touch the word (“Lenin), except guillemets, which
   * French spaces (« Lénine).
   */
  startsSentence(at: number): boolean {
    const touching = this.tokens[at - 1];
    if (touching && touching.kind === "punct" && /[“„‘"(\[]$/.test(touching.text)) return true;
    let sentenceEnd = false;
    let colon = false;
    let dash = false;
    let i = at - 1;
    for (; i >= 0 && this.tokens[i].kind !== "word"; i--) {
      const { kind, text } = this.tokens[i];
      if (kind === "space") {
        if (/\n/.test(text)) return true;
        continue;
      }
      if (/[«‹]/.test(text) && !sentenceEnd && !colon && !dash) return true;
      if (/[.!?…]/.test(text)) sentenceEnd = true;
      if (text.includes(":")) colon = true;
      if (/[—–]/.test(text)) dash = true;
    }
    if (i < 0) return true;
    if (sentenceEnd) {
      const word = this.tokens[i].text;
      return !(word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()));
    }
    return colon && dash;
  }
}

function dateAnchors(view: TokenView, text: string, lang: string, consumed: Set<number>): Anchor[] {
  const anchors: Anchor[] = [];
  view.words.forEach((word, index) => {
    const month = monthOf(word.token.text, lang);
    if (!month) return;
    if (monthNeedsCapital(lang) && !/^\p{Lu}/u.test(word.token.text)) return;
    const numberAt = (i: number | null) => (i === null ? null : parseNumber(view.words[i].token.text));

    let first = index;
    let last = index;
    let day: string | null = null;
    let year: string | null = null;
    const before = view.neighbour(index, -1);
    if (before !== null && !consumed.has(before) && isDay(numberAt(before))) {
      day = numberAt(before)!.value;
      first = before;
    }
    let after = view.neighbour(index, 1);
    if (!day && after !== null && isDay(numberAt(after)) && !isYear(numberAt(after))) {
      day = numberAt(after)!.value;
      last = after;
      after = view.neighbour(after, 1);
    }
    if (after !== null && isYear(numberAt(after))) {
      year = numberAt(after)!.value;
      last = after;
    }
    if (!day && !year && isAmbiguousMonth(word.token.text, lang)) return;

    for (let i = first; i <= last; i++) consumed.add(i);
    const start = view.words[first].token.index;
    const end = view.words[last].token.index + view.words[last].token.text.length;
    const key = year && day ? `date:${year}-${pad(month)}-${pad(day)}` : year ? `date:${year}-${pad(month)}` : day ? `date:--${pad(month)}-${pad(day)}` : `month:${month}`;
    anchors.push({ kind: day || year ? "date" : "month", key, text: text.slice(start, end), start, end });
  });
  return anchors;
}

const GROUP_SPACE = /^[ \u00a0\u202f\u2009]$/;

/** Index of the last word of a number written with space groups ("5 000 000"), starting at `index`. */
function spaceGroupedEnd(view: TokenView, index: number, consumed: Set<number>): number {
  let last = index;
  if (!/^\d{1,3}$/.test(view.words[index].token.text)) return last;
  for (;;) {
    const next = view.words[last + 1];
    if (!next || consumed.has(last + 1) || !/^\d{3}$/.test(next.token.text)) return last;
    const gap = view.tokens.slice(view.words[last].at + 1, next.at);
    if (gap.length !== 1 || !GROUP_SPACE.test(gap[0].text)) return last;
    last++;
  }
}

function numberAnchors(view: TokenView, text: string, consumed: Set<number>): Anchor[] {
  const anchors: Anchor[] = [];
  for (let index = 0; index < view.words.length; index++) {
    if (consumed.has(index)) continue;
    const lastIndex = spaceGroupedEnd(view, index, consumed);
    const start = view.words[index].token.index;
    const lastToken = view.words[lastIndex].token;
    const end = lastToken.index + lastToken.text.length;
    const parsed = parseNumber(text.slice(start, end));
    if (!parsed) continue;
    const kind = isYear(parsed) ? "date" : "number";
    anchors.push({ kind, key: `${kind}:${parsed.value}`, text: text.slice(start, end), start, end });
    for (let i = index; i <= lastIndex; i++) consumed.add(i);
    index = lastIndex;
    const closing = kind === "date" ? abbreviatedRangeEnd(view, index, Number(parsed.value)) : null;
    if (closing && !consumed.has(closing.index)) {
      anchors.push({ kind: "date", key: `date:${closing.year}`, text: text.slice(closing.start, closing.end), start: closing.start, end: closing.end });
      consumed.add(closing.index);
      index = closing.index;
    }
  }
  return anchors;
}

/** The closing year of a range written short, "1923-26" or "1923–26" (1926): the word after a dash after a year. */
function abbreviatedRangeEnd(view: TokenView, index: number, firstYear: number): { index: number; year: number; start: number; end: number } | null {
  const next = view.words[index + 1];
  if (!next || !/^\d{2}$/.test(next.token.text)) return null;
  const gap = view.tokens.slice(view.words[index].at + 1, next.at);
  if (gap.length !== 1 || !/^[-–‐‑]$/.test(gap[0].text)) return null;
  const year = Math.floor(firstYear / 100) * 100 + Number(next.token.text);
  if (year <= firstYear) return null;
  return { index: index + 1, year, start: next.token.index, end: next.token.index + next.token.text.length };
}

function isNameShaped(word: string, lang: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  if ((word.match(/\p{L}/gu) ?? []).length < MIN_NAME_LETTERS) return false;
  if (ROMAN_NUMERAL.test(word)) return false;
  if (isNameStopword(word.replace(/['’]$/, ""), lang)) return false;
  return monthOf(word, lang) === null;
}

/** A name anchor with the keys it can match under (`nameKeyCandidates`). */
interface NameEntry {
  anchor: Anchor;
  keys: string[];
}

interface NameScan {
  /** Capitalised words inside a sentence: names. */
  names: NameEntry[];
  /** Capitalised words opening a sentence: names only if the name is attested elsewhere. */
  initials: NameEntry[];
}

function scanNames(view: TokenView, lang: string, consumed: Set<number>): NameScan {
  const scan: NameScan = { names: [], initials: [] };
  view.words.forEach((word, index) => {
    const text = word.token.text.replace(/['’]s$/, "");
    if (consumed.has(index) || !isNameShaped(text, lang)) return;
    const keys = nameKeyCandidates(text, lang);
    if (keys.length === 0) return;
    const start = word.token.index;
    const entry = { anchor: { kind: "name" as const, key: `name:${keys[0]}`, text, start, end: start + text.length }, keys };
    (view.startsSentence(word.at) ? scan.initials : scan.names).push(entry);
  });
  return scan;
}

const matchesAny = (keys: string[], others: Iterable<string>) => [...others].some((other) => keys.some((key) => nameKeysMatch(key, other)));

const byPosition = (a: Anchor, b: Anchor) => a.start - b.start || a.end - b.end;

interface Extraction {
  anchors: Anchor[];
  names: NameScan;
  /** Quotations of at least QUOTE_LOOSE_MIN_WORDS words. */
  looseQuotes: number;
}

/** The text with each note reference ([^6]) blanked out, so that offsets stay those of the text. */
function maskNoteRefs(text: string): string {
  if (!text.includes("[^")) return text;
  return splitNoteRefs(text)
    .map((part) => (part.kind === "text" ? part.text : " ".repeat(part.label.length + 3)))
    .join("");
}

function extract(text: string, lang: string): Extraction {
  const masked = maskNoteRefs(text);
  const view = new TokenView(diffTokens(masked, lang));
  const consumed = new Set<number>();
  const quotations = quotationRuns(masked);
  const anchors = [
    ...dateAnchors(view, masked, lang, consumed),
    ...numberAnchors(view, masked, consumed),
    ...quoteAnchors(masked, quotations),
    ...parenAnchors(masked),
  ]
    .map((anchor) => ({ ...anchor, text: text.slice(anchor.start, anchor.end) }))
    .sort(byPosition);
  const looseQuotes = quotations.filter((span) => wordCount(masked.slice(span.start, span.end)) >= QUOTE_LOOSE_MIN_WORDS).length;
  return { anchors, names: scanNames(view, lang, consumed), looseQuotes };
}

/**
 * All anchors of `text`, ordered by position. A capitalised word opening a
 * sentence is a name only when its key matches a name found inside a
 * sentence of the same text or one of `knownNameKeys`.
 */
export function extractAnchors(text: string, lang: string, options: ExtractOptions = {}): Anchor[] {
  const { anchors, names } = extract(text, lang);
  const known = [...(options.knownNameKeys ?? []), ...names.names.flatMap((entry) => entry.keys)];
  const promoted = names.initials.filter((entry) => matchesAny(entry.keys, known));
  return [...anchors, ...[...names.names, ...promoted].map((entry) => entry.anchor)].sort(byPosition);
}

const QUOTE_CLOSERS: Record<string, string> = { "«": "»", "„": "“”", "“": "”", "‘": "’", '"': '"' };

/** Shorter quotations are mostly titles and terms («идеи», “thirst”), which editions quote inconsistently. */
const QUOTE_MIN_WORDS = 5;
/** A cell with this many quotations of two words or more is not missing the n-th long quotation of another cell. */
const QUOTE_LOOSE_MIN_WORDS = 2;
/** “…,” Kamenev said to me, “…” is one quotation: an attribution of up to this many words joins two quotes. */
const MAX_INTERRUPTION_WORDS = 6;

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

interface Span {
  start: number;
  end: number;
}

/** Top-level quotations; an unclosed one runs to the end of the text (a quotation continuing in the next row). */
function quotationSpans(text: string): Span[] {
  const spans: Span[] = [];
  const stack: string[] = [];
  let openedAt = 0;
  const isLetter = (ch: string | undefined) => !!ch && /\p{L}/u.test(ch);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const expected = stack[stack.length - 1];
    if (expected?.includes(ch) && !(ch === "’" && isLetter(text[i + 1]))) {
      stack.pop();
      if (stack.length === 0) spans.push({ start: openedAt, end: i + 1 });
      continue;
    }
    if (!(ch in QUOTE_CLOSERS) || (ch === "‘" && isLetter(text[i - 1]))) continue;
    if (stack.length === 0) openedAt = i;
    stack.push(QUOTE_CLOSERS[ch]);
  }
  if (stack.length > 0) spans.push({ start: openedAt, end: text.length });
  return spans;
}

/**
 * Quotations, a quotation interrupted by a short attribution counting once.
 * An attribution is a gap of a few words, without a full stop, set off by
 * commas or dashes: “…,” he said, “…” or «…», — сказал он, — «…».
 */
function quotationRuns(text: string): Span[] {
  const merged: Span[] = [];
  for (const span of quotationSpans(text)) {
    const previous = merged[merged.length - 1];
    const gap = previous ? text.slice(previous.end, span.start) : "";
    const attribution =
      previous &&
      (/[,—–]\s*\S?$/.test(text.slice(previous.start, previous.end)) || /^\s*[,—–]/.test(gap)) &&
      /[,:—–]\s*$/.test(gap) &&
      wordCount(gap) >= 1 &&
      wordCount(gap) <= MAX_INTERRUPTION_WORDS &&
      !/[.!?…]/.test(gap);
    if (attribution) previous.end = span.end;
    else merged.push({ ...span });
  }
  return merged;
}

/** Quotations of at least QUOTE_MIN_WORDS words. */
function quoteAnchors(text: string, quotations: Span[]): Anchor[] {
  return quotations
    .filter((span) => wordCount(text.slice(span.start, span.end)) >= QUOTE_MIN_WORDS)
    .map((span, i) => ({ kind: "quote", key: `quote:${i + 1}`, text: text.slice(span.start, span.end), start: span.start, end: span.end }));
}

function parenAnchors(text: string): Anchor[] {
  const anchors: Anchor[] = [];
  let depth = 0;
  let openedAt = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") {
      if (depth === 0) openedAt = i;
      depth++;
    } else if ((ch === ")" || ch === "]") && depth > 0) {
      depth--;
      if (depth === 0) anchors.push({ kind: "paren", key: `paren:${anchors.length + 1}`, text: text.slice(openedAt, i + 1), start: openedAt, end: i + 1 });
    }
  }
  return anchors;
}

export interface RowCell {
  editionId: string;
  lang: string;
  text: string;
}

export interface AnchorDifference {
  key: string;
  kind: AnchorKind;
  /** The anchor as written in the first edition that has it. */
  text: string;
  presentIn: string[];
  missingIn: string[];
}

/** Keys an anchor vouches for: a full date also attests its month, its year and the year as a number. */
export function impliedKeys(anchor: Pick<Anchor, "key">): string[] {
  const [kind, value] = [anchor.key.slice(0, anchor.key.indexOf(":")), anchor.key.slice(anchor.key.indexOf(":") + 1)];
  if (kind === "date") {
    const full = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
    const yearless = /^--(\d{2})-(\d{2})$/.exec(value);
    if (full) {
      const [, year, month, day] = full;
      const keys = [anchor.key, `date:${year}-${month}`, `date:${year}`, `number:${year}`, `month:${+month}`];
      if (day) keys.push(`date:--${month}-${day}`);
      return [...new Set(keys)];
    }
    if (yearless) return [anchor.key, `month:${+yearless[1]}`];
    return [anchor.key, `number:${value}`];
  }
  if (kind === "number" && /^\d{4}$/.test(value) && +value >= 1000 && +value <= 2099) return [anchor.key, `date:${value}`];
  if (kind === "quote" || kind === "paren") return Array.from({ length: +value }, (_, i) => `${kind}:${i + 1}`);
  return [anchor.key];
}

interface NameCluster {
  /** Primary keys of the member anchors, first one reported. */
  keys: string[];
  /** Every candidate key of the members, used for matching. */
  candidates: Set<string>;
  text: string;
}

function wordKeySets(cell: RowCell): string[][] {
  return diffTokens(cell.text, cell.lang)
    .filter((token) => token.isWordLike && /\p{L}/u.test(token.text))
    .map((token) => nameKeyCandidates(token.text, cell.lang));
}

function mentionsName(wordKeys: string[][], cluster: NameCluster): boolean {
  return wordKeys.some((candidates) =>
    candidates.some((candidate) =>
      [...cluster.candidates].some((key) => nameKeysMatch(candidate, key) || (key.length >= 5 && candidate.startsWith(key))),
    ),
  );
}

/**
 * Sentence-initial capitalised words accepted as names for the row: those
 * matching a name found inside a sentence in any cell, or a sentence-initial
 * word of a cell in the other script (Cyrillic/Latin), or of two other cells
 * when the key has four letters or more. Function words rarely agree across
 * three languages or across scripts; names do.
 */
function acceptedInitials(cells: RowCell[], scans: NameScan[]): NameEntry[][] {
  const inner = scans.flatMap((scan) => scan.names.flatMap((entry) => entry.keys));
  const cyrillic = cells.map((cell) => /\p{Script=Cyrillic}/u.test(cell.text));
  return scans.map((scan, i) =>
    scan.initials.filter((entry) => {
      if (matchesAny(entry.keys, inner)) return true;
      const agreeing = scans
        .map((other, j) => (j !== i && other.initials.some((o) => matchesAny(entry.keys, o.keys)) ? j : -1))
        .filter((j) => j >= 0);
      return agreeing.some((j) => cyrillic[j] !== cyrillic[i]) || (agreeing.length >= 2 && entry.keys[0].length >= 4);
    }),
  );
}

function clusterNames(entriesByCell: NameEntry[][]): { clusters: NameCluster[]; clusterOf: Map<NameEntry, NameCluster> } {
  const clusters: NameCluster[] = [];
  const clusterOf = new Map<NameEntry, NameCluster>();
  for (const entry of entriesByCell.flat()) {
    let cluster = clusters.find((c) => matchesAny(entry.keys, c.candidates));
    if (!cluster) {
      cluster = { keys: [], candidates: new Set(), text: entry.anchor.text };
      clusters.push(cluster);
    }
    if (!cluster.keys.includes(entry.keys[0])) cluster.keys.push(entry.keys[0]);
    entry.keys.forEach((key) => cluster.candidates.add(key));
    clusterOf.set(entry, cluster);
  }
  return { clusters, clusterOf };
}

/**
 * Anchors present in some editions of a row and missing in others. Empty
 * cells are left out (they are reported as empty cells, not as missing
 * anchors). Numbers, dates, quotations and parentheses compare by key, a full
 * date also attesting its year and month (`impliedKeys`). Names compare with
 * the `namesMatch` rules and are reported only when at least two editions
 * carry them, in two languages when the row has several; a name also counts as present when any word of a cell,
 * capitalised or not (a derived adjective, a case form), carries its key.
 */
export function compareRowAnchors(cells: RowCell[]): AnchorDifference[] {
  const filled = cells.filter((cell) => cell.text.trim() !== "");
  const extractions = filled.map((cell) => extract(cell.text, cell.lang));
  const differences: AnchorDifference[] = [];

  const impliedByCell = extractions.map(({ anchors, looseQuotes }) => {
    const keys = new Set(anchors.flatMap((anchor) => impliedKeys(anchor)));
    for (let n = 1; n <= looseQuotes; n++) keys.add(`quote:${n}`);
    return keys;
  });
  const seenKeys = new Set<string>();
  for (const anchor of extractions.flatMap(({ anchors }) => anchors)) {
    if (seenKeys.has(anchor.key)) continue;
    seenKeys.add(anchor.key);
    const present = filled.map((_, i) => impliedByCell[i].has(anchor.key));
    if (present.every(Boolean)) continue;
    differences.push({
      key: anchor.key,
      kind: anchor.kind,
      text: anchor.text,
      presentIn: filled.filter((_, i) => present[i]).map((cell) => cell.editionId),
      missingIn: filled.filter((_, i) => !present[i]).map((cell) => cell.editionId),
    });
  }

  const scans = extractions.map((extraction) => extraction.names);
  const initials = acceptedInitials(filled, scans);
  const entriesByCell = scans.map((scan, i) => [...scan.names, ...initials[i]]);
  const { clusters, clusterOf } = clusterNames(entriesByCell);
  const wordKeys: (string[][] | undefined)[] = [];
  const wordKeysOf = (i: number) => (wordKeys[i] ??= wordKeySets(filled[i]));
  const languages = filled.map((cell) => primaryLanguage(cell.lang));
  const multilingual = new Set(languages).size > 1;
  for (const cluster of clusters) {
    const attested = filled.map((_, i) => entriesByCell[i].some((entry) => clusterOf.get(entry) === cluster));
    if (attested.filter(Boolean).length < MIN_NAME_EDITIONS) continue;
    if (multilingual && new Set(languages.filter((_, i) => attested[i])).size < 2) continue;
    const present = filled.map((_, i) => attested[i] || mentionsName(wordKeysOf(i), cluster));
    if (present.every(Boolean)) continue;
    differences.push({
      key: `name:${cluster.keys[0]}`,
      kind: "name",
      text: cluster.text,
      presentIn: filled.filter((_, i) => present[i]).map((cell) => cell.editionId),
      missingIn: filled.filter((_, i) => !present[i]).map((cell) => cell.editionId),
    });
  }
  return differences;
}
