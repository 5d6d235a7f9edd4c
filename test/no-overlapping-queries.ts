/**
 * Integration tests fail when node-postgres warns that a query was sent on a connection still running another
 * (Prisma sent the pieces of a statement it split at once on one connection; see lib/db/write-in-chunks.ts): pg@9 will refuse such queries.
 * Node prints a deprecation once per process, so the first one is caught wherever it happens.
 */
import { afterAll, expect } from "vitest";

const overlapping: string[] = [];
process.on("warning", (warning) => {
  if (warning.message.includes("already executing a query")) overlapping.push(warning.stack ?? warning.message);
});

afterAll(() => {
  expect(overlapping, "queries issued on a pg connection that was already running one").toEqual([]);
});
