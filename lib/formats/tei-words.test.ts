import { describe, expect, it } from "vitest";
import { sampleWork } from "./fixtures/sample-work";
import { parseTeiEdition } from "./tei-import";
import { exportTeiAlignment, exportTeiEdition } from "./tei-export";
import type { WorkExport } from "./work-export";

const withLinks: WorkExport = {
  ...sampleWork,
  wordLinks: [{ editionA: "ru", editionB: "en", a: "ru-s3", b: "en-s3", status: "confirmed", links: "4-7 5-9", p: [1, 0.8] }],
};

describe("word links in TEI", () => {
  it("write every word of a linked edition as a w with an xml:id, the text unchanged", () => {
    const tei = exportTeiEdition(withLinks, "ru");
    expect(tei).toContain('<w xml:id="ru-s3.w4">жажда</w>');
    expect(tei).toContain('<w xml:id="ru-s3.w0">Им</w> <w xml:id="ru-s3.w1">двигала</w>');
    const reread = parseTeiEdition(tei, "ru.xml");
    const texts = reread.blocks.flatMap((block) => block.sentences.map((sentence) => sentence.text));
    expect(texts).toContain("Им двигала лишь «голая жажда власти».");
  });

  it("point each link of a linkGrp of type words at two words that exist", () => {
    const alignment = exportTeiAlignment(withLinks, ["ru", "en"]);
    expect(alignment).toContain('<linkGrp type="words" n="ru en">');
    const targets = [...alignment.matchAll(/<link type="confirmed" cert="[^"]+" target="([^"]+)"/g)].map((match) => match[1]);
    expect(targets).toEqual(["ru.xml#ru-s3.w4 en.xml#en-s3.w7", "ru.xml#ru-s3.w5 en.xml#en-s3.w9"]);
    const en = exportTeiEdition(withLinks, "en");
    expect(en).toContain('<w xml:id="en-s3.w7">thirst</w>');
    expect(en).toContain('<w xml:id="en-s3.w9">power</w>');
  });

  it("leave editions without word links as plain sentences", () => {
    expect(exportTeiEdition(sampleWork, "ru")).not.toContain("<w ");
    expect(exportTeiAlignment(sampleWork)).not.toContain('type="words"');
  });
});
