/**
 * Sentence segmentation per language: Intl.Segmenter's sentence breaks, then re-joined where a break
 * falls after an initial ("G.E. Zinoviev", "Л.Б. Каменев") or a known abbreviation ("M.", "Sr.", "т.е.").
 */

/**
 * Titles, honorifics and reference abbreviations: always followed by more of the sentence, so a break after
 * them is never a sentence end. Abbreviations that can end a sentence ("etc.", "др.") are not listed: a break
 * after them stands unless the next piece starts in lower case. Neither are abbreviations that are also
 * ordinary words (English "no", French "vol", Russian "им"): a reference abbreviation before a number
 * ("No. 5", "vol. 2") is kept by the lower-case-or-digit rule anyway.
 */
const NEVER_FINAL: Record<string, string[]> = {
  en: ["mr", "mrs", "ms", "dr", "st", "gen", "col", "prof", "rev", "messrs", "cf", "e.g", "i.e", "p", "pp", "vol", "vs"],
  fr: ["m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "st", "ste", "mgr", "cf", "p", "pp", "t", "n°", "no"],
  es: ["sr", "sra", "srta", "sres", "d", "dña", "dr", "dra", "ud", "uds", "gral", "cf", "pág", "págs", "p", "pp", "vol", "núm"],
  it: ["sig", "sigg", "sig.ra", "sig.na", "dott", "dr", "prof", "on", "avv", "ing", "cfr", "pag", "pagg", "p", "pp", "vol", "n"],
  ru: ["г", "гг", "тов", "проф", "акад", "т", "с", "см", "ср", "стр", "т.е", "т.к", "гл"],
};

/** An initial or abbreviation starts after anything that is not part of a word: space, bracket, quote, dash, ¡, ¿. */
const INITIAL = /(?:^|[^\p{L}\p{N}.])(?:\p{Lu}\.){1,3}$/u;
const TRAILING_WORD = /(?:^|[^\p{L}\p{N}.°-])([\p{L}.°-]+)\.$/u;
/** Closing quotes and brackets (and a full stop after them, as in `! ».`) that the segmenter put at the start of the next piece. */
const CLOSING = /^\s*[»”’)\]]+[.!?…]*/u;

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    let locale = "und";
    try {
      locale = Intl.Segmenter.supportedLocalesOf([lang]).length ? lang : "und";
    } catch {
      locale = "und";
    }
    segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

function baseLanguage(lang: string): string {
  return lang.toLowerCase().split("-")[0] ?? "";
}

function trailingWord(piece: string): string | null {
  const match = TRAILING_WORD.exec(piece.trimEnd());
  return match ? match[1].toLowerCase() : null;
}

/** True when a break after `piece` and before `next` is not a sentence end. */
export function isFalseBreak(piece: string, next: string, lang: string): boolean {
  const language = baseLanguage(lang);
  if (INITIAL.test(piece.trimEnd())) return true;
  if (/^[\s«“"„'‘(]*[\p{Ll}\d]/u.test(next)) return true;
  const word = trailingWord(piece);
  return word !== null && (NEVER_FINAL[language] ?? []).includes(word);
}

function splitWithoutNoteRefs(paragraph: string, lang: string): string[] {
  const text = paragraph.replace(/[ \t\r\n]+/g, " ").trim();
  if (!text) return [];
  const sentences: string[] = [];
  for (const segment of sentenceSegmenter(baseLanguage(lang)).segment(text)) {
    let piece = segment.segment;
    const last = sentences.length - 1;
    const closing = CLOSING.exec(piece);
    if (last >= 0 && closing) {
      sentences[last] += closing[0];
      piece = piece.slice(closing[0].length);
      if (!piece.trim()) continue;
    }
    if (last >= 0 && isFalseBreak(sentences[last], piece, lang)) sentences[last] += piece;
    else sentences.push(piece);
  }
  return sentences.map((s) => s.trim()).filter((s) => s.length > 0);
}

const NOTE_REF = /\[\^[^\]\s]+\]/g;

/**
 * Splits one paragraph into sentences; whitespace is normalised and no text is lost or reordered. `[^n]` note
 * references stay whole: Intl.Segmenter treats `[` after a full stop as closing punctuation and would break inside
 * one, so they are taken out before splitting and put back afterwards (one between two sentences goes with the
 * sentence before it).
 */
export function splitSentences(paragraph: string, lang: string): string[] {
  const text = paragraph.replace(/[ \t\r\n]+/g, " ").trim();
  const refs: { at: number; ref: string }[] = [];
  let removed = 0;
  const clean = text.replace(NOTE_REF, (ref, offset: number) => {
    refs.push({ at: offset - removed, ref });
    removed += ref.length;
    return "";
  });
  if (refs.length === 0) return splitWithoutNoteRefs(text, lang);

  const sentences = splitWithoutNoteRefs(clean, lang);
  if (!sentences.length) return [text];
  const ends: number[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const start = clean.indexOf(sentence, cursor);
    cursor = start + sentence.length;
    ends.push(cursor);
  }
  const result = sentences.map((sentence, i) => ({ text: sentence, start: ends[i] - sentence.length, inserted: 0 }));
  for (const { at, ref } of refs) {
    const index = Math.max(0, result.findIndex((s, i) => at <= ends[i] || i === result.length - 1));
    const owner = at < result[index].start && index > 0 ? result[index - 1] : result[index];
    const ownerEnd = ends[result.indexOf(owner)];
    const position = Math.min(Math.max(at, owner.start), ownerEnd) - owner.start + owner.inserted;
    const inserted = at < owner.start && /\s/.test(clean[at] ?? "") ? `${ref} ` : ref;
    owner.text = owner.text.slice(0, position) + inserted + owner.text.slice(position);
    owner.inserted += inserted.length;
  }
  return result.map((s) => s.text);
}
