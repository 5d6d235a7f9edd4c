import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordDiff, type DiffPart, type WordDiffOk } from "./word-diff";

function ok(result: ReturnType<typeof wordDiff>): WordDiffOk {
  if (result.status !== "ok") throw new Error(`expected a diff, got ${result.status}`);
  return result;
}

const changed = (parts: DiffPart[], kind: "added" | "removed") => parts.filter((p) => p.kind === kind).map((p) => p.text);
const joined = (parts: DiffPart[]) => parts.map((p) => p.text).join("");

describe("wordDiff", () => {
  it("highlights only the changed word", () => {
    const result = ok(wordDiff("Zinoviev and Kamenev were shot.", "Zinoviev and Smirnov were shot.", "en"));
    expect(result.parts).toEqual([
      { kind: "equal", text: "Zinoviev and " },
      { kind: "removed", text: "Kamenev" },
      { kind: "added", text: "Smirnov" },
      { kind: "equal", text: " were shot." },
    ]);
    expect(result.identical).toBe(false);
  });

  it("reads adjacent changed words as one replacement", () => {
    const result = ok(wordDiff("the red cat sat", "the blue dog sat", "en"));
    expect(changed(result.parts, "removed")).toEqual(["red cat"]);
    expect(changed(result.parts, "added")).toEqual(["blue dog"]);
  });

  it("gives side views that rebuild each input exactly", () => {
    const a = "Вышинский  потребовал «расстрела» всех.";
    const b = "Вышинский требовал — расстрела всех!";
    const result = ok(wordDiff(a, b, "ru"));
    expect(joined(result.left)).toBe(a);
    expect(joined(result.right)).toBe(b);
    expect(result.left.every((p) => p.kind !== "added")).toBe(true);
    expect(result.right.every((p) => p.kind !== "removed")).toBe(true);
  });

  it("respects ignoreCase", () => {
    expect(ok(wordDiff("Le Procès", "le procès", "fr")).identical).toBe(false);
    expect(ok(wordDiff("Le Procès", "le procès", "fr", { ignoreCase: true })).identical).toBe(true);
  });

  it("respects ignorePunctuation and keeps the original punctuation in the views", () => {
    const a = "Kirov fue asesinado, en diciembre.";
    const b = "Kirov fue asesinado en diciembre";
    expect(ok(wordDiff(a, b, "es")).identical).toBe(false);
    const ignoring = ok(wordDiff(a, b, "es", { ignorePunctuation: true }));
    expect(ignoring.identical).toBe(true);
    expect(joined(ignoring.left)).toBe(a);
    expect(joined(ignoring.right)).toBe(b);
  });

  it("respects ignoreWhitespace", () => {
    const a = "Trotski , dit-il ;  Staline";
    const b = "Trotski, dit-il ; Staline";
    expect(ok(wordDiff(a, b, "fr")).identical).toBe(false);
    expect(ok(wordDiff(a, b, "fr", { ignoreWhitespace: true })).identical).toBe(true);
  });

  it("treats ё and е as the same letter with the profile, and not without", () => {
    expect(ok(wordDiff("Ещё Ёжов", "Еще Ежов", "ru")).identical).toBe(true);
    expect(ok(wordDiff("Ещё Ёжов", "Еще Ежов", "ru", { profile: false })).identical).toBe(false);
  });

  it("treats typographic and straight quotes and dashes as the same with the profile", () => {
    expect(ok(wordDiff("“Stalin” — said", '"Stalin" - said', "en")).identical).toBe(true);
    expect(ok(wordDiff("«Stalin»", '"Stalin"', "it", { profile: false })).identical).toBe(false);
  });

  it("matches pre-reform and modern Russian spelling", () => {
    expect(ok(wordDiff("Троцкій сказалъ добраго человѣка", "Троцкий сказал доброго человека", "ru")).identical).toBe(true);
  });

  it("folds Italian accent variants only with foldAccents", () => {
    expect(ok(wordDiff("perché Zinoviev", "perchè Zinoviev", "it")).identical).toBe(false);
    expect(ok(wordDiff("perché Zinoviev", "perchè Zinoviev", "it", { foldAccents: true })).identical).toBe(true);
  });

  it("counts equal, removed and added words", () => {
    const result = ok(wordDiff("Lenin and Stalin", "Lenin and Trotsky and Stalin", "en"));
    expect(result.stats).toMatchObject({ equalWords: 3, removedWords: 0, addedWords: 2 });
    expect(result.stats.similarity).toBeCloseTo(6 / 8);
  });

  it("reports too-different instead of diffing oversized input", () => {
    expect(wordDiff("a".repeat(101), "b", "en", { maxChars: 100 })).toEqual({ status: "too-different", reason: "size" });
  });

  it("reports too-different when the edit script exceeds maxEditLength", () => {
    const a = Array.from({ length: 60 }, (_, i) => `alpha${i}`).join(" ");
    const b = Array.from({ length: 60 }, (_, i) => `beta${i}`).join(" ");
    expect(wordDiff(a, b, "en", { maxEditLength: 20 })).toEqual({ status: "too-different", reason: "edit-length" });
    expect(wordDiff(a, b, "en").status).toBe("ok");
  });

  it("reports too-different when the timeout is hit", () => {
    const a = Array.from({ length: 4000 }, (_, i) => `w${i % 97}x${i}`).join(" ");
    const b = Array.from({ length: 4000 }, (_, i) => `w${i % 89}y${i}`).join(" ");
    const result = wordDiff(a, b, "en", { timeoutMs: 1, maxEditLength: 1e9, maxChars: 1e9 });
    expect(result).toEqual({ status: "too-different", reason: "timeout" });
  });

  it("rebuilds both inputs from the side views for any texts and options", () => {
    const word = fc.constantFrom("Kirov", "kirov", "Ёжов", "Ежов", "«", "»", ",", " ", "  ", "—", "5,000", "l’", "perché", "\n");
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(""));
    fc.assert(
      fc.property(text, text, fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (a, b, ignoreCase, ignorePunctuation, ignoreWhitespace, profile) => {
        const result = ok(wordDiff(a, b, "ru", { ignoreCase, ignorePunctuation, ignoreWhitespace, profile }));
        expect(joined(result.left)).toBe(a);
        expect(joined(result.right)).toBe(b);
        expect(joined(result.parts.filter((p) => p.kind !== "added"))).toBe(a);
      }),
    );
  });
});
