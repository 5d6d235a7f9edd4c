/**
 * `JSON.stringify(value, null, 2)` written a piece at a time from data that is read as it is written: a
 * `LazyArray` in the value is an array whose items come from an async iterable (a page of rows at a time from the
 * database), written item by item; everything else is written as json-chunks.ts writes it. The pieces joined are
 * exactly JSON.stringify's text of the same value with every LazyArray's items in an array, so a streamed export
 * is byte for byte the export of the whole value.
 */
import { jsonChunks } from "./json-chunks";

/** An array whose items are read while it is written. Items that JSON leaves out of arrays are written as null. */
export class LazyArray<T = unknown> {
  constructor(readonly items: AsyncIterable<T> | Iterable<T>) {}
}

export function lazyArray<T>(items: AsyncIterable<T> | Iterable<T>): LazyArray<T> {
  return new LazyArray(items);
}

const STREAMED_LEVELS = 4;

function skipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function hasLazy(value: unknown, depth: number): boolean {
  if (value instanceof LazyArray) return true;
  if (depth <= 0 || value === null || typeof value !== "object") return false;
  return (Array.isArray(value) ? value : Object.values(value)).some((item) => hasLazy(item, depth - 1));
}

/** One item or value at `indent` (nothing in it lazy) as one piece: fewer, larger pieces keep the stream cheap. */
function plain(value: unknown, indent: string): string {
  const text = [...jsonChunks(value, 0)].join("");
  return indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
}

async function* write(value: unknown, indent: string, depth: number): AsyncGenerator<string> {
  if (!hasLazy(value, depth)) {
    yield plain(value, indent);
    return;
  }
  const inner = `${indent}  `;
  if (value instanceof LazyArray) {
    let first = true;
    for await (const item of value.items) {
      yield first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      if (skipped(item)) yield "null";
      else yield* write(item, inner, depth - 1);
    }
    yield first ? "[]" : `\n${indent}]`;
    return;
  }
  if (Array.isArray(value)) {
    yield* write(lazyArray(value), indent, depth);
    return;
  }
  const entries = Object.entries(value as object).filter(([, item]) => !skipped(item));
  yield "{\n";
  for (let i = 0; i < entries.length; i += 1) {
    yield `${inner}${JSON.stringify(entries[i][0])}: `;
    yield* write(entries[i][1], inner, depth - 1);
    yield i < entries.length - 1 ? ",\n" : "\n";
  }
  yield `${indent}}`;
}

/** The pieces of `JSON.stringify(value, null, 2)`, LazyArrays read as they are written (at most `depth` levels deep). */
export function jsonStream(value: unknown, depth = STREAMED_LEVELS): AsyncGenerator<string> {
  return write(value, "", depth);
}
