import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { variantsCsv } from "../variants/variant-export";
import { neutraliseCell, restoreCell } from "./csv-cells";
import { exportGridCsv, exportVariantsCsv } from "./csv-export";
import { parseAlignedCsv } from "./csv-import";
import { sampleWork } from "./fixtures/sample-work";
import type { WorkExport } from "./work-export";

const FORMULA_START = /^[=+\-@\t\r]/;
const HOSTILE = ["=HYPERLINK(\"http://evil.test\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "'=already quoted", "''", "'Tis"];

/** Every field of a CSV (BOM and quoting handled by a real parser). */
const fields = (csv: string) => (parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][]).flat();

/** The sample work with hostile text in its first segments and variant notes. */
function hostileWork(): WorkExport {
  const work = structuredClone(sampleWork);
  work.editions.forEach((edition, e) => {
    edition.segments.forEach((segment, i) => {
      if (i < HOSTILE.length) segment.text = HOSTILE[(i + e) % HOSTILE.length].replace(/[\t\r]/g, "") || "=x";
    });
  });
  work.variants.forEach((variant, i) => (variant.note = HOSTILE[i % HOSTILE.length]));
  return work;
}

describe("CSV cells", () => {
  it("start with no formula character in any CSV export: grid, variants (work export) and the variant register", () => {
    const work = hostileWork();
    const register = variantsCsv({
      work: { slug: "w", title: "W" },
      editions: [{ id: "e1", slug: "en", language: "en", title: "T", provenance: "published", isOriginal: true, standsInForOriginal: false }],
      variants: HOSTILE.map((note, i) => ({
        id: `v${i}`,
        rowId: "r",
        rowNumber: 1,
        category: "other",
        status: "open",
        note,
        author: { id: "u", name: "@admin" },
        editions: [{ id: "e1", slug: "en", language: "en", title: "T", provenance: "published", isOriginal: true, standsInForOriginal: false }],
        createdAt: new Date(0),
        updatedAt: new Date(0),
      })),
      rowTexts: new Map([["r", { e1: "-1 rouble" }]]),
      exportedAt: new Date(0),
    });
    for (const csv of [exportGridCsv(work), exportVariantsCsv(work), register]) {
      const cells = fields(csv);
      expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
      expect(cells.some((cell) => /^'[=+\-@]/.test(cell))).toBe(true);
    }
  });

  it("are restored exactly by the grid import, hostile text included", () => {
    const work = hostileWork();
    const aligned = parseAlignedCsv(exportGridCsv(work), "w.csv", { common: { work: "w" } });
    for (const edition of work.editions) {
      const imported = aligned.editions.find((doc) => doc.meta.edition === edition.slug)!;
      expect(imported.blocks.flatMap((block) => block.sentences.map((s) => s.text))).toEqual(edition.segments.map((s) => s.text));
    }
  });

  it("round-trip: restoreCell(neutraliseCell(s)) is s, and a neutralised cell never starts a formula (property)", () => {
    const start = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "a", "");
    fc.assert(
      fc.property(start, fc.string(), (head, tail) => {
        const value = head + tail;
        expect(restoreCell(neutraliseCell(value))).toBe(value);
        expect(FORMULA_START.test(neutraliseCell(value))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("leave ordinary text and a leading apostrophe before a letter as they are", () => {
    expect(["Жажда власти", "'Tis the season", "1937", ""].map(neutraliseCell)).toEqual(["Жажда власти", "'Tis the season", "1937", ""]);
    expect(restoreCell("'Tis")).toBe("'Tis");
  });
});
