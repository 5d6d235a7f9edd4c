/**
 * Scripts written without spaces between words: Thai, Lao, Khmer, Burmese, Tai Tham, New Tai Lue, Chinese and
 * Japanese. The database's search index knows the same ranges (`hexapla_search_spaced`, migration
 * 20261206230000_search_unspaced_scripts).
 */
export const UNSPACED_RANGES =
  "\\u0E00-\\u0EFF\\u1000-\\u109F\\u1780-\\u17FF\\u1980-\\u19FF\\u1A20-\\u1AAF\\u3005\\u3040-\\u30FF\\u31F0-\\u31FF" +
  "\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uA9E0-\\uA9FF\\uAA60-\\uAA7F\\uF900-\\uFAFF\\uFF66-\\uFF9F\\u{20000}-\\u{3134F}";

const UNSPACED_CHARACTER = new RegExp(`[${UNSPACED_RANGES}]`, "u");

/** True when the text has a character of a script written without spaces. */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED_CHARACTER.test(text);
}
