/**
 * An edition's language tag, checked at every boundary that takes one: the shape the app uses (a 2–3 letter
 * language, then subtags) and well-formed BCP 47 as the runtime's Intl reads it. A tag of the right shape that is not
 * BCP 47 (`en-12`, `ru-de-fg`) made every Intl.Segmenter, DisplayNames and Locale built for it throw, which broke
 * the import's word alignment and, once stored, every page that names the edition's language.
 */
import { z } from "zod";

const SHAPE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const LANGUAGE_TAG_MESSAGE = "a BCP 47 language code such as ru, fr or en-GB";

/** True for a tag of the app's shape that Intl accepts. */
export function isLanguageTag(tag: string): boolean {
  if (!SHAPE.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export const languageTag = z.string().refine(isLanguageTag, LANGUAGE_TAG_MESSAGE);
