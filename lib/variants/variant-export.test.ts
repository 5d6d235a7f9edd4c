import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { variantsCsv, variantsCsvStream, variantsJson, variantsJsonStream, type VariantExport } from "./variant-export";

const editions = [
  { id: "e-ru", slug: "ru", language: "ru", title: "«Жажда власти»", provenance: "working_translation" as const, isOriginal: false, standsInForOriginal: true },
  { id: "e-en", slug: "en", language: "en", title: "“Thirst for Power”", provenance: "published" as const, isOriginal: false, standsInForOriginal: false },
];

const data: VariantExport = {
  work: { slug: "thirst-for-power", title: "Thirst for Power" },
  editions,
  variants: [
    {
      id: "v1",
      rowId: "row-3",
      rowNumber: 3,
      category: "number_date",
      status: "open",
      note: 'The Russian gives "August 1936", the English only the year; see, e.g., p. 2',
      author: { id: "u1", name: "Sol Scholar" },
      editions: editions.map(({ id, slug, language, title, provenance, isOriginal, standsInForOriginal }) => ({ id, slug, language, title, provenance, isOriginal, standsInForOriginal })),
      createdAt: new Date("2026-11-25T10:00:00Z"),
      updatedAt: new Date("2026-11-25T11:00:00Z"),
    },
  ],
  rowTexts: new Map([["row-3", { "e-ru": "В августе 1936 года, по словам Вышинского.", "e-en": "In 1936, in the words of Vyshinsky." }]]),
  exportedAt: new Date("2026-11-26T00:00:00Z"),
};

describe("variantsCsv", () => {
  it("writes one line per variant, naming every edition's provenance", () => {
    const csv = variantsCsv(data);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, line] = parse(csv.slice(1)) as string[][];
    expect(header).toEqual([
      "id", "row", "category", "status", "note", "author", "created_at", "updated_at", "editions",
      "text ru (Working translation, stands in for the Russian original)", "text en (Published text)",
    ]);
    expect(line).toEqual([
      "v1", "3", "Number or date", "Open", data.variants[0].note, "Sol Scholar", "2026-11-25T10:00:00.000Z", "2026-11-25T11:00:00.000Z",
      "ru (Working translation, stands in for the Russian original); en (Published text)", "В августе 1936 года, по словам Вышинского.", "In 1936, in the words of Vyshinsky.",
    ]);
  });
});

describe("variantsJson", () => {
  it("carries each edition's provenance and role and the row's texts, never calling a stand-in the original", () => {
    const json = variantsJson(data);
    expect(json.editions.map((edition) => [edition.slug, edition.isOriginal, edition.standsInForOriginal, edition.role])).toEqual([
      ["ru", false, true, "Working translation (stands in for the Russian original)"],
      ["en", false, false, "Translation"],
    ]);
    expect(json.editions.map((edition) => [edition.slug, edition.provenance, edition.provenanceLabel])).toEqual([
      ["ru", "working_translation", "Working translation"],
      ["en", "published", "Published text"],
    ]);
    expect(json.variants[0]).toMatchObject({ row: 3, category: "number_date", author: "Sol Scholar" });
    expect(json.variants[0].editions.map((edition) => [edition.slug, edition.provenanceLabel, edition.text])).toEqual([
      ["ru", "Working translation", "В августе 1936 года, по словам Вышинского."],
      ["en", "Published text", "In 1936, in the words of Vyshinsky."],
    ]);
  });
});

describe("the streamed register", () => {
  const many: VariantExport = {
    ...data,
    variants: Array.from({ length: 5 }, (_, k) => ({ ...data.variants[0], id: `v${k}`, note: `${k === 2 ? "=cmd|" : ""}note ${k}`, author: k % 2 ? null : data.variants[0].author })),
  };
  async function* pages(size: number) {
    for (let k = 0; k < many.variants.length; k += size) yield { variants: many.variants.slice(k, k + size), rowTexts: many.rowTexts };
  }
  async function text(pieces: AsyncIterable<string>) {
    let out = "";
    for await (const piece of pieces) out += piece;
    return out;
  }

  it.each([1, 2, 5])("is the whole CSV and JSON, byte for byte, in pages of %i", async (size) => {
    expect(await text(variantsCsvStream(many, pages(size)))).toBe(variantsCsv(many));
    expect(await text(variantsJsonStream(many, pages(size)))).toBe(`${JSON.stringify(variantsJson(many), null, 2)}\n`);
  });
});
