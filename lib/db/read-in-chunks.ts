/**
 * Reads the records of many ids in chunks, one query after another, so that no query carries more bind parameters
 * than Prisma and PostgreSQL take (32,767): a window of rows around many edited rows of a novel can name tens of
 * thousands of segments. Prisma's record of the last queries (and their ids) is dropped after each (query-history.ts).
 */
import { forgetQueryHistory } from "./query-history";

export const IDS_PER_QUERY = 10_000;

export async function readInChunks<T>(ids: readonly string[], read: (chunk: string[]) => PromiseLike<T[]>, size = IDS_PER_QUERY): Promise<T[]> {
  const out: T[] = [];
  for (let from = 0; from < ids.length; from += size) {
    out.push(...(await read(ids.slice(from, from + size))));
    forgetQueryHistory();
  }
  return out;
}
