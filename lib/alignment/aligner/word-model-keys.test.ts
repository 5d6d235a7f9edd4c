import { describe, expect, it } from "vitest";
import { wordModelKeys } from "./word-model-keys";

const shared = (x: Iterable<string>, y: Iterable<string>) => {
  const set = new Set(x);
  return [...y].filter((key) => set.has(key));
};

describe("wordModelKeys", () => {
  const a = ["the dog sleeps", "the cat eats", "a dog eats", "a cat sleeps", "the dog eats", "the cat sleeps", "the bird sings"];
  const b = ["der Hund schläft", "die Katze frisst", "ein Hund frisst", "eine Katze schläft", "der Hund frisst", "die Katze schläft", "der Vogel singt"];
  const segments = (texts: string[]) => texts.map((text) => ({ text }));
  const beads = a.slice(0, 6).map((_, i) => [i, i] as const);
  const keys = wordModelKeys(segments(a), segments(b), beads, "en", "de", null, {
    maxTrainingBeads: 100,
    iterations: 5,
    minLinkMass: 1.5,
    minShare: 0.5,
    maxTranslations: 1,
  });

  it("gives a segment pair a shared key for each word the model learnt to translate", () => {
    expect(keys.entries).toBeGreaterThanOrEqual(3);
    expect(shared(keys.keysForA(0), keys.keysForB(0)).length).toBeGreaterThanOrEqual(2);
    expect(shared(keys.keysForA(4), keys.keysForB(4)).length).toBeGreaterThanOrEqual(2);
  });

  it("gives segments that share no translated word no shared key", () => {
    expect(shared(keys.keysForA(0), keys.keysForB(1))).toEqual([]);
    expect(shared(keys.keysForA(6), keys.keysForB(0))).toEqual([]);
  });

  it("learns nothing from words seen too rarely", () => {
    expect([...keys.keysForA(6)].some((key) => key.includes("sing"))).toBe(false);
  });
});
