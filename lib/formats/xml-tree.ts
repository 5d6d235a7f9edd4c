/**
 * A small element tree over fast-xml-parser (preserveOrder mode, so mixed content keeps its order), with the
 * source line of every element. Malformed XML is rejected with the validator's line and column; so, before the
 * parser sees them, are elements nested deeper than MAX_XML_DEPTH, entity declarations (internal or external: no
 * DTD is read) and references to entities XML does not predefine, each with its line and column.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportError } from "../text/edition-document";
import { MAX_BLOCK_CHARS } from "../text/limits";
import { collapseSpaces } from "./spaces";

export interface XmlElement {
  /** Qualified name as written, e.g. `TEI`, `tei:p`. */
  name: string;
  /** Local name without namespace prefix, e.g. `p`. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
}
export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  captureMetaData: true,
  ignorePiTags: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as string;

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** Deepest element nesting accepted (TEI and TMX documents stay far below it). */
export const MAX_XML_DEPTH = 100;
const PREDEFINED_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
/** A character reference's digits, and the code points XML allows (Char production). */
const CHARACTER_REFERENCE = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/;
const isXmlChar = (c: number) => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/**
 * One linear pass over a well-formed document: the depth of element nesting, the DOCTYPE's internal subset, every
 * entity reference, and the length of each run of text, CDATA section and tag (at most MAX_BLOCK_CHARS). Throws an ImportError naming the line and column of the first problem.
 */
export function checkXmlLimits(source: string, file: string): void {
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  const where = (index: number): [number, number] => {
    for (; counted < index; counted++) {
      if (source.charCodeAt(counted) === 10) {
        line++;
        lineStart = counted + 1;
      }
    }
    return [line, index - lineStart + 1];
  };
  const fail = (index: number, reason: string): never => {
    const [at, column] = where(index);
    throw new ImportError(file, at, reason, column);
  };
  const after = (token: string, from: number) => {
    const found = source.indexOf(token, from);
    return found < 0 ? source.length : found + token.length;
  };
  // Regions are checked in order, so the next `&` is looked for once from where the last search ended.
  let amp = source.indexOf("&");
  const checkReferences = (from: number, to: number) => {
    for (; amp >= 0 && amp < to; amp = source.indexOf("&", amp + 1)) {
      if (amp < from) continue;
      const semicolon = source.slice(amp + 1, amp + 14).indexOf(";");
      const name = semicolon < 0 ? "" : source.slice(amp + 1, amp + 1 + semicolon);
      const reference = CHARACTER_REFERENCE.exec(name);
      if (reference) {
        const code = reference[1] != null ? parseInt(reference[1], 16) : Number(reference[2]);
        if (!isXmlChar(code)) fail(amp, `malformed XML: &${name}; is not a character XML allows`);
      } else if (!PREDEFINED_ENTITIES.has(name)) {
        fail(amp, `undefined entity &${name || source.slice(amp + 1, amp + 13)}${name ? ";" : "…"}: without a DTD only &amp; &lt; &gt; &quot; &apos; and character references such as &#160; are defined — write the character itself`);
      }
    }
  };
  let depth = 0;
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf("<", i);
    const textEnd = open < 0 ? source.length : open;
    if (textEnd - i > MAX_BLOCK_CHARS) fail(i, runTooLong(textEnd - i));
    checkReferences(i, textEnd);
    if (open < 0) break;
    if (source.startsWith("<!--", open)) i = after("-->", open + 4);
    else if (source.startsWith("<![CDATA[", open)) {
      i = after("]]>", open + 9);
      if (i - open > MAX_BLOCK_CHARS) fail(open, runTooLong(i - open));
    }
    else if (source.startsWith("<?", open)) i = after("?>", open + 2);
    else if (source.startsWith("<!", open)) {
      const close = source.indexOf(">", open);
      const subset = source.indexOf("[", open);
      if (subset >= 0 && (close < 0 || subset < close)) {
        const subsetEnd = after("]", subset);
        const declaration = source.slice(subset, subsetEnd).search(/<!ENTITY\b/);
        if (declaration >= 0) fail(subset + declaration, "entity declarations are not allowed (no DTD is read, and entities could expand without bound or read other files) — write the text itself");
        i = after(">", subsetEnd);
      } else {
        i = close < 0 ? source.length : close + 1;
      }
    } else {
      let end = open + 1;
      for (let quote = ""; end < source.length; end++) {
        const char = source[end];
        if (quote) {
          if (char === quote) quote = "";
          else if (char === "<") fail(end, "malformed XML: “<” is not allowed in an attribute value; write &lt;");
        } else if (char === '"' || char === "'") quote = char;
        else if (char === ">") break;
      }
      if (end - open > MAX_BLOCK_CHARS) fail(open, `a tag of ${(end - open).toLocaleString("en")} characters; the import limit is ${MAX_BLOCK_CHARS.toLocaleString("en")}`);
      checkReferences(open, end);
      if (source[open + 1] === "/") depth--;
      else if (source[end - 1] !== "/" && ++depth > MAX_XML_DEPTH) {
        fail(open, `elements are nested more than ${MAX_XML_DEPTH} deep; TEI and TMX documents need far fewer levels`);
      }
      i = end + 1;
    }
  }
}

/**
 * The validator's error as an ImportError. Elements left open at the end of the file are reported as a JSON list of
 * their names at line 1: they are named, at the last line.
 */
/**
 * A run of text without markup longer than any block may be (MAX_BLOCK_CHARS): refused before the parser, which
 * holds some 30 bytes per character of one text node (a 19 MB paragraph took 640 MB).
 */
function runTooLong(length: number): string {
  return `a text of ${length.toLocaleString("en")} characters without markup; the import limit is ${MAX_BLOCK_CHARS.toLocaleString("en")} characters per paragraph — separate the text into paragraphs`;
}

function malformed(source: string, file: string, err: { msg: string; line: number; col: number }): ImportError {
  const open = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(err.msg);
  if (open) {
    const names = (JSON.parse(open[1]) as string[]).map((name) => `<${name}>`).join(", ");
    return new ImportError(file, source.split("\n").length, `malformed XML: the file ends inside ${names}, which are never closed (an unclosed comment or CDATA section has the same effect)`);
  }
  return new ImportError(file, err.line, `malformed XML: ${err.msg}`, err.col);
}

/** Parses an XML document and returns its root element. */
export function parseXml(text: string, file: string): XmlElement {
  // XML's end-of-line handling (XML 1.0 §2.11): CR LF and a lone CR read as LF, so a file with CR-only or mixed line
  // ends has its errors reported on the lines an editor shows.
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw malformed(source, file, valid.err);
  checkXmlLimits(source, file);
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineAt = (index: number | undefined) => {
    if (index == null) return 0;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const convert = (nodes: OrderedNode[]): XmlNode[] => {
    const out: XmlNode[] = [];
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ":@");
      if (name == null) continue;
      if (name === "#text") {
        out.push(String(node[name]));
        continue;
      }
      if (name.startsWith("?") || name.startsWith("!")) continue;
      const meta = node[META] as { startIndex?: number } | undefined;
      out.push({
        name,
        local: localName(name),
        attrs: node[":@"] ?? {},
        children: convert(node[name] as OrderedNode[]),
        line: lineAt(meta?.startIndex),
      });
    }
    return out;
  };
  let parsed: OrderedNode[];
  try {
    parsed = parser.parse(source) as OrderedNode[];
  } catch (error) {
    throw new ImportError(file, null, `malformed XML: ${(error as Error).message}`);
  }
  const roots = convert(parsed).filter(isElement);
  if (roots.length !== 1) throw new ImportError(file, roots[1]?.line ?? 1, "malformed XML: the document must have exactly one root element");
  return roots[0];
}

export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== "string";
}

export function childElements(element: XmlElement, local?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => isElement(child) && (local == null || child.local === local));
}

export function firstChild(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((child): child is XmlElement => isElement(child) && child.local === local);
}

/** Follows a path of local names, taking the first match at each step. */
export function path(element: XmlElement | undefined, ...locals: string[]): XmlElement | undefined {
  let current = element;
  for (const local of locals) current = firstChild(current, local);
  return current;
}

/** Concatenated text of an element and its descendants. */
export function textContent(element: XmlElement): string {
  let text = "";
  for (const child of element.children) text += typeof child === "string" ? child : textContent(child);
  return text;
}

/** XML white space (space, tab, line breaks) collapsed to single spaces and trimmed; no-break spaces are kept. */
export function collapse(text: string): string {
  return collapseSpaces(text);
}
