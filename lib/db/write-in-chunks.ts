/**
 * Writes many rows in chunks, one after another. Prisma splits a statement with more bind parameters than
 * PostgreSQL takes (32,767) into pieces that it sends at once on one connection — which node-postgres deprecates (pg@9
 * will refuse it) and which printed a DeprecationWarning on every large import. CHUNK_ROWS rows of up to 15 columns
 * stay under the limit, so Prisma keeps each chunk whole. Prisma's record of the last queries is dropped after each
 * chunk (query-history.ts), so that a large write leaves none of its rows behind in memory.
 */
import { forgetQueryHistory } from "./query-history";

export const CHUNK_ROWS = 2_000;

export async function writeInChunks<T>(items: readonly T[], write: (chunk: T[]) => PromiseLike<unknown>): Promise<void> {
  for (let from = 0; from < items.length; from += CHUNK_ROWS) {
    await write(items.slice(from, from + CHUNK_ROWS));
    forgetQueryHistory();
  }
}
