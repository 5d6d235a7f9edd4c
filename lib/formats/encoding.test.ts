import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { assertConfidentEncoding, decodeInput, firstInvalidUtf8 } from "./encoding";
import { isConfidentEncoding } from "./encoding-confidence";
import { FRENCH, FRENCH_LATIN9, RUSSIAN, RUSSIAN_STRAIGHT_QUOTES, SPANISH } from "./fixtures/encoding-texts";
import { MAX_IMPORT_BYTES } from "../text/limits";
import { importErrorOf as rejection } from "./test-helpers";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, "fixtures", "encodings", name)));

describe("decodeInput on fixture files", () => {
  it.each([
    ["ru-utf8.txt", RUSSIAN, "utf-8", false],
    ["ru-utf8-bom.txt", RUSSIAN, "utf-8", true],
    ["ru-utf16le-bom.txt", RUSSIAN, "utf-16le", true],
    ["ru-utf16be.txt", RUSSIAN, "utf-16be", false],
    ["ru-windows-1251.txt", RUSSIAN, "windows-1251", false],
    ["ru-koi8-r.txt", RUSSIAN_STRAIGHT_QUOTES, "koi8-r", false],
    ["fr-iso-8859-1.txt", FRENCH, "iso-8859-1", false],
    ["fr-iso-8859-15.txt", FRENCH_LATIN9, "iso-8859-15", false],
    ["es-windows-1252.txt", SPANISH, "windows-1252", false],
  ])("reads %s as its text in %s", (name, text, encoding, hadBom) => {
    const decoded = decodeInput(fixture(name), name);
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.hadBom).toBe(hadBom);
    expect(decoded.confidence).toBeGreaterThan(0);
    expect(decoded.confidence).toBeLessThanOrEqual(1);
  });

  it("is certain about UTF-8 and byte order marks, and only guesses legacy encodings", () => {
    expect(decodeInput(fixture("ru-utf8.txt")).confidence).toBe(1);
    expect(decodeInput(fixture("ru-utf16le-bom.txt")).confidence).toBe(1);
    expect(decodeInput(fixture("ru-windows-1251.txt")).confidence).toBeLessThan(1);
  });
});

describe("decodeInput tells Windows-1251 and KOI8-R apart", () => {
  const sentences = [
    "Жажда власти.",
    "Лев Давидович Троцкий",
    "ЖАЖДА ВЛАСТИ",
    "Революционер, который не стремится поставить государственный аппарат на службу своей программе, ничего не стоит.",
    "Сталин и Бухарин; Зиновьев и Каменев — «объединённый центр», 1936 год.",
  ];
  it.each(sentences)("reads “%s” in both encodings", (sentence) => {
    const koi8Text = sentence.replace(/[«»]/g, '"').replace(/—/g, "-");
    expect(decodeInput(iconv.encode(sentence, "windows-1251"))).toMatchObject({ text: sentence, encoding: "windows-1251" });
    expect(decodeInput(iconv.encode(koi8Text, "koi8-r"))).toMatchObject({ text: koi8Text, encoding: "koi8-r" });
  });
});

describe("decodeInput reads short Western European fragments that chardet ranks as Central European", () => {
  it.each(["itté la voie", "os años veni", "é développé ", "algunas vacilaciones, Zinóvi", "Le cœur"])("%j", (text) => {
    expect(decodeInput(iconv.encode(text, "iso-8859-15")).text).toBe(text);
  });
});

describe("decodeInput detects UTF-16 without a byte order mark", () => {
  it.each(["utf-16le", "utf-16be"])("in %s", (encoding) => {
    const text = "Thirst for Power — Жажда власти\r\nLéon Trotsky\n";
    expect(decodeInput(iconv.encode(text, encoding))).toMatchObject({ text, encoding, hadBom: false });
  });
});

describe("decodeInput rejects what is not a supported text file", () => {
  it("rejects an empty file", () => {
    const error = rejection(() => decodeInput(fixture("empty.txt"), "empty.txt"));
    expect(error.message).toBe("empty.txt: the file is empty");
    expect(error.line).toBeNull();
  });

  it("rejects a file of white space only", () => {
    expect(rejection(() => decodeInput(new TextEncoder().encode(" \n\t\n"), "blank.txt")).reason).toBe(
      "the file is empty (it holds only white space)",
    );
  });

  it("rejects a binary file (a PDF with NUL bytes)", () => {
    const error = rejection(() => decodeInput(fixture("binary.pdf"), "binary.pdf"));
    expect(error.reason).toMatch(/^this is not a text file \(it contains NUL bytes\)/);
    expect(error.reason).toContain("PDF, Word, image and other binary files cannot be imported");
  });

  it("rejects text full of control characters", () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x07 : 0x61));
    expect(rejection(() => decodeInput(bytes, "bell.txt")).reason).toMatch(/^this is not a text file \(67 control characters\)/);
  });

  it("accepts a text with a few stray control characters (they are preview warnings)", () => {
    expect(decodeInput(new TextEncoder().encode("Thirst for\u0007 Power\n")).text).toBe("Thirst for\u0007 Power\n");
  });

  it("rejects a legacy encoding it does not read, naming what it looks like (Greek ISO-8859-7)", () => {
    const error = rejection(() => decodeInput(fixture("el-iso-8859-7.txt"), "el.txt"));
    expect(error.reason).toContain("it looks most like ISO-8859-7 (el), which is not supported");
    expect(error.reason).toContain("save the file as UTF-8");
  });

  it.each([
    ["Polish in Windows-1250", "Żądza władzy. Według Wyszyńskiego centrum nie miało żadnego programu.", "windows-1250"],
    ["Czech in Windows-1250", "Žízeň po moci. Podle Vyšinského neměl „Sjednocený střed“ žádný program; řídila ho jen touha po moci.", "windows-1250"],
    ["Turkish in Windows-1254", "İktidar hırsı. Vişinski'ye göre birleşik merkezin hiçbir programı yoktu.", "windows-1254"],
    ["Lithuanian in Windows-1257", "Valdžios troškulys. Pasak Vyšinskio, centras neturėjo jokios programos.", "windows-1257"],
  ])("rejects %s rather than misreading it as Western European", (_, text, encoding) => {
    expect(rejection(() => decodeInput(iconv.encode(text, encoding))).reason).toMatch(/^the encoding could not be determined/);
  });

  it("rejects bytes whose encoding cannot be determined", () => {
    let seed = 12345;
    const noise = new Uint8Array(400).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 0x80 + ((seed >> 16) % 128);
    });
    expect(rejection(() => decodeInput(noise, "noise.txt")).reason).toMatch(/^the encoding could not be determined as one of UTF-8/);
  });

  it("rejects UTF-32", () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]);
    expect(rejection(() => decodeInput(bytes, "u32.txt")).reason).toMatch(/^the file is in UTF-32, which is not supported/);
  });

  it("rejects a UTF-8 byte order mark followed by invalid UTF-8", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]);
    expect(rejection(() => decodeInput(bytes, "bad.txt")).reason).toBe("the file starts with a UTF-8 byte order mark but is not valid UTF-8");
  });

  it("rejects a file over the size limit before decoding it", () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    expect(rejection(() => decodeInput(bytes, "huge.txt")).reason).toBe(
      "the file is 20.0 MB; the import limit is 20.0 MB — split the work into smaller files",
    );
  });
});

describe("decodeInput with an encoding the caller names", () => {
  it("reads KOI8-R bytes as the caller says, marking the encoding as declared", () => {
    const decoded = decodeInput(fixture("ru-koi8-r.txt"), "ru.txt", { encoding: "koi8-r" });
    expect([decoded.text, decoded.encoding, decoded.declared, decoded.confidence]).toEqual([RUSSIAN_STRAIGHT_QUOTES, "koi8-r", true, 1]);
    expect(decodeInput(fixture("ru-koi8-r.txt"), "ru.txt").declared).toBe(false);
  });

  it("gives the wrong text when the caller names the wrong single-byte encoding (the preview shows it)", () => {
    expect(decodeInput(fixture("ru-windows-1251.txt"), "ru.txt", { encoding: "koi8-r" }).text).not.toBe(RUSSIAN);
  });

  it("skips a byte order mark of the named encoding", () => {
    const decoded = decodeInput(fixture("ru-utf16le-bom.txt"), "ru.txt", { encoding: "utf-16le" });
    expect([decoded.text, decoded.hadBom]).toEqual([RUSSIAN, true]);
  });

  it("rejects bytes that are not valid in the named UTF encoding", () => {
    expect(rejection(() => decodeInput(fixture("ru-windows-1251.txt"), "ru.txt", { encoding: "utf-8" })).reason).toBe(
      "the file is not valid UTF-8; choose its encoding or let it be detected",
    );
    expect(rejection(() => decodeInput(new Uint8Array([0x41, 0, 0x42]), "odd.txt", { encoding: "utf-16le" })).reason).toBe(
      "the file has an odd number of bytes, so it cannot be UTF-16LE",
    );
  });
});

describe("how sure a guess must be to import without asking", () => {
  const guess = (bytes: Uint8Array, name: string) => decodeInput(bytes, name);

  it("trusts a byte order mark and valid UTF-8, and a named encoding", () => {
    for (const name of ["ru-utf8.txt", "ru-utf8-bom.txt", "ru-utf16le-bom.txt"]) expect(isConfidentEncoding(guess(fixture(name), name))).toBe(true);
    expect(isConfidentEncoding(decodeInput(fixture("ru-windows-1251.txt"), "x", { encoding: "windows-1251" }))).toBe(true);
  });

  it("does not trust a legacy encoding or UTF-16 without a byte order mark, and says what it guessed and how sure", () => {
    const utf16 = guess(fixture("ru-utf16be.txt"), "ru-utf16be.txt");
    expect([utf16.encoding, utf16.confidence]).toEqual(["utf-16be", 0.8]);
    for (const name of ["ru-utf16be.txt", "ru-windows-1251.txt", "ru-koi8-r.txt", "fr-iso-8859-1.txt", "es-windows-1252.txt"]) {
      const decoded = guess(fixture(name), name);
      expect(isConfidentEncoding(decoded)).toBe(false);
      const error = rejection(() => assertConfidentEncoding(decoded, fixture(name), name));
      expect(error.reason).toContain(`the encoding was guessed as ${decoded.encoding} with ${Math.round(decoded.confidence * 100)}% confidence`);
      expect(error.reason).toContain(`--encoding ${decoded.encoding}`);
    }
  });

  it("names the line of the first byte that UTF-8 does not allow", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("ok\nжажда\nbad "), 0xe9, 0x0a]);
    expect(firstInvalidUtf8(bytes)).toEqual({ line: 3, byte: 0xe9 });
    expect(firstInvalidUtf8(new TextEncoder().encode("жажда\n😀"))).toBeNull();
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toEqual({ line: 1, byte: 0xed });
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toEqual({ line: 1, byte: 0xc0 });
  });

  it("refuses an XML declaration of UTF-8 over bytes that are not, naming the line", () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="UTF-8"?>\n<TEI>\n<p>Жажда власти</p></TEI>', "windows-1251");
    const error = rejection(() => decodeInput(new Uint8Array(bytes), "ru.xml"));
    expect([error.line, error.reason]).toEqual([3, expect.stringContaining("the XML declaration says the file is UTF-8, but it is not")]);
  });
});
