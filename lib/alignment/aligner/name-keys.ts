/**
 * Cross-script proper-name keys for lexical evidence, from the shared name-key module: "Каменев",
 * "Kamenev" and "Kámenev" share a key. Cyrillic words also get the keys of the nominatives their case
 * ending allows (Каменева, Алма-Ате), so that an inflected Russian name meets its Latin spelling.
 */
import { isCyrillic, nameKey, nameKeyCandidates } from "../../text/name-key";

/** The keys under which a name written in a text of language `lang` can be matched. */
export function nameKeysOf(word: string, lang: string): string[] {
  const keys = isCyrillic(word) ? nameKeyCandidates(word, lang) : [nameKey(word, lang)];
  return keys.filter((key) => key.length >= 2);
}
