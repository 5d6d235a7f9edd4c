/**
 * `JSON.stringify(value, null, 2)` written a piece at a time, so that a large export is streamed rather than held as
 * one string: arrays and objects down to `depth` levels are written item by item, deeper values by JSON.stringify
 * itself (indented to their place). The pieces joined are exactly JSON.stringify's text (toJSON called, undefined,
 * functions and symbols left out of objects and written as null in arrays).
 */

const STREAMED_LEVELS = 4;

function skipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function* write(value: unknown, indent: string, depth: number): Generator<string> {
  const json = value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function" ? (value as { toJSON(): unknown }).toJSON() : value;
  if (depth === 0 || json === null || typeof json !== "object") {
    const text = JSON.stringify(json, null, 2);
    yield indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(json)) {
    if (json.length === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    for (let i = 0; i < json.length; i += 1) {
      yield inner;
      if (skipped(json[i])) yield "null";
      else yield* write(json[i], inner, depth - 1);
      yield i < json.length - 1 ? ",\n" : "\n";
    }
    yield `${indent}]`;
    return;
  }
  const entries = Object.entries(json).filter(([, item]) => !skipped(item));
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (let i = 0; i < entries.length; i += 1) {
    yield `${inner}${JSON.stringify(entries[i][0])}: `;
    yield* write(entries[i][1], inner, depth - 1);
    yield i < entries.length - 1 ? ",\n" : "\n";
  }
  yield `${indent}}`;
}

/** The pieces of `JSON.stringify(value, null, 2)`. */
export function jsonChunks(value: unknown, depth = STREAMED_LEVELS): Generator<string> {
  return write(value, "", depth);
}
