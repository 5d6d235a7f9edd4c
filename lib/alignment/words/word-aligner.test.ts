import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { alignWordsNWay, pairKey } from "./align-words";
import { cellWordTokens, segmentWordTokens } from "./cell-tokens";
import { decodeDictNumber, entryTranslations, findFreeDicts, parseFreeDict, readFreeDictFile, FREEDICT_DIR } from "./freedict";
import { GlossaryError, parseGlossary } from "./glossary";
import { lexiconFor } from "./lexicon-sources";
import { Lexicon } from "./lexicon";
import { digamma } from "./model";
import { decodeLinks, toPharaoh } from "./symmetrise";

const tokens = (line: string) => line.split(" ");

async function align(a: string[], b: string[], langA = "en", langB = "de", options = {}) {
  const result = await alignWordsNWay({
    editions: [
      { id: "a", language: langA, rows: a.map(tokens) },
      { id: "b", language: langB, rows: b.map(tokens) },
    ],
    options,
  });
  return result.get(pairKey("a", "b"))!.map((links) => toPharaoh(links));
}

describe("the word model", () => {
  it("learns from co-occurrence alone which words render which, on a tiny bitext whose answer is known", async () => {
    const english = ["the house", "the book", "a book", "a house", "the small house", "a small book"];
    const german = ["das Haus", "das Buch", "ein Buch", "ein Haus", "das kleine Haus", "ein kleines Buch"];
    const links = await align(english, german, "en", "de", { model: { evidenceStrength: 0 } });
    expect(links[0]).toBe("0-0 1-1");
    expect(links[4]).toBe("0-0 1-1 2-2");
  });

  it("follows a reordering when the words themselves say so (names, numbers), not only the diagonal", async () => {
    const links = await align(["On May 26, 1928 Trotsky wrote to Rakovsky"], ["Rakovsky received on 26 May 1928 a letter from Trotsky"], "en", "fr");
    const pairs = links[0].split(" ");
    expect(pairs).toContain("7-0");
    expect(pairs).toContain("4-9");
    expect(pairs).toContain("3-5");
  });

  it("links through a dictionary entry it was given", async () => {
    const lexicon = new Lexicon("en", "ru");
    lexicon.addEntry({ a: "curs", b: "шавки" });
    const result = await alignWordsNWay({
      editions: [
        { id: "a", language: "en", rows: [tokens("such must be our attitude to the curs")] },
        { id: "b", language: "ru", rows: [tokens("к шавкам таково должно быть наше отношение")] },
      ],
      lexicon: () => lexicon,
    });
    expect(result.get(pairKey("a", "b"))![0].map((link) => `${link.a}-${link.b}`)).toContain("7-1");
  });
});

describe("many editions", () => {
  it("train only the requested pairs and, per pair, at most maxThirds third editions' pairs", async () => {
    const languages = ["en", "fr", "es", "it", "de", "pt", "nl", "sv", "da", "ro", "ca", "fi"];
    const editions = languages.map((language) => ({ id: language, language, rows: [tokens(`${language} 1936 Trotsky`), tokens(`Kamenev ${language} 1917`)] }));
    const pairs = languages.slice(1).map((b) => ({ a: "en", b }));
    let trainedPairs = 0;
    const result = await alignWordsNWay({ editions, pairs, options: { maxThirds: 2 }, onPair: (_, total) => void (trainedPairs = total) });
    expect(trainedPairs).toBeGreaterThan(pairs.length);
    expect(trainedPairs).toBeLessThanOrEqual(pairs.length * 3);
    for (const { b } of pairs) expect(toPharaoh(result.get(pairKey("en", b))![0])).toContain("1-1");
  });
});

describe("the variational Bayes estimate", () => {
  it("uses the digamma function: ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(x + 1) = ψ(x) + 1/x", () => {
    const gamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-gamma, 10);
    expect(digamma(0.5)).toBeCloseTo(-gamma - 2 * Math.log(2), 10);
    for (const x of [0.01, 0.3, 2.5, 7, 40]) expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 9);
  });

  it("learns the tiny bitext's answer with either estimate of the translation table", async () => {
    const english = ["the house", "the book", "a book", "a house", "the small house", "a small book"];
    const german = ["das Haus", "das Buch", "ein Buch", "ein Haus", "das kleine Haus", "ein kleines Buch"];
    for (const variationalBayes of [true, false]) {
      const links = await align(english, german, "en", "de", { model: { evidenceStrength: 0, variationalBayes, smoothing: variationalBayes ? 0.1 : 0.01 } });
      expect(links[4]).toBe("0-0 1-1 2-2");
      expect(links[5]).toBe("0-0 1-1 2-2");
    }
  });
});

describe("symmetrisation", () => {
  it("keeps the links both directions agree on, then gives a word left alone its confident link in one direction", () => {
    const forward = Float32Array.from([0.9, 0.1, 0.05, 0.05, 0.9, 0.2]);
    const backward = Float32Array.from([0.8, 0.1, 0.1, 0.1, 0.85, 0.05]);
    const links = decodeLinks({ m: 2, n: 3, forward, backward }, { threshold: 0.3, grow: 0.15 });
    expect(links.map((link) => `${link.a}-${link.b}`)).toEqual(["0-0", "1-1", "1-2"]);
    expect(links[0].p).toBeCloseTo(0.85, 2);
  });
});

describe("cell words", () => {
  it("number the words of a cell across its segments, with offsets that give the words back, note references left out", () => {
    const texts = ["In the words of Vyshinsky,[^1] the “United Center”", "l’opposition ne l’avait pas."];
    const cell = cellWordTokens(texts, "fr");
    expect(cell.map((token) => texts[token.segment].slice(token.start, token.end))).toEqual(cell.map((token) => token.text));
    expect(cell.map((token) => token.text)).toEqual(["In", "the", "words", "of", "Vyshinsky", "the", "United", "Center", "l’", "opposition", "ne", "l’", "avait", "pas"]);
    expect(cell[8]).toMatchObject({ segment: 1, index: 0 });
    expect(segmentWordTokens("central\u202f!", "fr").map((word) => word.text)).toEqual(["central"]);
  });
});

describe("dictionaries", () => {
  it("read dictd's base64 numbers and an entry's translations", () => {
    expect(decodeDictNumber("B")).toBe(1);
    expect(decodeDictNumber("BA")).toBe(64);
    expect(entryTranslations("power /ˈpaʊə/ <n>\n1. сила, мощь\n2. власть (politics)")).toEqual(["сила", "мощь", "власть"]);
  });

  it("parse a small dictd dictionary given as index and data", () => {
    const data = Buffer.from("house /haʊs/ <n>\nmaison\nbook <n>\nlivre; bouquin\n");
    const index = "house\tA\tZ\nbook\tZ\tY\n";
    expect(parseFreeDict(index, data)).toEqual([
      { a: "house", b: "maison" },
      { a: "book", b: "livre" },
      { a: "book", b: "bouquin" },
    ]);
  });

  it.runIf(fs.existsSync(`${FREEDICT_DIR}/freedict-eng-fra.index`))("read an installed FreeDict file and pair English and French stems from it", () => {
    const [dict] = findFreeDicts("en", "fr");
    expect(readFreeDictFile(dict.file).length).toBeGreaterThan(5_000);
    const lexicon = lexiconFor({ langA: "en", langB: "fr", vocabularyA: new Set(["hous"]), vocabularyB: new Set(["maison"]) });
    expect(lexicon.weight("hous", "maison")).toBeGreaterThan(0);
  }, 60_000);

  it("parse a glossary fixture and name the line of a bad one", () => {
    expect(parseGlossary("# terms\ncur\tшавка\tcontempt\n\nThermidor\tтермидор\n")).toEqual([
      { a: "cur", b: "шавка" },
      { a: "Thermidor", b: "термидор" },
    ]);
    expect(() => parseGlossary("cur\tшавка\nno tab here\n")).toThrow(GlossaryError);
    expect(() => parseGlossary("cur\tшавка\nno tab here\n")).toThrow(/line 2/);
  });
});
