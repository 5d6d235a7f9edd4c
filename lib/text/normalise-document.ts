/**
 * Imported editions are stored in Unicode normal form C (lib/text/unicode-form.ts), whatever form their file wrote:
 * then search, anchors (names, numbers), word alignment and diffs compare like with like across editions. Nothing is
 * changed silently: what normalisation changed is counted, shown in the import's preview and result, and kept on the
 * edition (its page says it). NFC changes how characters are encoded, never what they are: the text reads the same.
 */
import type { BlockDoc, EditionDocument, EditionMeta } from "./edition-document";
import { toNfc } from "./unicode-form";

export interface TextNormalisation {
  /** The form the text was brought to. */
  form: "NFC";
  /** Letters (a character with its combining marks) that the file wrote in another form, in the text, apparatus, corrections and metadata. */
  letters: number;
  /** Segments (sentences of the main text) whose text changed. */
  segments: number;
}

/** The metadata fields that hold words (not codes, flags or dates). */
const META_TEXT = ["workTitle", "author", "title", "translator", "publisher", "place", "source", "editor", "basedOn", "departures"] as const;

/** The document with every text in NFC, and what that changed (null: nothing; the document is then returned as it was). */
export function normaliseDocument(document: EditionDocument): { document: EditionDocument; normalisation: TextNormalisation | null } {
  let letters = 0;
  let segments = 0;
  const nfc = (text: string) => {
    const result = toNfc(text);
    letters += result.changed;
    return result.text;
  };
  const blocks = (list: BlockDoc[], counted: boolean) =>
    list.map((block) => ({
      ...block,
      sentences: block.sentences.map((sentence) => {
        const text = nfc(sentence.text);
        if (counted && text !== sentence.text) segments += 1;
        return { ...sentence, text };
      }),
    }));
  const meta: EditionMeta = { ...document.meta };
  for (const field of META_TEXT) {
    const value = meta[field];
    if (typeof value === "string") meta[field] = nfc(value);
  }
  const normalised: EditionDocument = {
    meta,
    blocks: blocks(document.blocks, true),
    apparatus: document.apparatus && { ...document.apparatus, blocks: blocks(document.apparatus.blocks, false) },
    corrections: document.corrections.map((correction) => ({ ...correction, before: nfc(correction.before), after: nfc(correction.after), reason: nfc(correction.reason) })),
  };
  return letters === 0 ? { document, normalisation: null } : { document: normalised, normalisation: { form: "NFC", letters, segments } };
}

/**
 * What an edition records when its text comes with a record of an earlier normalisation (a work export's) and this
 * import normalises it again: both counts added (the letters are different letters; the segments at most
 * `segmentCount`, since the two imports may have changed the same segment). Null when neither changed anything.
 */
export function combineNormalisations(earlier: TextNormalisation | null, now: TextNormalisation | null, segmentCount: number): TextNormalisation | null {
  if (!earlier || !now) return earlier ?? now;
  return { form: "NFC", letters: earlier.letters + now.letters, segments: Math.min(earlier.segments + now.segments, segmentCount) };
}

/** In words, for the import's preview and result and the edition's page. */
export function normalisationSentence(normalisation: Pick<TextNormalisation, "letters" | "segments">): string {
  const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
  const where =
    normalisation.segments > 0 ? `${count(normalisation.segments, "segment", "segments")} of the text changed so` : "only the metadata, apparatus or corrections changed so";
  return (
    `${count(normalisation.letters, "letter", "letters")} written in another Unicode form in the file (e.g. a letter followed by combining accents where ` +
    `Unicode has one character for both) ${normalisation.letters === 1 ? "is" : "are"} stored in normal form C (NFC); ${where}. ` +
    `The text reads the same, and search, alignment and comparison treat it like the other editions.`
  );
}
