import { describe, expect, it } from "vitest";
import { extractFeatures } from "./features";
import { beadLexicalScore, buildEvidence, DEFAULT_CLASS_RATES } from "./lexical";
import { dictionaryKeys, induceDictionary } from "./induced-dictionary";
import type { AlignSegment } from "./types";

const seg = (text: string): AlignSegment => ({ text });

/** Matching score of every (A segment, B segment) pair. */
function pairScores(a: string[], b: string[], langA: string, langB: string): number[][] {
  const evidence = buildEvidence(extractFeatures(a.map(seg), langA), extractFeatures(b.map(seg), langB), DEFAULT_CLASS_RATES, null);
  return a.map((_, i) => b.map((_, j) => beadLexicalScore(evidence, i, 1, j, 1)));
}

describe("lexical evidence", () => {
  it("matches a name across scripts and inflection, and not a different name", () => {
    const scores = pairScores(
      ["Kamenev spoke first.", "Then Zinoviev spoke.", "The hall was silent."],
      ["Каменева слушали долго.", "Зиновьев говорил потом.", "Зал молчал."],
      "en",
      "ru",
    );
    expect(scores[0][0]).toBeGreaterThan(1);
    expect(scores[1][1]).toBeGreaterThan(1);
    expect(scores[0][1]).toBe(0);
    expect(scores[1][0]).toBe(0);
  });

  it("matches numbers written in different digits", () => {
    const scores = pairScores(["It happened in 1937.", "Nothing else."], ["حدث ذلك في ١٩٣٧.", "لا شيء آخر."], "en", "ar");
    expect(scores[0][0]).toBeGreaterThan(1);
    expect(scores[1][0]).toBeLessThanOrEqual(0);
  });

  it("matches cognates and question marks", () => {
    const scores = pairScores(["Was the revolution betrayed?", "The economy grew."], ["La révolution a-t-elle été trahie ?", "L’économie a crû."], "en", "fr");
    expect(scores[0][0]).toBeGreaterThan(scores[0][1]);
    expect(scores[1][1]).toBeGreaterThan(scores[1][0]);
  });

  it("counts a key once per occurrence however segments are grouped", () => {
    const A = extractFeatures(["Kamenev.", "Kamenev."].map(seg), "en");
    const B = extractFeatures(["Каменев.", "Другое."].map(seg), "ru");
    const evidence = buildEvidence(A, B, DEFAULT_CLASS_RATES, null);
    const one = beadLexicalScore(evidence, 0, 1, 0, 1);
    expect(beadLexicalScore(evidence, 0, 2, 0, 1)).toBeCloseTo(one);
    expect(beadLexicalScore(evidence, 0, 2, 0, 2)).toBeCloseTo(one);
  });

  it("adds the induced dictionary's translations as evidence", () => {
    const a = ["der Hund schläft", "die Katze frisst"];
    const b = ["kutya alszik", "macska eszik"];
    const A = extractFeatures(a.map(seg), "de");
    const B = extractFeatures(b.map(seg), "hu");
    const beads = Array.from({ length: 5 }, () => [A.stems[0], B.stems[0]] as const);
    const dictionary = induceDictionary([...beads, ...Array.from({ length: 5 }, () => [A.stems[1], B.stems[1]] as const)]);
    const without = buildEvidence(A, B, DEFAULT_CLASS_RATES, null);
    const withDictionary = buildEvidence(A, B, DEFAULT_CLASS_RATES, dictionaryKeys(dictionary, A.stems, B.stems));
    expect(beadLexicalScore(without, 0, 1, 0, 1)).toBe(0);
    expect(beadLexicalScore(withDictionary, 0, 1, 0, 1)).toBeGreaterThan(0);
    expect(beadLexicalScore(withDictionary, 0, 1, 1, 1)).toBe(0);
  });
});
