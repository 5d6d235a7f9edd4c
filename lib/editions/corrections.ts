/** How the kinds of corrections to a source text are named on the edition page and in exports. */
import type { CorrectionKind } from "../text/edition-document";

type KindOrUnknown = CorrectionKind | "unknown";

export const CORRECTION_KIND_LABEL: Record<KindOrUnknown, string> = {
  extraction: "Extraction repair",
  emendation: "Editorial emendation",
  markup: "Markup",
  unknown: "Not recorded",
};

const HEADING: Record<KindOrUnknown, string> = {
  extraction: "extraction repairs (damage done by extracting the text, e.g. from a PDF)",
  emendation: "editorial emendations (the source's own text corrected)",
  markup: "markup (structure made explicit)",
  unknown: "of a kind not recorded",
};

/** "Extraction repairs (…): 12; editorial emendations (…): 6; markup (…): 5." */
export function correctionSummary(kinds: readonly (CorrectionKind | null)[]): string {
  const counts = new Map<KindOrUnknown, number>();
  for (const kind of kinds) counts.set(kind ?? "unknown", (counts.get(kind ?? "unknown") ?? 0) + 1);
  const order: KindOrUnknown[] = ["extraction", "emendation", "markup", "unknown"];
  const parts = order.filter((kind) => counts.has(kind)).map((kind) => `${HEADING[kind]}: ${counts.get(kind)}`);
  const text = parts.join("; ");
  return text ? `${text[0].toUpperCase()}${text.slice(1)}.` : "";
}
