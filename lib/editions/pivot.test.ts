import { describe, expect, it } from "vitest";
import { choosePivotByRule, explainPivot, takesPivot, type PivotCandidate } from "./pivot";

const edition = (slug: string, fields: Partial<PivotCandidate> = {}): PivotCandidate => ({
  id: slug,
  slug,
  language: slug.slice(0, 2),
  provenance: "working_translation",
  isOriginal: false,
  standsInForOriginal: false,
  translatedFrom: "en",
  current: true,
  hasText: true,
  ...fields,
});

/** The demo corpus: a Russian working translation standing in for the original, three more, and the published English they were made from. */
const demo = [
  edition("ru", { standsInForOriginal: true }),
  edition("fr"),
  edition("es"),
  edition("it"),
  edition("en", { provenance: "published", translatedFrom: null }),
  edition("en-extracted", { provenance: "published", translatedFrom: null, current: false }),
];

describe("choosePivotByRule", () => {
  it("chooses the published English the working translations were made from when no original is present, and says why", () => {
    const choice = choosePivotByRule(demo)!;
    expect(choice.edition.slug).toBe("en");
    expect(choice.rule).toBe("translations-source");
    expect(choice.reason).toBe(
      "en (English) is the pivot because no original text of the work is present (ru only stands in for it), and it is the published text the working translations ru, fr, es and it were made from, so they follow it most closely.",
    );
  });

  it("chooses the original once a published one is present, before an imported one", () => {
    const imported = edition("ru-ms", { language: "ru", provenance: "imported", isOriginal: true, translatedFrom: null });
    const published = edition("ru-1994", { language: "ru", provenance: "published", isOriginal: true, translatedFrom: null });
    expect(choosePivotByRule([...demo, imported])!.edition.slug).toBe("ru-ms");
    const choice = choosePivotByRule([...demo, imported, published])!;
    expect([choice.edition.slug, choice.rule]).toEqual(["ru-1994", "original"]);
    expect(choice.reason).toMatch(/^ru-1994 \(Russian\) is the pivot because it is the original text of the work/);
  });

  it("never chooses an earlier witness or an edition without text; falls back to a published text, then to the stand-in", () => {
    expect(choosePivotByRule([demo[0], demo[1], demo[5]])!.edition.slug).toBe("ru");
    expect(choosePivotByRule([demo[1], edition("de", { provenance: "published", translatedFrom: null, hasText: false })])!.rule).toBe("first");
    expect(choosePivotByRule([demo[0], edition("de", { provenance: "published", translatedFrom: null })])!.edition.slug).toBe("de");
    expect(choosePivotByRule([])).toBeNull();
  });
});

describe("explainPivot and takesPivot", () => {
  it("says when a pivot was chosen by hand, and what the rule would choose", () => {
    expect(explainPivot(demo[4], demo)).toMatch(/^en \(English\) is the pivot because no original/);
    expect(explainPivot(demo[1], demo)).toMatch(/^fr \(French\) is the pivot because it was chosen when the work was last aligned\. By the rule the pivot would be en \(English\), because/);
  });

  it("lets an imported edition take the pivot only when the rule chooses it over the present pivot", () => {
    const [ru, fr, , , en] = demo;
    expect(takesPivot(ru, null, [ru])).toBe(true);
    expect(takesPivot(fr, ru, [ru, fr])).toBe(false);
    expect(takesPivot(en, ru, demo)).toBe(true);
    const original = edition("ru-1994", { language: "ru", provenance: "published", isOriginal: true, translatedFrom: null });
    expect(takesPivot(original, en, [...demo, original])).toBe(true);
    expect(takesPivot(en, fr, demo)).toBe(true);
  });
});
