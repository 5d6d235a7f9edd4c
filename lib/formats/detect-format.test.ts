import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format";
import { exportTeiEdition } from "./tei-export";
import { exportTmx } from "./tmx-export";
import { exportGridCsv } from "./csv-export";
import { exportWorkJson } from "./json-export";
import { sampleWork } from "./fixtures/sample-work";
import { importErrorOf, readFixture } from "./test-helpers";

describe("detectFormat", () => {
  it.each([
    ["trotsky-ru.tei.xml", readFixture("trotsky-ru.tei.xml"), "tei"],
    ["export.xml", exportTeiEdition(sampleWork, "en"), "tei"],
    ["cat-tool.tmx", readFixture("cat-tool.tmx"), "tmx"],
    ["memory.xml", exportTmx(sampleWork), "tmx"],
    ["prefixed.xml", '<!-- c --><tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0"/>', "tei"],
    ["work.json", exportWorkJson(sampleWork), "work-json"],
    ["download", exportWorkJson(sampleWork), "work-json"],
    ["grid.csv", exportGridCsv(sampleWork), "csv"],
    ["grid.tsv", "ru\ten\nа\tb\n", "csv"],
    ["grid.txt", "ru;en-gb\nЖажда;Thirst\n", "csv"],
    ["thirst-en.md", readFixture("thirst-en.md"), "markdown"],
    ["en.txt", "---\nwork: thirst-for-power\nedition: en\nlanguage: en\n---\n\nText.\n", "plain"],
    ["notes.txt", "Introduction, notes\n\nSome paragraph.\n", "markdown"],
    ["ru.txt", readFixture("no-front-matter.md"), "markdown"],
  ])("%s → %s", (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format);
  });

  it("rejects XML that is neither TEI nor TMX", () => {
    expect(importErrorOf(() => detectFormat("page.html", "<!DOCTYPE html><html><body/></html>")).message).toBe(
      "page.html: unsupported XML document <html>: TEI (<TEI>) and TMX (<tmx>) files can be imported",
    );
  });
});
