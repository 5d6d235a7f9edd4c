import { describe, expect, it } from "vitest";
import { parseAlignedCsv } from "./csv-import";
import { parseMarkdownEdition } from "./markdown";
import { collapseSpaces } from "./spaces";
import { parseTeiEdition } from "./tei-import";
import { parseTmx } from "./tmx-import";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const french = `«${NNBSP}La soif du pouvoir${NNBSP}»${NBSP}: voilà.`;

describe("white space in imported text", () => {
  it("collapses layout white space but keeps no-break spaces", () => {
    expect(collapseSpaces(` \t«${NNBSP}a \n\r b${NBSP}»  `)).toBe(`«${NNBSP}a b${NBSP}»`);
  });

  it("keeps French no-break spaces in TEI, TMX, CSV and Markdown", () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader><text xml:lang="fr"><body><p><s>${french}</s></p></body></text></TEI>`;
    expect(parseTeiEdition(tei, "fr.xml", { work: "w" }).blocks[0].sentences[0].text).toBe(french);
    const tmx = `<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>${french}</seg></tuv></tu></body></tmx>`;
    expect(parseTmx(tmx, "fr.tmx", { common: { work: "w" } }).editions[0].blocks[0].sentences[0].text).toBe(french);
    expect(parseAlignedCsv(`fr,en\n"${french}",x\n`, "g.csv", { common: { work: "w" } }).editions[0].blocks[0].sentences[0].text).toBe(french);
    expect(parseMarkdownEdition(`# T\n\n${french}\n`, "fr.md", { work: "w", language: "fr" }).blocks[1].sentences[0].text).toBe(french);
  });
});
