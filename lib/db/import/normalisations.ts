/**
 * What storing an import's texts in Unicode NFC will change (createEdition does it), per edition, for the preview
 * and the result to say: the same function over the same documents, so what they say is what is stored.
 */
import type { ImportedContent } from "../../formats";
import { normaliseDocument, normalisationSentence, type TextNormalisation } from "../../text/normalise-document";
import { documentsOf } from "./read-request";
import { documentOf } from "./write-work";

export function importNormalisations(content: ImportedContent): Map<string, TextNormalisation> {
  const documents = content.kind === "work" ? content.work.editions.map((edition) => documentOf(edition, content.work.work)) : documentsOf(content);
  const found = new Map<string, TextNormalisation>();
  for (const document of documents) {
    const { normalisation } = normaliseDocument(document);
    if (normalisation) found.set(document.meta.edition, normalisation);
  }
  return found;
}

/** One line per edition whose text normalisation changes. */
export function normalisationNotes(normalisations: Map<string, TextNormalisation>): string[] {
  return [...normalisations].map(([slug, normalisation]) => `${slug}: ${normalisationSentence(normalisation)}`);
}
