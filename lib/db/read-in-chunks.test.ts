import { describe, expect, it } from "vitest";
import { readInChunks } from "./read-in-chunks";

describe("readInChunks", () => {
  it("asks for every id once, in order, never more than the chunk size at a time", async () => {
    const asked: string[][] = [];
    const ids = Array.from({ length: 7 }, (_, i) => `id${i}`);
    const records = await readInChunks(ids, async (chunk) => (asked.push(chunk), chunk.map((id) => ({ id }))), 3);
    expect(asked).toEqual([["id0", "id1", "id2"], ["id3", "id4", "id5"], ["id6"]]);
    expect(records.map((record) => record.id)).toEqual(ids);
    expect(await readInChunks([], async () => [1])).toEqual([]);
  });
});
