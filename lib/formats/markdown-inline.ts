/**
 * The text of a Markdown inline run: markup removed, escapes resolved, white space collapsed (no-break spaces kept).
 * Reads backslash escapes, code spans, images (dropped), autolinks, links (their text kept; `[^6]` note references
 * are not links), HTML tags (dropped), `**strong**`, `__strong__`, `*emphasis*` and `_emphasis_` (not inside words).
 *
 * Linear in the length of the input, whatever it holds: each construct is one left-to-right pass, and wherever a
 * pass must look ahead for a closing delimiter it reads a table of "next position of …" built once from right to
 * left, instead of scanning again from every opening delimiter (a regular expression does that, which is quadratic:
 * 32 KB of `![` took a second). A WorkMeter counts the steps (work-meter.ts), so tests can check the work per character.
 */
import type { WorkMeter } from "../text/work-meter";
import { collapseSpaces } from "./spaces";

/** The passes' steps (loop turns, table entries, characters matched): at most a constant times the input's length. */
type InlineMeter = WorkMeter;

/** Characters Markdown lets one escape with a backslash: ASCII punctuation. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const SPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Escaped characters and code spans are parked as `NUL index NUL` (NUL never survives decoding) while markup is removed. */
const PARK = "\u0000";
const PARKED = /\u0000(\d+)\u0000/g;

export function inlineText(markdown: string, meter: InlineMeter = { steps: 0 }): string {
  const parked: string[] = [];
  const park = (text: string) => `${PARK}${parked.push(text) - 1}${PARK}`;
  let text = markdown.replaceAll(PARK, "\uFFFD");
  // A pass runs only when the text holds the character its constructs start with (most sentences hold none).
  const has = (char: string) => {
    meter.steps += text.length;
    return text.includes(char);
  };
  if (has("\\")) text = escapes(text, park, meter);
  if (has("`")) text = codeSpans(text, park, meter);
  if (has("![")) text = images(text, meter);
  if (has("<")) text = autolinks(text, meter);
  if (has("[")) text = links(text, meter);
  if (has("<")) text = htmlTags(text, meter);
  if (has("*") || has("_")) {
    text = strong(text, meter);
    text = emphasis(text, meter);
    text = underscoreEmphasis(text, meter);
  }
  meter.steps += text.length;
  return collapseSpaces(text.replace(PARKED, (_, index: string) => parked[Number(index)]));
}

/**
 * For every position, the first position at or after it where `matches` holds (the text's length when none does),
 * built in one pass from the end.
 */
function nextWhere(text: string, matches: (i: number) => boolean, meter: InlineMeter): Int32Array {
  const next = new Int32Array(text.length + 2).fill(text.length);
  for (let i = text.length - 1; i >= 0; i--) next[i] = matches(i) ? i : next[i + 1];
  meter.steps += text.length;
  return next;
}

/**
 * A match found at `start`: the text before it is kept, `replacement` stands for `start…end` (exclusive), and the
 * pass goes on at `end`.
 */
interface Match {
  end: number;
  replacement: string;
}

/**
 * One left-to-right pass: at each position `matchAt` may find a construct (in constant time, using tables built
 * beforehand); the text between matches is copied in slices.
 */
function pass(text: string, matchAt: (i: number) => Match | null, meter: InlineMeter): string {
  let out = "";
  let kept = 0;
  let i = 0;
  while (i < text.length) {
    meter.steps++;
    const match = matchAt(i);
    if (match == null) {
      i++;
      continue;
    }
    meter.steps += match.end - i;
    out += text.slice(kept, i) + match.replacement;
    i = kept = match.end;
  }
  return out + text.slice(kept);
}

function escapes(text: string, park: (text: string) => string, meter: InlineMeter): string {
  return pass(text, (i) => (text[i] === "\\" && i + 1 < text.length && ESCAPABLE.test(text[i + 1]) ? { end: i + 2, replacement: park(text[i + 1]) } : null), meter);
}

/**
 * A run of backticks opens a code span that ends at the next backtick run (its text is kept as written); a run of
 * two or more with no backtick after it is an empty span.
 */
function codeSpans(text: string, park: (text: string) => string, meter: InlineMeter): string {
  const nextTick = nextWhere(text, (i) => text[i] === "`", meter);
  const runEnd = (from: number) => {
    let end = from;
    while (text[end] === "`") end++;
    return end;
  };
  return pass(
    text,
    (i) => {
      if (text[i] !== "`") return null;
      const open = runEnd(i);
      const close = nextTick[open];
      if (close < text.length) return { end: runEnd(close), replacement: park(text.slice(open, close)) };
      return open - i >= 2 ? { end: open, replacement: "" } : null;
    },
    meter,
  );
}

/** `![alt](url)` is dropped. */
function images(text: string, meter: InlineMeter): string {
  const nextBracket = nextWhere(text, (i) => text[i] === "]", meter);
  const nextParen = nextWhere(text, (i) => text[i] === ")", meter);
  return pass(
    text,
    (i) => {
      if (text[i] !== "!" || text[i + 1] !== "[") return null;
      const label = nextBracket[i + 2];
      const end = text[label + 1] === "(" ? nextParen[label + 2] : text.length;
      return end < text.length ? { end: end + 1, replacement: "" } : null;
    },
    meter,
  );
}

const SCHEMES = ["http:", "https:", "mailto:"];

/** `<https://…>` keeps the address. */
function autolinks(text: string, meter: InlineMeter): string {
  const nextStop = nextWhere(text, (i) => text[i] === ">" || SPACE.test(text[i]), meter);
  return pass(
    text,
    (i) => {
      if (text[i] !== "<") return null;
      const scheme = SCHEMES.find((name) => text.startsWith(name, i + 1));
      if (!scheme) return null;
      const start = i + 1 + scheme.length;
      const end = nextStop[start];
      return end > start && text[end] === ">" ? { end: end + 1, replacement: text.slice(i + 1, end) } : null;
    },
    meter,
  );
}

/**
 * `[text](destination)` keeps its text; the destination may hold parenthesised groups (`a_(b)`). `[^6]` is a note
 * reference, not a link. Where a destination closes depends only on where it starts, so that is remembered: many
 * `[a](` sharing one tail cost one reading of it.
 */
function links(text: string, meter: InlineMeter): string {
  const nextBracket = nextWhere(text, (i) => text[i] === "]", meter);
  const nextParen = nextWhere(text, (i) => text[i] === "(" || text[i] === ")", meter);
  const nextClose = nextWhere(text, (i) => text[i] === ")", meter);
  const closeFrom = new Map<number, number>();
  const destinationEnd = (from: number): number => {
    const visited: number[] = [];
    let at = from;
    let result = text.length;
    for (;;) {
      meter.steps++;
      const known = closeFrom.get(at);
      if (known !== undefined) {
        result = known;
        break;
      }
      visited.push(at);
      const paren = nextParen[at];
      if (paren >= text.length || text[paren] === ")") {
        result = paren;
        break;
      }
      const groupEnd = nextClose[paren + 1];
      if (groupEnd >= text.length) break;
      at = groupEnd + 1;
    }
    for (const position of visited) closeFrom.set(position, result);
    return result;
  };
  return pass(
    text,
    (i) => {
      if (text[i] !== "[" || i + 1 >= text.length || text[i + 1] === "]" || text[i + 1] === "^") return null;
      const label = nextBracket[i + 1];
      if (label >= text.length || text[label + 1] !== "(") return null;
      const end = destinationEnd(label + 2);
      return end < text.length ? { end: end + 1, replacement: text.slice(i + 1, label) } : null;
    },
    meter,
  );
}

const TAG_NAME_START = /[A-Za-z]/;
const TAG_NAME = /[A-Za-z0-9-]/;

/** `<tag …>`, `</tag>` and `<tag/>` are dropped (their content stays). */
function htmlTags(text: string, meter: InlineMeter): string {
  const nextAngle = nextWhere(text, (i) => text[i] === "<" || text[i] === ">", meter);
  const nameEnd = nextWhere(text, (i) => !TAG_NAME.test(text[i]), meter);
  return pass(
    text,
    (i) => {
      if (text[i] !== "<") return null;
      const nameStart = text[i + 1] === "/" ? i + 2 : i + 1;
      if (nameStart >= text.length || !TAG_NAME_START.test(text[nameStart])) return null;
      const at = nameEnd[nameStart];
      let end = -1;
      if (text[at] === ">") end = at;
      else if (text[at] === "/" && text[at + 1] === ">") end = at + 1;
      else if (at < text.length && SPACE.test(text[at]) && text[nextAngle[at + 1]] === ">") end = nextAngle[at + 1];
      return end >= 0 ? { end: end + 1, replacement: "" } : null;
    },
    meter,
  );
}

const nonSpaceAt = (text: string, i: number) => i >= 0 && i < text.length && !SPACE.test(text[i]);

/** `**strong**` or `__strong__`: the text starts and ends with a non-space; the nearest closer wins. */
function strong(text: string, meter: InlineMeter): string {
  const pairAt = (i: number, char: string) => text[i] === char && text[i + 1] === char;
  const closers = {
    "*": nextWhere(text, (i) => pairAt(i, "*") && nonSpaceAt(text, i - 1), meter),
    _: nextWhere(text, (i) => pairAt(i, "_") && nonSpaceAt(text, i - 1), meter),
  };
  return pass(
    text,
    (i) => {
      const char = text[i];
      if ((char !== "*" && char !== "_") || !pairAt(i, char) || !nonSpaceAt(text, i + 2)) return null;
      const close = closers[char][i + 3];
      return close < text.length ? { end: close + 2, replacement: text.slice(i + 2, close) } : null;
    },
    meter,
  );
}

/** `*emphasis*`. */
function emphasis(text: string, meter: InlineMeter): string {
  const closers = nextWhere(text, (i) => text[i] === "*" && nonSpaceAt(text, i - 1), meter);
  return pass(
    text,
    (i) => {
      if (text[i] !== "*" || !nonSpaceAt(text, i + 1)) return null;
      const close = closers[i + 2];
      return close < text.length ? { end: close + 1, replacement: text.slice(i + 1, close) } : null;
    },
    meter,
  );
}

/** `_emphasis_`, only outside words (`snake_case_word` stays). */
function underscoreEmphasis(text: string, meter: InlineMeter): string {
  const wordAt = (i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text[i]);
  const closers = nextWhere(text, (i) => text[i] === "_" && nonSpaceAt(text, i - 1) && !wordAt(i + 1), meter);
  return pass(
    text,
    (i) => {
      if (text[i] !== "_" || wordAt(i - 1) || !nonSpaceAt(text, i + 1)) return null;
      const close = closers[i + 2];
      return close < text.length ? { end: close + 1, replacement: text.slice(i + 1, close) } : null;
    },
    meter,
  );
}
