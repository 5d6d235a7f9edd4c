/** The anchors of the demo chapter (data/thirst-for-power), five editions aligned by paragraph. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rowsFromLabels } from "../alignment/label-rows";
import { readEditionFile } from "../import/read-edition-file";
import { compareRowAnchors, type RowCell } from "./anchors";

const CORPUS = path.resolve(import.meta.dirname, "../../data/thirst-for-power");
const LANGS = ["ru", "fr", "es", "it", "en"];

function demoRows(): RowCell[][] {
  const editions = LANGS.map((lang) => ({ lang, document: readEditionFile(path.join(CORPUS, `${lang}.txt`)).document }));
  const sentences = editions.map(({ document }) => document.blocks.flatMap((block) => block.sentences.map((sentence) => sentence.text)));
  const rows = rowsFromLabels(
    editions.map(({ lang, document }) => ({
      id: lang,
      blocks: document.blocks.map((block) => ({ labels: block.labels, segmentCount: block.sentences.length, line: block.line })),
    })),
  );
  return rows.map((row) =>
    editions.map(({ lang }, i) => ({ editionId: lang, lang, text: (row.cells[lang] ?? []).map((index) => sentences[i][index]).join(" ") })),
  );
}

describe("the demo chapter", () => {
  const rows = demoRows();

  it("has 19 rows with text in every edition", () => {
    expect(rows).toHaveLength(19);
    for (const row of rows) expect(row.every((cell) => cell.text.length > 0)).toBe(true);
  });

  it("reports exactly the anchors its translations deliberately differ in", () => {
    const found = rows.flatMap((row) => compareRowAnchors(row).map((difference) => ({ key: difference.key, presentIn: difference.presentIn })));
    expect(found).toEqual([
      // The Italian translator's bracketed gloss on Thermidor (an addition stated in the edition's provenance).
      { key: "paren:3", presentIn: ["it"] },
      { key: "date:1794", presentIn: ["it"] },
      // Trotsky's own Russian title of The Revolution Betrayed, quoted in guillemets where the others italicise.
      { key: "quote:1", presentIn: ["ru"] },
      // "Vladimir Ilyich (Lenin)": the Russian needs no gloss for Владимир Ильич.
      { key: "paren:2", presentIn: ["fr", "es", "it", "en"] },
      { key: "name:lenin", presentIn: ["fr", "es", "it", "en"] },
    ]);
  });

  it("reports the year and the name one edition leaves out", () => {
    const row = rows.find((cells) => cells.some((cell) => cell.text.includes("On May 26, 1928, I wrote from Alma Ata")))!;
    const altered = row.map((cell) =>
      cell.lang === "fr" ? { ...cell, text: cell.text.replace("1928", "").replace(/Alma-Ata/g, "là-bas") } : cell,
    );
    const found = compareRowAnchors(altered).map((difference) => [difference.kind, difference.missingIn]);
    expect(found).toContainEqual(["date", ["fr"]]);
    expect(found).toContainEqual(["name", ["fr"]]);
  });
});
