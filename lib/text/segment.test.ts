/**
 * Segmenting in windows gives Intl.Segmenter's own segments on ordinary text, and its work (characters handed to
 * and copied by the segmenter, counted by a WorkMeter) grows linearly with the text, whatever the text. V8 copies the
 * whole string into every segment, so segmenting a long string directly is quadratic (a 1 MB paragraph of short
 * sentences exhausts the heap).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentText } from "./segment";
import { splitSentences } from "./sentences";
import { diffTokens } from "./tokens";
import type { WorkMeter } from "./work-meter";

const words = new Intl.Segmenter("en", { granularity: "word" });
const sentences = new Intl.Segmenter("en", { granularity: "sentence" });
const STEPS_PER_CHAR = 1024;

function work(segmenter: Intl.Segmenter, text: string): { steps: number; parts: number; joined: string } {
  const meter: WorkMeter = { steps: 0 };
  let parts = 0;
  let joined = "";
  for (const part of segmentText(segmenter, text, meter)) {
    parts++;
    joined += part.segment;
  }
  return { steps: meter.steps, parts, joined };
}

const ADVERSARIAL: Record<string, (n: number) => string> = {
  "punctuation without spaces": (n) => "a,".repeat(n / 2),
  "one long word": (n) => "a".repeat(n),
  "han characters": (n) => "漢字".repeat(n / 2),
  "initials": (n) => "A. ".repeat(n / 3),
  "a long word then short ones": (n) => `${"a".repeat(n / 2)}${" b".repeat(n / 4)}`,
  "short sentences": (n) => "It was. ".repeat(n / 8),
};

describe("segmentText", () => {
  it.each(Object.keys(ADVERSARIAL))("%s: work grows linearly and no text is lost", (name) => {
    for (const segmenter of [words, sentences]) {
      const small = ADVERSARIAL[name](8_192);
      const large = ADVERSARIAL[name](131_072);
      const a = work(segmenter, small);
      const b = work(segmenter, large);
      expect(b.joined === large).toBe(true);
      expect(b.steps).toBeGreaterThanOrEqual(large.length);
      expect(b.steps).toBeLessThanOrEqual(STEPS_PER_CHAR * large.length);
      expect(b.steps / large.length).toBeLessThanOrEqual((a.steps / small.length) * 1.5);
    }
  });

  it("gives the segmenter's own segments, with their offsets, on ordinary text (property)", () => {
    const text = fc.array(fc.constantFrom("Word", "слово", " ", ". ", ", ", "L’", "1,000", "! ", "«", "»", "\n", "Dr. ", "Mr. Smith"), { maxLength: 200 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.constantFrom(words, sentences), (input, segmenter) => {
        const direct = [...segmenter.segment(input)].map((s) => ({ segment: s.segment, index: s.index, isWordLike: s.isWordLike }));
        expect([...segmentText(segmenter, input)]).toEqual(direct);
      }),
      { numRuns: 300 },
    );
  });
});

describe("text functions over adversarial megabytes", () => {
  it("split a megabyte of initials or titles into sentences with linear work", () => {
    for (const unit of ["A. ", "Mr. ", "J. S"]) {
      const meters = [16_384, 262_144].map((n) => {
        const meter: WorkMeter = { steps: 0 };
        splitSentences(unit.repeat(n / unit.length), "en", Infinity, meter);
        return meter.steps / n;
      });
      expect(meters[1]).toBeLessThanOrEqual(meters[0] * 1.5);
    }
  });

  it("put back a megabyte of note references, and a reference between spaces where it was", () => {
    const sentences = splitSentences("It was.[^1] ".repeat(80_000), "en");
    expect(sentences).toHaveLength(80_000);
    expect(sentences[79_999]).toBe("It was.[^1]");
    expect(splitSentences("Kamenev [^6]\nделоZinoviev", "fr")).toEqual(["Kamenev [^6] делоZinoviev"]);
    expect(splitSentences("[^a".repeat(300_000), "en")).toHaveLength(1);
  });

  it("stop splitting at the limit they are given", () => {
    expect(splitSentences("It was. ".repeat(100_000), "en", 10)).toHaveLength(11);
  });

  it("tokenise a megabyte of punctuation", () => {
    expect(diffTokens(",".repeat(1_000_000), "fr")).toHaveLength(1_000_000);
  });
});
