/**
 * The backup file (format 1): a gzip-compressed tar archive, readable with `tar -tzf`, holding
 *
 * - `manifest.json`, always first: `format` ("hexapla-backup"), `version` (1), when and from which database and server
 *   it was made, the migrations applied to that database (the schema the data belongs to), the session settings the
 *   data was written under, and per table its name, columns (name and type; generated columns are left out), row
 *   count, byte count, SHA-256 of its data and the archive member holding it;
 * - `tables/<table>.copy` per table, in the manifest's order: the table's rows as PostgreSQL's COPY text format writes
 *   them (one line per row, tab-separated, `\N` for NULL), sorted by primary key, in UTF-8.
 *
 * `readBackup` checks all of it (the gzip stream, the tar structure, the manifest, each member's bytes, rows and
 * SHA-256) and refuses anything else with a BackupRefusal saying what is wrong.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import tar from "tar-stream";
import { z } from "zod";

export const BACKUP_FORMAT = "hexapla-backup";
export const BACKUP_VERSION = 1;
export const MANIFEST = "manifest.json";

/** The session settings under which a backup writes and a restore reads and checks the rows' text. */
export const SESSION_SETTINGS: Record<string, string> = {
  client_encoding: "UTF8",
  DateStyle: "ISO, YMD",
  IntervalStyle: "postgres",
  TimeZone: "UTC",
  extra_float_digits: "1",
  bytea_output: "hex",
};

/** A refusal: the file is not a backup that can be restored here. The command says why and exits 2; nothing changed. */
export class BackupRefusal extends Error {}

const tableSchema = z.object({
  name: z.string().min(1),
  file: z.string().regex(/^tables\/[^/]+\.copy$/),
  columns: z.array(z.object({ name: z.string().min(1), type: z.string().min(1) })).min(1),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  database: z.string(),
  serverVersion: z.string(),
  migrations: z.array(z.string()),
  settings: z.record(z.string(), z.string()),
  tables: z.array(tableSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestTable = Manifest["tables"][number];

export interface TableData {
  table: ManifestTable;
  /** A file holding the table's COPY data (the backup's scratch file). */
  path: string;
}

/** Writes the archive: the manifest, then every table's data, gzip-compressed, to a new file readable by its owner only. */
export async function writeArchive(file: string, manifest: Manifest, tables: readonly TableData[]): Promise<void> {
  const pack = tar.pack();
  const out = fs.createWriteStream(file, { flags: "wx", mode: 0o600 });
  const written = pipeline(pack, createGzip(), out);
  const mtime = new Date(manifest.createdAt);
  const add = (name: string, size: number, body: Readable) =>
    new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name, size, mode: 0o600, mtime }, (error) => (error ? reject(error) : resolve()));
      body.on("error", reject);
      body.pipe(entry);
    });
  const json = Buffer.from(JSON.stringify(manifest, null, 2) + "\n");
  await add(MANIFEST, json.length, Readable.from([json]));
  for (const { table, path } of tables) await add(table.file, table.bytes, fs.createReadStream(path));
  pack.finalize();
  await written;
}

/** Counts a COPY stream's bytes and rows (lines) and hashes it, passing it on unchanged. */
export class CopyDigest extends Transform {
  bytes = 0;
  rows = 0;
  private readonly hash = createHash("sha256");
  private last = 0x0a;

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) this.rows += 1;
    if (chunk.length > 0) this.last = chunk[chunk.length - 1];
    this.hash.update(chunk);
    done(null, chunk);
  }

  get sha256(): string {
    return this.hash.copy().digest("hex");
  }

  /** COPY text data is whole lines: a last line without its newline means the data was cut. */
  get complete(): boolean {
    return this.last === 0x0a;
  }
}

/** Says where a member's data differs from what the manifest records, or null when it agrees. */
export function digestMismatch(table: ManifestTable, digest: CopyDigest): string | null {
  if (digest.bytes !== table.bytes) return `${digest.bytes} bytes where the manifest records ${table.bytes}`;
  if (!digest.complete) return "its last row is cut off";
  if (digest.rows !== table.rows) return `${digest.rows} rows where the manifest records ${table.rows}`;
  if (digest.sha256 !== table.sha256) return "its SHA-256 checksum differs from the manifest's";
  return null;
}

/**
 * Reads and checks a backup file from end to end. `onTable`, when given, receives each table's data stream (already
 * counted and hashed on its way) and must consume it; a member that does not match the manifest rejects with a
 * BackupRefusal after its data was passed on, so a caller loading it must roll back.
 */
export async function readBackup(file: string, onTable?: (table: ManifestTable, data: Readable) => Promise<void>): Promise<Manifest> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new BackupRefusal(`${file} does not exist.`);
  }
  if (!stat.isFile()) throw new BackupRefusal(`${file} is not a file.`);
  const notBackup = (why: string) => new BackupRefusal(`${file} is not a Hexapla backup (${why}); nothing was changed.`);
  const damaged = (why: string) => new BackupRefusal(`${file} is damaged: ${why}. Nothing was changed; restore another backup.`);

  const magic = Buffer.alloc(2);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, magic, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw notBackup("it is not gzip-compressed");

  const extract = tar.extract();
  const source = fs.createReadStream(file).pipe(createGunzip());
  let failure: Error | null = null;
  source.on("error", (error) => {
    failure = error;
    extract.destroy(error);
  });
  source.pipe(extract);

  let manifest: Manifest | null = null;
  let next = 0;
  try {
    for await (const entry of extract) {
      if (manifest === null) {
        if (entry.header.name !== MANIFEST) throw notBackup(`its first member is “${entry.header.name}”, not ${MANIFEST}`);
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          throw notBackup(`its ${MANIFEST} is not JSON`);
        }
        const format = (parsed as { format?: unknown; version?: unknown } | null) ?? {};
        if (format.format === BACKUP_FORMAT && format.version !== BACKUP_VERSION) {
          throw new BackupRefusal(`${file} is a Hexapla backup of format version ${String(format.version)}; this version of Hexapla reads version ${BACKUP_VERSION}. Nothing was changed.`);
        }
        const checked = manifestSchema.safeParse(parsed);
        if (!checked.success) throw notBackup(`its ${MANIFEST} is not a Hexapla backup manifest: ${checked.error.issues[0].path.join(".")} ${checked.error.issues[0].message}`);
        manifest = checked.data;
        continue;
      }
      const table = manifest.tables[next];
      if (!table || entry.header.name !== table.file) throw damaged(`the member “${entry.header.name}” is not the one the manifest names next (${table?.file ?? "none"})`);
      next += 1;
      const digest = new CopyDigest();
      if (onTable) await Promise.all([onTable(table, entry.pipe(digest)), new Promise((resolve, reject) => digest.on("end", resolve).on("error", reject))]);
      else await pipeline(entry, digest, async (data) => { for await (const chunk of data) void chunk; });
      const mismatch = digestMismatch(table, digest);
      if (mismatch) throw damaged(`the data of the table “${table.name}” does not match the manifest: ${mismatch}`);
    }
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
    if (failure || /unexpected end|truncated|incorrect header|invalid|checksum/i.test((error as Error).message)) {
      throw damaged(`it cannot be read to its end (${((failure ?? error) as Error).message})`);
    }
    throw error;
  }
  if (failure) throw damaged(`it cannot be read to its end (${(failure as Error).message})`);
  if (manifest === null) throw notBackup("it holds no manifest");
  if (next !== manifest.tables.length) throw damaged(`it ends after ${next} of the ${manifest.tables.length} tables the manifest names`);
  return manifest;
}
