import { describe, expect, it } from "vitest";
import { cellWordTokens } from "../alignment/words/cell-tokens";
import { suggestVariants } from "./suggest-variants";

const edition = (id: string, language: string, text: string) => ({ id, slug: id, language, tokens: cellWordTokens([text], language), starts: [0] });

describe("suggested variants", () => {
  const en = edition("en", "en", "That was our last conversation with Kamenev in 1927.");
  const fr = edition("fr", "fr", "Après cette rencontre orageuse, nous ne nous sommes plus revus.");

  it("find a run of base content words an edition leaves out, and a run it adds", () => {
    const pairs = [{ a: "en", b: "fr", links: [{ a: 2, b: 4, p: 0.9 }] }];
    const found = suggestVariants([en, fr], pairs, "en");
    expect(found).toContainEqual(expect.objectContaining({ category: "omission", editionId: "fr", words: expect.stringContaining("last conversation") }));
    expect(found).toContainEqual(expect.objectContaining({ category: "addition", editionId: "fr", words: expect.stringContaining("rencontre orageuse") }));
  });

  it("suggest nothing for an edition whose words are all linked", () => {
    const same = edition("es", "es", "Esa fue nuestra última conversación");
    const links = same.tokens.map((_, i) => ({ a: i, b: i, p: 0.9 }));
    const base = edition("en", "en", "That was our last conversation");
    expect(suggestVariants([base, same], [{ a: "en", b: "es", links }], "en")).toEqual([]);
  });

  it("turn an anchor the base has and an edition lacks into a number or date suggestion", () => {
    const pairs = [{ a: "en", b: "fr", links: [{ a: 0, b: 0, p: 0.9 }] }];
    const found = suggestVariants([en, fr], pairs, "en", [{ key: "1927", kind: "number", text: "1927", presentIn: ["en"], missingIn: ["fr"] } as never]);
    expect(found).toContainEqual(expect.objectContaining({ category: "number_date", editionId: "fr", words: "1927" }));
  });
});
