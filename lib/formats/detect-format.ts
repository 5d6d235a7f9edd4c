/**
 * Guesses an uploaded file's format from its content, then its name:
 * XML → `tei` or `tmx` by root element; a JSON object → `work-json`; `.csv`/`.tsv` → `csv`; `.md`/`.markdown` →
 * `markdown`; front matter naming a work and edition → `plain` (the project's format); a header line of edition
 * slugs that start with a language code (`ru`, `en-gb`, `fr-1937`) separated by commas, semicolons or tabs → `csv`; any other text → `markdown` (plain paragraphs are Markdown).
 */
import { ImportError } from "../text/edition-document";
import { detectDelimiter } from "./csv-import";

export const IMPORT_FORMATS = ["plain", "markdown", "tei", "tmx", "csv", "work-json"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** Name of the root element: skips the XML declaration, processing instructions, comments and DOCTYPE. */
function xmlRootName(text: string): string | null {
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith("<?")) rest = rest.slice(rest.indexOf("?>") + 2 || rest.length);
    else if (rest.startsWith("<!--")) rest = rest.slice(rest.indexOf("-->") + 3 || rest.length);
    else if (rest.startsWith("<!")) {
      // A DOCTYPE's internal subset (`[ … ]`) may hold `>` of its own.
      const close = rest.indexOf(">");
      const subset = rest.indexOf("[");
      const end = subset >= 0 && subset < close ? rest.indexOf(">", rest.indexOf("]", subset)) : close;
      rest = rest.slice(end + 1 || rest.length);
    }
    else break;
  }
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(rest);
  return name ? name[1] : null;
}

function looksLikeCsvHeader(firstLine: string): boolean {
  const delimiter = detectDelimiter(firstLine);
  const cells = firstLine.split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, "").toLowerCase());
  return cells.length >= 2 && cells.every((cell) => /^[a-z]{2,3}(?:-[a-z0-9]+)*(?: \(working translation\))?$/.test(cell) || /^row_[a-z]+$/.test(cell));
}

export function detectFormat(fileName: string, text: string): ImportFormat {
  const content = text.replace(/^\uFEFF/, "").trimStart();
  const extension = extensionOf(fileName);
  if (content.startsWith("<")) {
    const root = xmlRootName(content);
    const local = root?.split(":").pop();
    if (local === "TEI") return "tei";
    if (local === "tmx") return "tmx";
    throw new ImportError(fileName, null, root ? `unsupported XML document <${root}>: TEI (<TEI>) and TMX (<tmx>) files can be imported` : "the file starts with “<” but is not XML");
  }
  if (content.startsWith("{") && (extension === "json" || content.includes('"hexapla-work"'))) return "work-json";
  if (extension === "csv" || extension === "tsv") return "csv";
  if (extension === "md" || extension === "markdown") return "markdown";
  const lines = content.split(/\r\n|\r|\n/, 40);
  if (lines[0].trim() === "---") {
    const end = lines.indexOf("---", 1);
    const keys = lines.slice(1, end < 0 ? undefined : end).map((line) => line.split(":")[0].trim());
    if (keys.includes("work") && keys.includes("edition")) return "plain";
  }
  if (looksLikeCsvHeader(lines[0])) return "csv";
  return "markdown";
}
