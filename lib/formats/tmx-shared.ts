/** Property names Hexapla writes into TMX files (user-defined `x-` types), read back by the TMX importer. */
export const TMX_PROP = {
  work: "x-hexapla-work",
  workTitle: "x-hexapla-work-title",
  author: "x-hexapla-author",
  status: "x-hexapla-status",
  confidence: "x-hexapla-confidence",
  edition: "x-hexapla-edition",
  block: "x-hexapla-block",
  kind: "x-hexapla-kind",
  level: "x-hexapla-level",
  /** In the header, once per edition: the edition's metadata as JSON (`{"edition": "fr", "title": …, "provenance": …}`). */
  editionMeta: "x-hexapla-edition-meta",
} as const;
