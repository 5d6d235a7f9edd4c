/*
 * Pins the links the n-way word aligner makes on a long generated text in four editions: posteriors are kept
 * compact between training and decoding (model.ts's PosteriorStore: rows sparse and dense, in shared blocks, more
 * than one block per pair here), which must not change a single link. The expected digest is of the links this
 * input got before that storage (commit 65aba36); a deliberate change of the model changes it too.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { alignWordsNWay } from "./align-words";
import { PosteriorStore } from "./model";
import { toPharaoh } from "./symmetrise";

const WORDS: Record<string, string[]> = {
  en: ["the", "old", "house", "stood", "by", "river", "and", "night", "was", "cold", "dog", "barked", "at", "moon"],
  fr: ["la", "vieille", "maison", "était", "près", "rivière", "et", "nuit", "froide", "le", "chien", "aboyait", "à", "lune"],
  es: ["la", "vieja", "casa", "estaba", "junto", "río", "y", "noche", "fría", "el", "perro", "ladraba", "a", "luna"],
  it: ["la", "vecchia", "casa", "stava", "presso", "fiume", "e", "notte", "fredda", "il", "cane", "abbaiava", "alla", "luna"],
};

/** Row r of an edition: a number, then words picked by r (the same positions in every edition), then a year; every tenth row one word three times (all its cells kept: stored dense). */
function row(language: string, r: number): string[] {
  const words = WORDS[language];
  if (r % 10 === 0) return Array.from({ length: 3 }, () => words[r % words.length]);
  const length = 4 + ((r * 7) % 31);
  return [String(r + 1), ...Array.from({ length }, (_, k) => words[(r * 3 + k * 5 + (k * k) % 7) % words.length]), String(1900 + (r % 90))];
}

describe("the n-way word aligner's links", () => {
  it("are those it made before its posteriors were stored compactly", async () => {
    const editions = Object.keys(WORDS).map((language) => ({ id: language, language, rows: Array.from({ length: 1_000 }, (_, r) => row(language, r)) }));
    const result = await alignWordsNWay({ editions });
    const digest = createHash("sha256");
    for (const [key, rows] of [...result].sort(([x], [y]) => x.localeCompare(y))) digest.update(`${key}\n${rows.map((links) => `${toPharaoh(links)} ${links.map((link) => link.p).join(",")}`).join("\n")}\n`);
    expect(digest.digest("hex")).toBe("8808829da9266c83a2322bcdb35dfb18c6a2b4bcc947dae944406d1301f79a69");
  });
});

describe("the store of rows' posteriors", () => {
  it("hands out arrays that never overlap, in blocks of the size given (a larger one for a row that needs it)", () => {
    const store = new PosteriorStore(10);
    const taken = [store.take(4, false), store.take(4, false), store.take(3, true), store.take(25, false), store.take(4, false)];
    expect(taken[2].cells).toBeNull();
    expect(taken.map((t) => t.forward.length)).toEqual([4, 4, 3, 25, 4]);
    expect(taken[0].cells!.buffer).toBe(taken[1].cells!.buffer);
    expect(taken[3].cells!.buffer).not.toBe(taken[1].cells!.buffer);
    expect(taken[4].cells!.buffer).not.toBe(taken[3].cells!.buffer);
    taken.forEach((t, k) => {
      t.cells?.fill(k + 1);
      t.forward.fill(k + 1);
      t.backward.fill(-(k + 1));
    });
    taken.forEach((t, k) => {
      expect(t.cells === null || t.cells.every((c) => c === k + 1)).toBe(true);
      expect(t.forward.every((v) => v === k + 1) && t.backward.every((v) => v === -(k + 1))).toBe(true);
    });
  });
});
