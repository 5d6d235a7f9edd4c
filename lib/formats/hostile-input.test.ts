/**
 * Hostile input the parsers must read right or refuse clearly, beside the hostile corpus (test/hostile-files.ts,
 * refused through the import path): every line ending reads alike and names the same lines; byte order marks of
 * UTF-8 and UTF-16 are read; binary files under a text name are refused; a block just under the block limit is
 * read; the checks of language tags, titles and text that cannot be stored.
 */
import { describe, expect, it } from "vitest";
import { isLanguageTag } from "../text/language-tag";
import { lineTextProblem } from "../text/edition-document";
import { MAX_BLOCK_CHARS } from "../text/limits";
import { findUnstorableText } from "../text/storable-text";
import { importFile } from "./import-file";
import { importErrorOf } from "./test-helpers";

const options = { defaults: { work: "w", language: "en", title: "T" }, alignedDefaults: { common: { work: "w" } } };
const read = (text: string | Uint8Array, name: string) => importFile(typeof text === "string" ? new TextEncoder().encode(text) : text, name, options);
const sentences = (text: string | Uint8Array, name: string) => {
  const { content } = read(text, name);
  const documents = content.kind === "edition" ? [content.document] : content.kind === "aligned" ? content.aligned.editions : [];
  return documents.map((document) => document.blocks.map((block) => block.sentences.map((sentence) => sentence.text)));
};

const MARKDOWN = "# Title\n\nOne. Two.\nThree.\n\n> Quote.\n";
const CSV = 'en,ru\nHello.,Привет.\n"Two\nlines.",Да.\n';
const TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>\n<text><body>\n<p>One.</p>\n<p>Two.</p>\n</body></text></TEI>\n';
const ENDINGS = { "CR LF": (text: string) => text.replace(/\n/g, "\r\n"), CR: (text: string) => text.replace(/\n/g, "\r"), mixed: (text: string) => text.split("\n").map((line, i) => line + ["\r\n", "\r", "\n"][i % 3]).join("").slice(0, -1) };

describe("hostile input to the parsers", () => {
  it.each(Object.entries(ENDINGS))("reads %s line ends as line feeds, in every format", (_, convert) => {
    for (const [text, name] of [[MARKDOWN, "a.md"], [CSV, "a.csv"], [TEI, "a.xml"]]) expect(sentences(convert(text), name)).toEqual(sentences(text, name));
  });

  it.each(Object.entries(ENDINGS))("names the same line in an error after %s line ends", (_, convert) => {
    const errors = [
      ["# T\n\nText.\n\n{.bogus} More.\n", "a.md"],
      ["en,ru,row_status\nA.,Б.,automatic\nC.,Д.,wrong\n", "a.csv"],
      [TEI.replace("<p>Two.</p>", "<p>Two &bogus;.</p>"), "a.xml"],
    ].map(([text, name]) => importErrorOf(() => read(convert(text), name)));
    expect(errors.map((error) => [error.line, error.column])).toEqual([[5, null], [3, null], [4, 8]]);
  });

  it.each([
    ["UTF-8", [0xef, 0xbb, 0xbf], (text: string) => Buffer.from(text, "utf8")],
    ["UTF-16 LE", [0xff, 0xfe], (text: string) => Buffer.from(text, "utf16le")],
    ["UTF-16 BE", [0xfe, 0xff], (text: string) => Buffer.from(text, "utf16le").swap16()],
  ])("reads %s with its byte order mark", (_, bom, encode) => {
    const bytes = new Uint8Array([...bom, ...encode("# Жажда власти\n\nОдин. Два.\n")]);
    expect(sentences(bytes, "a.md")).toEqual([[["Жажда власти"], ["Один.", "Два."]]]);
  });

  it.each([
    ["a PNG", "cover.txt", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]],
    ["a ZIP (a Word file)", "chapter.md", [0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]],
  ])("refuses %s under a text name as not a text file", (_, name, bytes) => {
    expect(importErrorOf(() => read(new Uint8Array(bytes), name)).reason).toMatch(/^this is not a text file/);
  });

  it("reads a paragraph just under the block limit", () => {
    const paragraph = `${"Word ".repeat(MAX_BLOCK_CHARS / 5 - 2)}end.`;
    expect(paragraph.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
    expect(sentences(`# T\n\n${paragraph}\n`, "a.md")[0][1]).toEqual([paragraph]);
  });

  it("takes BCP 47 language tags only", () => {
    expect(["ru", "en-GB", "sr-Latn", "zh-Hant-TW", "de-CH-1996", "yue"].filter(isLanguageTag)).toHaveLength(6);
    expect(["en-12", "ru-de-fg", "en-US-US", "EN", "e", "en_GB", "en-", "x-private"].filter(isLanguageTag)).toEqual([]);
  });

  it("refuses control and bidirectional control characters in titles, and keeps marks of direction", () => {
    expect(lineTextProblem("Жажда власти \u200F(‏)")).toBeNull();
    expect(lineTextProblem("abc\u202Etxt.exe")).toMatch(/bidirectional control character \(U\+202E\)/);
    expect(lineTextProblem("a\u2067b")).toMatch(/U\+2067/);
    expect(lineTextProblem("a\tb")).toBe("holds a control character (U+0009) — remove it");
  });

  it("finds text that cannot be stored, and where, in a value nested 200,000 deep", () => {
    let deep: unknown = "a\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.path).toBe(Array(200_000).fill("0").join("."));
    expect(findUnstorableText({ cells: { "e\u0000": [] } })).toEqual({ path: "cells.e\u0000", reason: expect.stringMatching(/^is a name that holds a NUL/) });
    expect(findUnstorableText(JSON.parse('{"a": {"__proto__": {"polluted": true}}}'))?.path).toBe("a.__proto__");
    expect(findUnstorableText({ text: "😀 Жажда", n: [1, null, true] })).toBeNull();
  });
});
