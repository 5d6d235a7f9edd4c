import { describe, expect, it } from "vitest";
import { diffPairs, type PairEdition } from "./diff-pairs";

const edition = (slug: string, language: string, replacedBy: string | null = null): PairEdition => ({ slug, title: slug.toUpperCase(), language, replacedBy });

const ru = edition("ru", "ru");
const en = edition("en", "en");
const enPub = edition("en-pub", "en-GB");
const fr = edition("fr", "fr");
const frOld = edition("fr-superseded", "fr", "fr");
const frOlder = edition("fr-superseded-2", "fr", "fr-superseded");

describe("diffPairs", () => {
  it("pairs chosen editions by primary language, in column order", () => {
    expect(diffPairs([ru, en, enPub], [ru, en, enPub]).pairs).toEqual([["en", "en-pub"]]);
    expect(diffPairs([enPub, en], [ru, en, enPub]).pairs).toEqual([["en-pub", "en"]]);
  });

  it("puts an earlier witness and its replacement first, the older text first, whatever the column order", () => {
    expect(diffPairs([en, enPub, fr, frOld], [en, enPub, fr, frOld]).pairs).toEqual([
      ["fr-superseded", "fr"],
      ["en", "en-pub"],
    ]);
  });

  it("orders a chain of witnesses older first, the direct replacements before other witness pairs", () => {
    expect(diffPairs([fr, frOld, frOlder], [fr, frOld, frOlder]).pairs).toEqual([
      ["fr-superseded", "fr"],
      ["fr-superseded-2", "fr-superseded"],
      ["fr-superseded-2", "fr"],
    ]);
  });

  it("suggests the witness pair first when no chosen columns share a language, keeping up to three chosen columns", () => {
    const { pairs, suggestions } = diffPairs([ru, en], [ru, en, enPub, fr, frOld]);
    expect(pairs).toEqual([]);
    expect(suggestions.map((suggestion) => [suggestion.pair, suggestion.editions, suggestion.label])).toEqual([
      [["fr-superseded", "fr"], ["ru", "en", "fr-superseded", "fr"], "FR-SUPERSEDED (fr-superseded, earlier witness) with FR (fr)"],
      [["en", "en-pub"], ["ru", "en", "en-pub"], "EN (en) with EN-PUB (en-pub)"],
    ]);
  });

  it("suggests nothing when no two editions share a language", () => {
    expect(diffPairs([ru, en], [ru, en, fr])).toEqual({ pairs: [], suggestions: [] });
  });
});
