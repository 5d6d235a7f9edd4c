import { describe, expect, it } from "vitest";
import { parseAlignedCsv } from "./csv-import";
import { MAX_IMPORT_BYTES, MAX_IMPORT_SEGMENTS, utf8Length } from "../text/limits";
import { parseMarkdownEdition } from "./markdown";
import { parseTeiEdition } from "./tei-import";
import { importErrorOf } from "./test-helpers";

const defaults = { work: "w", language: "en", title: "T" };

describe("import limits", () => {
  it("are 20 MiB and 100,000 segments", () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_IMPORT_SEGMENTS).toBe(100_000);
  });

  it("measure text in UTF-8 bytes", () => {
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
  });

  it("reject a text over the size limit before parsing it", () => {
    const text = "Жажда власти. ".repeat(Math.ceil(MAX_IMPORT_BYTES / 25) + 1);
    expect(importErrorOf(() => parseMarkdownEdition(text, "big.md", defaults)).message).toMatch(
      /^big\.md: the file is 2\d\.\d MB; the import limit is 20\.0 MB — split the work into smaller files$/,
    );
    expect(importErrorOf(() => parseTeiEdition(text, "big.xml", defaults)).reason).toMatch(/the import limit is 20\.0 MB/);
  });

  it("accept a Cyrillic text just under the limit in bytes though not in characters", () => {
    expect(utf8Length("ж".repeat(MAX_IMPORT_BYTES / 2))).toBe(MAX_IMPORT_BYTES);
  });

  it("reject more segments than the limit, naming the line where the limit was passed", () => {
    const markdown = Array.from({ length: MAX_IMPORT_SEGMENTS + 1 }, (_, i) => `# Heading ${i}`).join("\n");
    const error = importErrorOf(() => parseMarkdownEdition(markdown, "many.md", defaults));
    expect(error.line).toBe(MAX_IMPORT_SEGMENTS + 1);
    expect(error.reason).toBe("more than 100,000 segments; the import limit is 100,000 — split the work into smaller files");
  });

  it("count segments over all editions of an aligned file", () => {
    const rows = Array.from({ length: MAX_IMPORT_SEGMENTS / 2 + 1 }, (_, i) => `a${i},b${i}`);
    const error = importErrorOf(() => parseAlignedCsv(["ru,en", ...rows].join("\n"), "many.csv", { common: { work: "w" } }));
    expect(error.line).toBe(MAX_IMPORT_SEGMENTS / 2 + 2);
    expect(error.reason).toMatch(/^more than 100,000 segments/);
  });
});
