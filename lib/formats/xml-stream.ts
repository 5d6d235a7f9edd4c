/**
 * XML written while its content is read: an element whose children are (partly) async — rows read a page at a time
 * — is written line by line exactly as xml-writer.ts writes the same element with all its children in memory
 * (indented when it holds only elements, `<name/>` when it holds none). Lazy content is elements only: an element
 * with text keeps its content on one line and is built whole (one row, one paragraph).
 */
import { renderAttributes, renderXmlLines, type XmlOut } from "./xml-writer";

/** Elements read as they are written (e.g. one `link` per row). */
export class LazyNodes {
  constructor(readonly nodes: AsyncIterable<StreamNode>) {}
}

/** Lines written by a function of their indent (a structure built as it goes, e.g. nested divs); counts as a child. */
export class XmlLines {
  constructor(readonly lines: (indent: string) => AsyncIterable<string>) {}
}

export interface StreamElement {
  name: string;
  attrs?: XmlOut["attrs"];
  children: (StreamNode | LazyNodes)[];
  lazy: true;
}

export type StreamNode = XmlOut | StreamElement | XmlLines;

export function lazyEl(name: string, attrs: XmlOut["attrs"], children: (StreamNode | LazyNodes)[]): StreamElement {
  return { name, attrs, children, lazy: true };
}

function isStreamElement(node: StreamNode): node is StreamElement {
  return (node as StreamElement).lazy === true;
}

async function* flatten(children: (StreamNode | LazyNodes)[]): AsyncGenerator<StreamNode> {
  for (const child of children) {
    if (child instanceof LazyNodes) yield* child.nodes;
    else yield child;
  }
}

/** The lines of a node at `indent`, each with its line feed. */
export async function* renderStreamLines(node: StreamNode, indent: string): AsyncGenerator<string> {
  if (node instanceof XmlLines) {
    yield* node.lines(indent);
    return;
  }
  if (!isStreamElement(node)) {
    /* A whole element (a row, a paragraph) as one piece: fewer, larger pieces keep the stream cheap. */
    yield [...renderXmlLines(node, indent)].join("");
    return;
  }
  const open = `<${node.name}${renderAttributes(node.attrs)}`;
  const children = flatten(node.children);
  let next = await children.next();
  if (next.done) {
    yield `${indent}${open}/>\n`;
    return;
  }
  yield `${indent}${open}>\n`;
  while (!next.done) {
    yield* renderStreamLines(next.value, `${indent}  `);
    next = await children.next();
  }
  yield `${indent}</${node.name}>\n`;
}

/** A complete XML document, as renderXmlChunks writes it. */
export async function* renderXmlStream(root: StreamNode): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield* renderStreamLines(root, "");
}

/** The element, only when `items` holds at least one node (else nothing). */
export function nonEmpty(name: string, attrs: XmlOut["attrs"], items: AsyncIterable<StreamNode>): LazyNodes {
  return new LazyNodes(
    (async function* () {
      const iterator = items[Symbol.asyncIterator]();
      const first = await iterator.next();
      if (first.done) return;
      const rest = (async function* () {
        yield first.value;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      })();
      yield lazyEl(name, attrs, [new LazyNodes(rest)]);
    })(),
  );
}
