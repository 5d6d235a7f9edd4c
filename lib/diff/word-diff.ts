/**
 * Word-level diff of two short texts (one aligned row, never a whole document).
 *
 * Both texts are cut into diff tokens; tokens that the options make irrelevant
 * (ignored whitespace or punctuation) are attached to the preceding token, and
 * the resulting units are compared by their normalised keys with jsdiff's
 * `diffArrays`. Output always carries the ORIGINAL text of each side, so the
 * side-by-side views concatenate back to the inputs exactly.
 *
 * jsdiff's `maxEditLength` and `timeout` bound the work; when either is hit,
 * or an input is longer than `maxChars`, the result is `too-different`.
 */
import { diffArrays } from "diff";
import { DEFAULT_NORMALISE_OPTIONS, isPreReformRussian, tokenKey, type NormaliseOptions } from "../text/normalise";
import { primaryLanguage } from "../text/name-key";
import { diffTokens, type TokenKind } from "../text/tokens";

export interface WordDiffOptions extends NormaliseOptions {
  /** Largest number of inserted plus removed units jsdiff may explore (default 2,000). */
  maxEditLength?: number;
  /** Milliseconds after which jsdiff gives up (default 250). */
  timeoutMs?: number;
  /** Longest input, in UTF-16 code units per side, that is diffed at all (default 20,000). */
  maxChars?: number;
}

export type DiffPartKind = "equal" | "added" | "removed";

export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

export interface WordDiffStats {
  /** Word-like tokens found in both texts. */
  equalWords: number;
  removedWords: number;
  addedWords: number;
  /** 2·equal / (words of a + words of b), 1 when both have no words. */
  similarity: number;
}

export interface WordDiffOk {
  status: "ok";
  /** Unified view: removed text of `a` before added text of `b`; equal runs show `a`'s text. */
  parts: DiffPart[];
  /** `a` alone: equal and removed parts; their texts concatenate to `a`. */
  left: DiffPart[];
  /** `b` alone: equal and added parts; their texts concatenate to `b`. */
  right: DiffPart[];
  /** No added or removed parts under the options. */
  identical: boolean;
  stats: WordDiffStats;
}

export interface WordDiffTooDifferent {
  status: "too-different";
  reason: "size" | "edit-length" | "timeout";
}

export type WordDiffResult = WordDiffOk | WordDiffTooDifferent;

export const DEFAULT_WORD_DIFF_OPTIONS: Required<WordDiffOptions> = {
  ...DEFAULT_NORMALISE_OPTIONS,
  foldAccents: false,
  maxEditLength: 2000,
  timeoutMs: 250,
  maxChars: 20_000,
};

/** A significant token with the ignored tokens that follow it. */
interface Unit {
  key: string;
  kind: TokenKind | "start";
  /** Text of the significant token. */
  head: string;
  /** Text of the ignored tokens after it. */
  trail: string;
}

interface Op {
  kind: DiffPartKind;
  a?: Unit;
  b?: Unit;
}

function toUnits(text: string, lang: string, options: NormaliseOptions): Unit[] {
  const context = { preReform: primaryLanguage(lang) === "ru" && isPreReformRussian(text) };
  const units: Unit[] = [{ key: "", kind: "start", head: "", trail: "" }];
  for (const token of diffTokens(text, lang)) {
    const key = tokenKey(token, lang, options, context);
    if (key === "") units[units.length - 1].trail += token.text;
    else units.push({ key, kind: token.kind, head: token.text, trail: "" });
  }
  return units;
}

const isBlank = (unit: Unit) => unit.kind === "start" || unit.kind === "space";

/**
 * Whitespace that is equal on both sides but sits between two changes joins
 * the change, so "red cat" → "blue dog" reads as one replacement.
 */
function absorbBlankEquals(ops: Op[]): Op[] {
  const blank = ops.map((op) => op.kind === "equal" && isBlank(op.a!));
  const nextChanged: boolean[] = new Array(ops.length).fill(false);
  for (let index = ops.length - 2; index >= 0; index--) {
    const next = ops[index + 1];
    nextChanged[index] = blank[index + 1] ? nextChanged[index + 1] : next.kind !== "equal";
  }
  const result: Op[] = [];
  let previousChanged = false;
  ops.forEach((op, index) => {
    if (!blank[index]) {
      previousChanged = op.kind !== "equal";
      result.push(op);
    } else if (previousChanged && nextChanged[index]) {
      result.push({ kind: "removed", a: op.a }, { kind: "added", b: op.b });
    } else {
      result.push(op);
    }
  });
  return result;
}

function pushPart(parts: DiffPart[], kind: DiffPartKind, text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

function render(ops: Op[]): Pick<WordDiffOk, "parts" | "left" | "right"> {
  const parts: DiffPart[] = [];
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flushChange = () => {
    pushPart(parts, "removed", removed);
    pushPart(parts, "added", added);
    removed = "";
    added = "";
  };
  for (const op of ops) {
    if (op.kind === "equal") {
      flushChange();
      pushPart(parts, "equal", op.a!.head + op.a!.trail);
      pushPart(left, "equal", op.a!.head + op.a!.trail);
      pushPart(right, "equal", op.b!.head + op.b!.trail);
    } else if (op.kind === "removed") {
      removed += op.a!.head + op.a!.trail;
      pushPart(left, "removed", op.a!.head);
      pushPart(left, "equal", op.a!.trail);
    } else {
      added += op.b!.head + op.b!.trail;
      pushPart(right, "added", op.b!.head);
      pushPart(right, "equal", op.b!.trail);
    }
  }
  flushChange();
  return { parts, left, right };
}

function statsOf(ops: Op[]): WordDiffStats {
  let equalWords = 0;
  let removedWords = 0;
  let addedWords = 0;
  for (const op of ops) {
    const unit = op.a ?? op.b!;
    if (unit.kind !== "word") continue;
    if (op.kind === "equal") equalWords++;
    else if (op.kind === "removed") removedWords++;
    else addedWords++;
  }
  const total = 2 * equalWords + removedWords + addedWords;
  return { equalWords, removedWords, addedWords, similarity: total === 0 ? 1 : (2 * equalWords) / total };
}

/** Word diff of two row texts in language `lang`, compared under `options`. */
export function wordDiff(a: string, b: string, lang: string, options: Partial<WordDiffOptions> = {}): WordDiffResult {
  const settings = { ...DEFAULT_WORD_DIFF_OPTIONS, ...options };
  if (a.length > settings.maxChars || b.length > settings.maxChars) return { status: "too-different", reason: "size" };

  const unitsA = toUnits(a, lang, settings);
  const unitsB = toUnits(b, lang, settings);
  const started = performance.now();
  const changes = diffArrays(unitsA, unitsB, {
    comparator: (x, y) => x.key === y.key,
    maxEditLength: settings.maxEditLength,
    timeout: settings.timeoutMs,
  });
  if (!changes) {
    const timedOut = performance.now() - started >= settings.timeoutMs;
    return { status: "too-different", reason: timedOut ? "timeout" : "edit-length" };
  }

  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.added) ops.push({ kind: "added", b: unitsB[j++] });
      else if (change.removed) ops.push({ kind: "removed", a: unitsA[i++] });
      else ops.push({ kind: "equal", a: unitsA[i++], b: unitsB[j++] });
    }
  }

  const coalesced = absorbBlankEquals(ops);
  const view = render(coalesced);
  return {
    status: "ok",
    ...view,
    identical: view.parts.every((part) => part.kind === "equal"),
    stats: statsOf(ops),
  };
}
