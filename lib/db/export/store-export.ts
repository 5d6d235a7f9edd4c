/**
 * Export files made by jobs, kept in PostgreSQL: `export_file` (name, type, size, SHA-256, expiry) and its bytes in
 * `export_file_chunk`, pieces of at most CHUNK_BYTES. `storeExport` reads the work in one snapshot a page at a time
 * and writes the chunks as the text is written, in one transaction that the caller's `complete` (the job's
 * completion) closes: memory holds one page of the work and one chunk of the file, and a file is there whole or
 * not at all. `exportFileChunks` reads a stored file back one chunk per query, for a streamed download;
 * `pruneExportFiles` deletes expired files (workers call it periodically).
 */
import { createHash } from "node:crypto";
import { exportBody, gathered } from "../../api/export-files";
import type { Db } from "../client";
import type { Tx } from "../grid/types";
import { inSnapshot } from "./in-snapshot";
import { pagedSource } from "./paged-source";
import type { WorkExportPlan } from "./plan-work-export";

/** The largest chunk of a stored file (the table's check says the same). */
export const CHUNK_BYTES = 1024 * 1024;
/** How long a job may take to write one file. */
const WRITE_TIMEOUT_MS = 60 * 60 * 1000;

export interface StoredExport {
  fileName: string;
  contentType: string;
  bytes: number;
  chunks: number;
  sha256: string;
  expiresAt: Date;
}

export interface StoreOptions {
  keepHours: number;
  signal?: AbortSignal;
  /** Told how many records were read so far. */
  progress?: (read: number) => void;
  /** Called in the writing transaction once the file is whole: the job's completion commits with it. */
  complete(tx: Tx, file: StoredExport): Promise<void>;
  /** Rows per page read (tests). */
  page?: number;
}

export async function storeExport(db: Db, jobId: string, plan: WorkExportPlan, options: StoreOptions): Promise<StoredExport> {
  return db.$transaction(
    async (tx) => {
      await tx.exportFile.create({
        data: { jobId, workId: plan.workId, kind: plan.kind, fileName: plan.fileName, contentType: plan.contentType, bytes: 0, chunks: 0, sha256: "", expiresAt: new Date() },
      });
      const encoder = new TextEncoder();
      const hash = createHash("sha256");
      let read = 0;
      let bytes = 0;
      let chunks = 0;
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      const write = async (data: Uint8Array) => {
        await tx.exportFileChunk.create({ data: { jobId, seq: chunks, data: new Uint8Array(data) } });
        chunks += 1;
      };
      /* Writes whole chunks while there are (all that is left, at the end). */
      const flush = async (end: boolean) => {
        if (pendingBytes < CHUNK_BYTES && !(end && pendingBytes > 0)) return;
        let joined = Buffer.concat(pending);
        while (joined.length >= CHUNK_BYTES) {
          await write(joined.subarray(0, CHUNK_BYTES));
          joined = joined.subarray(CHUNK_BYTES);
        }
        if (end && joined.length > 0) {
          await write(joined);
          joined = joined.subarray(joined.length);
        }
        pending = joined.length > 0 ? [joined] : [];
        pendingBytes = joined.length;
      };
      const text = inSnapshot(db, async function* (snapshot) {
        const source = await pagedSource(snapshot, plan.workSlug, {
          page: options.page,
          onRead: (records) => {
            read += records;
            options.progress?.(read);
          },
        });
        yield* gathered(exportBody(source, plan));
      });
      for await (const piece of text) {
        options.signal?.throwIfAborted();
        const encoded = encoder.encode(piece);
        hash.update(encoded);
        bytes += encoded.length;
        pending.push(encoded);
        pendingBytes += encoded.length;
        await flush(false);
      }
      await flush(true);
      options.signal?.throwIfAborted();
      const keepMs = options.keepHours * 3_600_000;
      const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
      const file: StoredExport = { fileName: plan.fileName, contentType: plan.contentType, bytes, chunks, sha256: hash.digest("hex"), expiresAt: new Date(now.getTime() + keepMs) };
      await tx.exportFile.update({ where: { jobId }, data: { bytes: file.bytes, chunks, sha256: file.sha256, expiresAt: file.expiresAt } });
      await options.complete(tx, file);
      return file;
    },
    { maxWait: 10_000, timeout: WRITE_TIMEOUT_MS },
  );
}

/** A stored file's bytes, one chunk per query. */
export async function* exportFileChunks(db: Db, jobId: string, chunks: number): AsyncGenerator<Uint8Array> {
  for (let seq = 0; seq < chunks; seq += 1) {
    const chunk = await db.exportFileChunk.findUnique({ where: { jobId_seq: { jobId, seq } }, select: { data: true } });
    if (!chunk) throw new Error(`The export file ${jobId} lost its chunk ${seq} (it expired while it was read).`);
    yield chunk.data;
  }
}

/** Deletes the export files whose time is up (their chunks go with them); returns how many. */
export async function pruneExportFiles(db: Db): Promise<number> {
  return db.$executeRaw`DELETE FROM export_file WHERE expires_at <= now()`;
}
