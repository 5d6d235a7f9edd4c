/**
 * The demo's earlier witness en-extracted is the English chapter as extracted, before the corrections: applying the
 * corrections listed for the chapter's lines to its text, one after another, gives the text of en, word for word.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCorrections, parseEditionText } from "./edition-format";

const CORPUS = path.resolve(import.meta.dirname, "../../data/thirst-for-power");
const read = (name: string) => parseEditionText(fs.readFileSync(path.join(CORPUS, name), "utf8"), name);

/** An edition's text with its markup left out: its sentences joined with single spaces. */
const plain = (text: string) => text.replace(/^#+ /, "").replace(/^\{[^}]*\}\s*/, "").replace(/\s+/g, " ").trim();
const textOf = (name: string) => read(name).blocks.flatMap((block) => block.sentences.map((s) => s.text)).join(" ");

describe("the English extracted text (earlier witness of en)", () => {
  const witness = read("en-extracted.txt");
  const corrections = parseCorrections(fs.readFileSync(path.join(CORPUS, "en.corrections.tsv"), "utf8"), "en.corrections.tsv");
  /* The chapter starts at its heading (source line 87) and ends before the notes (line 183); the rest is apparatus. */
  const chapter = corrections.filter((correction) => correction.line >= 87 && correction.line < 183);

  it("is labelled as the extracted text, replaced by en, with the same labels as en", () => {
    expect(witness.meta).toMatchObject({ edition: "en-extracted", language: "en", provenance: "published", original: false });
    expect(witness.meta.title).toMatch(/\(extracted text\)$/);
    expect(witness.meta.source).toMatch(/^The chapter as extracted from the PDF .* before the corrections listed in en\.corrections\.tsv/);
    expect(new Set(witness.blocks.flatMap((b) => b.labels))).toEqual(new Set(read("en.txt").blocks.flatMap((b) => b.labels).filter((l) => l !== "d1")));
  });

  it("becomes the text of en when the chapter's corrections are applied, and no other change is needed", () => {
    let text = textOf("en-extracted.txt");
    let previousAfter = "";
    for (const correction of chapter) {
      const before = plain(correction.before);
      const after = plain(correction.after);
      if (before === "") {
        expect(text, `line ${correction.line}: “${previousAfter}” is there to insert after`).toContain(previousAfter);
        text = text.replace(previousAfter, `${previousAfter} ${after}`);
      } else {
        /* As whole words: the stray page number 8 is not the 8 of 1928. */
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${before.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u");
        expect(pattern.test(text), `line ${correction.line}: “${before}” is in the extracted text`).toBe(true);
        text = text.replace(pattern, after);
      }
      text = text.replace(/\s+/g, " ").trim();
      previousAfter = after || previousAfter;
    }
    expect(text).toBe(textOf("en.txt"));
  });
});
