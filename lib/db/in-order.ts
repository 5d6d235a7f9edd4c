/**
 * Awaits Prisma queries one after another, for reads inside a transaction. A transaction's queries share one
 * connection, and node-postgres deprecates (pg@9 will refuse) a query sent on a connection that is still running
 * another — which `Promise.all` over a transaction's queries did, printing a DeprecationWarning on every large
 * import. Prisma's queries start only when awaited, so handed over unstarted they run here in order; pass only
 * Prisma queries (an async function starts when called).
 */
export async function inOrder<T extends readonly PromiseLike<unknown>[]>(queries: [...T]): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}
