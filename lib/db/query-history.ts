/**
 * Prisma's driver adapter passes every query it runs (SQL and bind values) to @prisma/debug, which keeps the last
 * 100 calls' arguments in memory whether debugging is on or not (for its error reports). After a write of 2,000
 * rows a statement, that is up to 100 statements' rows held for the life of the process: about 400 MB of a worker's
 * heap after it wrote the word links of a novel (bench:scale). `forgetQueryHistory` drops them; the bulk reads and
 * writes (read-in-chunks.ts, write-in-chunks.ts) call it after each chunk, and a worker after each job.
 */
import { clearLogs } from "@prisma/debug";

export function forgetQueryHistory(): void {
  clearLogs();
}
