/**
 * Opaque paging cursors: the position of the last item of a page, so that the next page starts after it even
 * when rows or segments were inserted meanwhile (keyset paging). Clients pass `next` back as `cursor`.
 */
import { DomainError } from "../db/errors";

export function encodeCursor(position: number): string {
  return Buffer.from(`p${position}`, "utf8").toString("base64url");
}

const unknownCursor = () =>
  new DomainError("invalid", "The cursor is not one this API gave out; start again without a cursor.", { issues: [{ path: "cursor", message: "unknown cursor" }] });

export function decodeCursor(cursor: string): number {
  const match = /^p(-?\d{1,12})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw unknownCursor();
  return Number(match[1]);
}

/** A cursor that counts items (an offset, a row number, a version): never negative. */
export function decodeCount(cursor: string): number {
  const count = decodeCursor(cursor);
  if (count < 0) throw unknownCursor();
  return count;
}
