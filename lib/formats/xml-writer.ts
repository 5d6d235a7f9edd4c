/**
 * Writes XML from a small element tree with correct escaping. Elements holding only elements are indented;
 * elements with text keep their content on one line so that no white space is added to the text.
 * Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF;
 * unpaired surrogates) are dropped.
 */
export interface XmlOut {
  name: string;
  /** Attributes in order; null and undefined values are left out. */
  attrs?: Record<string, string | number | null | undefined>;
  children?: (XmlOut | string)[];
}

export function el(name: string, attrs?: XmlOut["attrs"], children?: (XmlOut | string)[]): XmlOut {
  return { name, attrs, children };
}

const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeText(text: string): string {
  return text.replace(NOT_IN_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

export function renderAttributes(attrs: XmlOut["attrs"]): string {
  if (attrs == null) return "";
  return Object.entries(attrs)
    .filter(([, value]) => value != null)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join("");
}

/** The lines of an element at `indent`, each with its line feed. */
export function* renderXmlLines(node: XmlOut, indent: string): Generator<string> {
  const open = `<${node.name}${renderAttributes(node.attrs)}`;
  const children = node.children ?? [];
  if (children.length === 0) {
    yield `${indent}${open}/>\n`;
    return;
  }
  if (children.some((child) => typeof child === "string")) {
    yield `${indent}${open}>${children.map(inline).join("")}</${node.name}>\n`;
    return;
  }
  yield `${indent}${open}>\n`;
  for (const child of children) yield* renderXmlLines(child as XmlOut, `${indent}  `);
  yield `${indent}</${node.name}>\n`;
}

function inline(node: XmlOut | string): string {
  if (typeof node === "string") return escapeText(node);
  const children = node.children ?? [];
  const open = `<${node.name}${renderAttributes(node.attrs)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.map(inline).join("")}</${node.name}>`;
}

/** A complete XML document: the XML declaration, then the root element, a line at a time (for streaming). */
export function* renderXmlChunks(root: XmlOut): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield* renderXmlLines(root, "");
}

/** An NCName usable as xml:id: the id itself when valid, else the id with `prefix` in front and other characters replaced. */
export function toXmlId(id: string, prefix: string): string {
  if (/^[\p{L}_][\p{L}\p{N}._-]*$/u.test(id)) return id;
  return `${prefix}${id.replace(/[^\p{L}\p{N}._-]/gu, "_")}`;
}
