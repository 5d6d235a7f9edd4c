/**
 * A small element tree over fast-xml-parser (preserveOrder mode, so mixed content keeps its order), with the
 * source line of every element. Malformed XML is rejected with the validator's line and column.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportError } from "../text/edition-document";
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

/** Parses an XML document and returns its root element. */
export function parseXml(text: string, file: string): XmlElement {
  const source = text.replace(/^\uFEFF/, "");
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new ImportError(file, valid.err.line, `malformed XML: ${valid.err.msg}`, valid.err.col);
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
  const roots = convert(parser.parse(source) as OrderedNode[]).filter(isElement);
  if (roots.length !== 1) throw new ImportError(file, 1, "malformed XML: the document must have exactly one root element");
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
