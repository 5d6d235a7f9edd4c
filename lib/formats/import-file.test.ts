import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { exportGridCsv } from "./csv-export";
import { sampleWork } from "./fixtures/sample-work";
import { importFile } from "./import-file";
import { exportWorkJson } from "./json-export";
import { exportTeiEdition } from "./tei-export";
import { importErrorOf, readFixture } from "./test-helpers";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("importFile", () => {
  it("decodes, detects and parses a Windows-1251 Markdown file, with warnings and counts", () => {
    const bytes = iconv.encode(readFixture("no-front-matter.md").replace("Ответ", "ОтветСтраница"), "windows-1251");
    const result = importFile(bytes, "ru.md", { defaults: { work: "thirst-for-power", language: "ru" } });
    expect(result.format).toBe("markdown");
    expect(result.encoding).toMatchObject({ encoding: "windows-1251", hadBom: false });
    if (result.content.kind !== "edition") throw new Error("expected an edition");
    expect(result.content.document.meta.title).toBe("Жажда власти");
    expect(result.content.stats.sentences).toBe(5);
    expect(result.content.warnings.map((w) => [w.code, w.line, w.excerpt])).toEqual([["joined-words", 6, "ОтветСтраница"]]);
  });

  it("reads the project's plain format and reports the side files it names", () => {
    const text = "---\nwork: w\nedition: en\nlanguage: en\ntitle: T\nprovenance: published\noriginal: false\napparatus: en.apparatus.txt\n---\n\nText one. Text two.\n";
    const result = importFile(utf8(text), "en.txt");
    expect(result.format).toBe("plain");
    if (result.content.kind !== "edition") throw new Error("expected an edition");
    expect(result.content.sideFiles).toEqual(["en.apparatus.txt"]);
    expect(result.content.document.blocks[0].sentences.map((s) => s.text)).toEqual(["Text one.", "Text two."]);
  });

  it("reads a TEI export in UTF-16 with BOM", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(exportTeiEdition(sampleWork, "ru"), "utf-16le")]);
    const result = importFile(bytes, "ru.xml");
    expect([result.format, result.encoding.encoding, result.encoding.hadBom]).toEqual(["tei", "utf-16le", true]);
    if (result.content.kind !== "edition") throw new Error("expected an edition");
    expect(result.content.document.meta).toEqual(sampleWork.editions[0].meta);
  });

  it("reads an aligned CSV, previewing each edition", () => {
    const result = importFile(utf8(exportGridCsv(sampleWork)), "grid.csv", { alignedDefaults: { common: { work: "thirst-for-power" } } });
    expect(result.encoding.hadBom).toBe(true);
    if (result.content.kind !== "aligned") throw new Error("expected an aligned import");
    expect(result.content.aligned.rows).toHaveLength(7);
    expect(result.content.previews.map((p) => [p.document.meta.edition, p.stats.sentences])).toEqual([
      ["ru", 7],
      ["en", 8],
      ["fr", 4],
    ]);
  });

  it("reads a full-work JSON export", () => {
    const result = importFile(utf8(exportWorkJson(sampleWork)), "work.json");
    expect(result.content).toEqual({ kind: "work", work: sampleWork });
  });

  it("uses the format the caller names instead of detecting one", () => {
    const result = importFile(utf8("ru,en\nа,b\n"), "grid.txt", { format: "markdown", defaults: { work: "w", language: "en", title: "T" } });
    expect(result.format).toBe("markdown");
  });

  it("passes on decoding errors", () => {
    expect(importErrorOf(() => importFile(new Uint8Array(), "empty.md")).message).toBe("empty.md: the file is empty");
  });
});
