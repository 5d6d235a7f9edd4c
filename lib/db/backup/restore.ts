/**
 * `npm run restore`: puts a backup (backup.ts, format.ts) back, replacing every table of the app's schema, as the
 * app's own role (no superuser, so no session_replication_role and no disabled triggers):
 *
 * 1. `checkBackup` reads the whole file and refuses (BackupRefusal, nothing changed) one that is not a backup, is
 *    damaged or cut short (each table's byte and row counts and SHA-256), or was made at other migrations than the
 *    database's, or whose tables and columns are not the database's;
 * 2. `restoreDatabase` does, in ONE transaction: load each table's rows into a temporary table (checked against the
 *    manifest once more on the way), empty the app's tables (TRUNCATE), insert the rows in foreign-key order
 *    (catalog.ts's loadOrder: columns of a foreign-key cycle are filled in last), set every sequence to the restored
 *    maximum, then read every table back and compare its rows, count and SHA-256 with the manifest's before it
 *    commits. Any failure rolls everything back: the database is as it was.
 *
 * The TRUNCATE waits at most LOCK_TIMEOUT for the app's open transactions, then gives up, changing nothing.
 */
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { ACCESS_CHANNEL } from "../live/live-hub";
import { appliedMigrations, applySessionSettings } from "./backup";
import { contentQuery, loadOrder, qualified, quoteIdent, readCatalog, type Catalog, type CatalogTable } from "./catalog";
import { BackupRefusal, CopyDigest, digestMismatch, readBackup, type Manifest } from "./format";

const LOCK_TIMEOUT = "30s";

/** Reads and checks the file, and that it fits the database; returns its manifest. */
export async function checkBackup(url: string, file: string): Promise<Manifest> {
  const manifest = await readBackup(file);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    refuseUnfit(file, manifest, await appliedMigrations(client), await readCatalog(client));
  } finally {
    await client.end();
  }
  return manifest;
}

function refuseUnfit(file: string, manifest: Manifest, migrations: string[], catalog: Catalog): void {
  const missing = manifest.migrations.filter((m) => !migrations.includes(m));
  const extra = migrations.filter((m) => !manifest.migrations.includes(m));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `the backup's schema has migrations the database lacks (${missing.join(", ")})` : null,
      extra.length > 0 ? `the database has migrations the backup's schema lacks (${extra.join(", ")})` : null,
    ].filter(Boolean);
    throw new BackupRefusal(
      `${file} was made at another schema than the database's: ${parts.join("; ")}. Restore it with the Hexapla version that made it ` +
        `(or into a database migrated to the same point), then upgrade. Nothing was changed.`,
    );
  }
  const describe = (columns: { name: string; type: string }[]) => columns.map((c) => `${c.name} ${c.type}`).join(", ");
  const inBackup = new Map(manifest.tables.map((t) => [t.name, describe(t.columns)]));
  const inDatabase = new Map(catalog.tables.map((t) => [t.name, describe(t.columns)]));
  const differ = [...new Set([...inBackup.keys(), ...inDatabase.keys()])].filter((name) => inBackup.get(name) !== inDatabase.get(name));
  if (differ.length > 0) {
    throw new BackupRefusal(`${file} does not fit the database: the table${differ.length === 1 ? "" : "s"} ${differ.join(", ")} differ in the backup and the database. Nothing was changed.`);
  }
}

/**
 * Replaces every table's contents with the backup's, in one transaction (see the header). The file is read and
 * checked whole before the transaction begins, and once more as it is loaded.
 */
export async function restoreDatabase(url: string, file: string): Promise<Manifest> {
  await readBackup(file);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("BEGIN");
    await applySessionSettings(client);
    await client.query(`SELECT set_config('lock_timeout', $1, true)`, [LOCK_TIMEOUT]);
    const catalog = await readCatalog(client);
    const tables = new Map(catalog.tables.map((t) => [t.name, t]));
    const staged = new Map<string, string>();
    const manifest = await readBackup(file, async (entry, data) => {
      const table = tables.get(entry.name);
      if (!table) throw new BackupRefusal(`${file} holds the table “${entry.name}”, which the database does not have. Nothing was changed.`);
      const stage = quoteIdent(`restore_${staged.size}`);
      await client.query(`CREATE TEMPORARY TABLE ${stage} ON COMMIT DROP AS SELECT ${columnList(table)} FROM ${qualified(table.name)} WITH NO DATA`);
      await pipeline(data, client.query(copyFrom(`COPY ${stage} (${columnList(table)}) FROM STDIN`)));
      staged.set(table.name, stage);
    });
    refuseUnfit(file, manifest, await appliedMigrations(client), catalog);

    await client.query(`TRUNCATE ${catalog.tables.map((t) => qualified(t.name)).join(", ")}`);
    const order = loadOrder(catalog);
    for (const name of order.tables) {
      const table = tables.get(name)!;
      const emptied = new Set(order.deferred.filter((fk) => fk.table === name).flatMap((fk) => fk.columns));
      const values = table.columns.map((c) => (emptied.has(c.name) ? "NULL" : quoteIdent(c.name))).join(", ");
      await client.query(`INSERT INTO ${qualified(name)} (${columnList(table)}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM ${staged.get(name)}`);
    }
    for (const fk of order.deferred) {
      const table = tables.get(fk.table)!;
      const set = fk.columns.map((c) => `${quoteIdent(c)} = s.${quoteIdent(c)}`).join(", ");
      const match = keyOf(table).map((c) => `t.${quoteIdent(c)} = s.${quoteIdent(c)}`).join(" AND ");
      const filled = fk.columns.map((c) => `s.${quoteIdent(c)} IS NOT NULL`).join(" OR ");
      await client.query(`UPDATE ${qualified(fk.table)} t SET ${set} FROM ${staged.get(fk.table)} s WHERE ${match} AND (${filled})`);
    }
    for (const { sequence, table, column } of catalog.sequences) {
      await client.query(
        `SELECT setval($1::regclass, coalesce((SELECT max(${quoteIdent(column)}) FROM ${qualified(table)}), (SELECT seqmin FROM pg_sequence WHERE seqrelid = $1::regclass)),
                (SELECT max(${quoteIdent(column)}) FROM ${qualified(table)}) IS NOT NULL)`,
        [`${quoteIdent("public")}.${quoteIdent(sequence)}`],
      );
    }
    for (const name of order.tables) await verifyTable(client, file, tables.get(name)!, manifest);
    // TRUNCATE fires no DELETE triggers: tell open live-update streams to re-check their readers (sessions may be gone).
    await client.query("SELECT pg_notify($1, 'restore')", [ACCESS_CHANNEL]);
    await client.query("COMMIT");
    return manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if ((error as { code?: string }).code === "55P03") {
      throw new Error(`The app's tables are in use (a transaction held them for ${LOCK_TIMEOUT}): stop the app and its workers, then restore again. Nothing was changed.`);
    }
    throw error;
  } finally {
    await client.end();
  }
}

function columnList(table: CatalogTable): string {
  return table.columns.map((c) => quoteIdent(c.name)).join(", ");
}

function keyOf(table: CatalogTable): string[] {
  return table.key.length > 0 ? table.key : table.columns.map((c) => c.name);
}

/** Reads the restored table back as the backup wrote it and refuses (rolling back) unless it is the manifest's. */
async function verifyTable(client: pg.Client, file: string, table: CatalogTable, manifest: Manifest): Promise<void> {
  const entry = manifest.tables.find((t) => t.name === table.name)!;
  const digest = new CopyDigest();
  await pipeline(client.query(copyTo(`COPY (${contentQuery(table)}) TO STDOUT`)), digest, async (data) => {
    for await (const chunk of data) void chunk;
  });
  const mismatch = digestMismatch(entry, digest);
  if (mismatch) {
    throw new BackupRefusal(
      `Restoring ${file} was undone: the table “${table.name}” read back after loading is not the backup's (${mismatch}). Nothing was changed.`,
    );
  }
}
