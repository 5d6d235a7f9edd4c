import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { alignPair } from "./align-pair";
import { beadViolations } from "./bead-invariants";
import type { AlignSegment, Bead } from "./types";

const segment = fc.record(
  {
    text: fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(fc.constantFrom("Kamenev", "said", "1937", "la", "révolution", "?", "«", "Троцкий", "我们", "", " "), { maxLength: 12 }).map((w) => w.join(" ")),
    ),
    paragraph: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
  },
  { requiredKeys: ["text"] },
);
const side = fc.array(segment, { maxLength: 25 });
const lang = fc.constantFrom("en", "fr", "ru", "zh", "und", "xx-Bogus", "", "not a tag!");

const shapes = (beads: Bead[]) => beads.map((b) => `${b.a.length}-${b.b.length}`);

describe("alignPair", () => {
  it("covers every segment of both sides exactly once, in order, with scores in [0,1]", () => {
    fc.assert(
      fc.property(side, side, lang, lang, (a, b, langA, langB) => {
        expect(beadViolations(alignPair(a, b, { langA, langB }), a.length, b.length)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("aligns an empty side as omissions of every segment of the other", () => {
    const text: AlignSegment[] = [{ text: "One." }, { text: "Two." }];
    expect(alignPair([], text, { langA: "en", langB: "fr" })).toEqual([
      { a: [], b: [0], score: 0 },
      { a: [], b: [1], score: 0 },
    ]);
    expect(alignPair([], [], { langA: "en", langB: "fr" })).toEqual([]);
  });

  it("pairs the sentences of a text with themselves one to one, confidently", () => {
    const text = Array.from({ length: 40 }, (_, i) => ({ text: `Sentence number ${i} says ${"something ".repeat(1 + (i % 7))}here.` }));
    const beads = alignPair(text, text, { langA: "en", langB: "en" });
    expect(beads.map((b) => [b.a, b.b])).toEqual(text.map((_, i) => [[i], [i]]));
    expect(Math.min(...beads.map((b) => b.score))).toBeGreaterThan(0.8);
  });

  it("finds a sentence split in two", () => {
    const a: AlignSegment[] = [
      { text: "Leon Trotsky arrived in Mexico in January 1937." },
      { text: "He was met by the painter Diego Rivera and his wife Frida Kahlo, who offered him their house in Coyoacán for as long as he wished." },
      { text: "Zinoviev and Kamenev had been shot in August 1936." },
      { text: "Trotsky answered the accusations in a series of articles." },
    ];
    const b: AlignSegment[] = [
      { text: "Léon Trotsky arriva au Mexique en janvier 1937." },
      { text: "Il fut accueilli par le peintre Diego Rivera et sa femme Frida Kahlo." },
      { text: "Ceux-ci lui offrirent leur maison de Coyoacán aussi longtemps qu’il le voudrait." },
      { text: "Zinoviev et Kamenev avaient été fusillés en août 1936." },
      { text: "Trotsky répondit aux accusations dans une série d’articles." },
    ];
    expect(shapes(alignPair(a, b, { langA: "en", langB: "fr" }))).toEqual(["1-1", "1-2", "1-1", "1-1"]);
  });

  it("leaves out, with a low score, a sentence whose date the other side lacks", () => {
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const jours = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
    const a: AlignSegment[] = [];
    const b: AlignSegment[] = [];
    for (let k = 0; k < 14; k++) {
      a.push({ text: `On ${days[k % 7]} ${k + 3} March the committee met again and heard witness number ${k + 10}.` });
      if (k !== 6) b.push({ text: `Le ${jours[k % 7]} ${k + 3} mars, le comité se réunit de nouveau et entendit le témoin numéro ${k + 10}.` });
    }
    const beads = alignPair(a, b, { langA: "en", langB: "fr" });
    const omission = beads.find((bead) => bead.b.length === 0);
    expect(shapes(beads).filter((shape) => shape !== "1-1")).toEqual(["1-0"]);
    expect(omission?.a).toEqual([6]);
    expect(omission?.score).toBeLessThan(0.5);
  });

  it("pairs sentences by their names across scripts", () => {
    const a: AlignSegment[] = [
      { text: "Kamenev was arrested in Moscow." },
      { text: "Zinoviev was arrested the same day." },
      { text: "Smirnov was arrested later." },
      { text: "Bukharin was arrested last of all." },
    ];
    const b: AlignSegment[] = [
      { text: "Каменев был арестован в Москве." },
      { text: "Смирнов был арестован позже." },
      { text: "Бухарин был арестован последним." },
    ];
    const beads = alignPair(a, b, { langA: "en", langB: "ru" });
    const partnerOf = (j: number) => beads.find((bead) => bead.b.includes(j))?.a;
    expect(partnerOf(0)).toContain(0);
    expect(partnerOf(1)).toEqual([2]);
    expect(partnerOf(2)).toEqual([3]);
  });

  it("keeps a short sentence in its own paragraph's bead", () => {
    const words = (seed: string, count: number) => Array.from({ length: count }, (_, k) => `${seed}${"aeiou"[k % 5]}${k}`).join(" ");
    const a: AlignSegment[] = [
      { text: `${words("dor", 14)}.`, paragraph: 0 },
      { text: `${words("mel", 14)}.`, paragraph: 1 },
    ];
    const b = (shortParagraph: number): AlignSegment[] => [
      { text: `${words("kiv", 14)}.`, paragraph: 0 },
      { text: "Tak zu.", paragraph: shortParagraph },
      { text: `${words("sup", 14)}.`, paragraph: 1 },
    ];
    const pairs = (beads: Bead[]) => beads.map((bead) => [bead.a, bead.b]);
    expect(pairs(alignPair(a, b(0), { langA: "und", langB: "und" }))).toEqual([
      [[0], [0, 1]],
      [[1], [2]],
    ]);
    expect(pairs(alignPair(a, b(1), { langA: "und", langB: "und" }))).toEqual([
      [[0], [0]],
      [[1], [1, 2]],
    ]);
  });

  it("recovers after a long stretch missing on one side (the band widens)", () => {
    const sentence = (i: number) => ({ text: `Paragraph ${i} tells the story of day ${i * 3 + 7} in ${"many ".repeat(i % 5)}words.` });
    const a = Array.from({ length: 300 }, (_, i) => sentence(i));
    const b = [...a.slice(0, 50), ...a.slice(200)];
    const beads = alignPair(a, b, { langA: "en", langB: "en" });
    const omitted = beads.filter((bead) => bead.b.length === 0).flatMap((bead) => bead.a);
    expect(omitted).toEqual(Array.from({ length: 150 }, (_, k) => 50 + k));
  });
});
