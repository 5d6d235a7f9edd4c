/**
 * What a backup and a restore need to know of the app's schema, read from PostgreSQL's own catalog (pg_catalog),
 * never from a hand-kept list: every table of the `public` schema but Prisma's `_prisma_migrations`, its columns
 * (generated columns left out: PostgreSQL computes them), its sort key (the primary key, or every column), the
 * foreign keys between the tables, the order a restore loads them in, and the sequences their columns draw from.
 */
import type pg from "pg";

export interface CatalogColumn {
  name: string;
  /** The column's type as format_type() spells it, e.g. `timestamp(3) with time zone`. */
  type: string;
  notNull: boolean;
  /** Text columns sort by their collation: the sort key uses "C" for them, the same order on every server. */
  collatable: boolean;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  /** The primary key's columns; empty when the table has none (then every column sorts it). */
  key: string[];
}

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  references: string;
}

export interface OwnedSequence {
  sequence: string;
  table: string;
  column: string;
}

export interface Catalog {
  tables: CatalogTable[];
  foreignKeys: ForeignKey[];
  sequences: OwnedSequence[];
}

export const SCHEMA = "public";
const LEFT_OUT = ["_prisma_migrations"];

export async function readCatalog(client: pg.ClientBase): Promise<Catalog> {
  const { rows: columns } = await client.query<{ table: string; column: string; type: string; not_null: boolean; collatable: boolean; key: number | null }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            a.attcollation <> 0 AS collatable, array_position(i.indkey::int2[], a.attnum) AS key
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ALL($2::text[])
     ORDER BY c.relname, a.attnum`,
    [SCHEMA, LEFT_OUT],
  );
  const byName = new Map<string, CatalogTable & { keyAt: Map<string, number> }>();
  for (const row of columns) {
    let table = byName.get(row.table);
    if (!table) byName.set(row.table, (table = { name: row.table, columns: [], key: [], keyAt: new Map() }));
    table.columns.push({ name: row.column, type: row.type, notNull: row.not_null, collatable: row.collatable });
    if (row.key !== null) table.keyAt.set(row.column, row.key);
  }
  const tables = [...byName.values()].map(({ keyAt, ...table }) => ({
    ...table,
    key: [...keyAt.entries()].sort((a, b) => a[1] - b[1]).map(([column]) => column),
  }));

  const { rows: foreignKeys } = await client.query<{ name: string; table: string; columns: string[]; references: string }>(
    `SELECT con.conname AS name, c.relname AS table, f.relname AS references,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns
     FROM pg_constraint con
     JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_class f ON f.oid = con.confrelid
     WHERE con.contype = 'f' AND n.nspname = $1
     ORDER BY con.conname`,
    [SCHEMA],
  );

  const { rows: sequences } = await client.query<OwnedSequence>(
    `SELECT s.relname AS sequence, c.relname AS table, a.attname AS column
     FROM pg_class s
     JOIN pg_namespace n ON n.oid = s.relnamespace
     JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
     JOIN pg_class c ON c.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND n.nspname = $1
     ORDER BY s.relname`,
    [SCHEMA],
  );
  return { tables, foreignKeys, sequences };
}

export interface LoadOrder {
  /** Tables, each after every table it references (a table referencing itself is loaded in one statement). */
  tables: string[];
  /**
   * Foreign keys of a cycle between tables (e.g. a work's pivot edition, and the edition's work): their columns are
   * loaded empty (they are nullable) and filled in once every table is loaded.
   */
  deferred: ForeignKey[];
}

/** The order a restore loads the tables in, from the foreign keys between them (a topological order). */
export function loadOrder(catalog: Catalog): LoadOrder {
  const notNull = new Map(catalog.tables.map((t) => [t.name, new Set(t.columns.filter((c) => c.notNull).map((c) => c.name))]));
  let pending = catalog.foreignKeys.filter((fk) => fk.table !== fk.references && notNull.has(fk.table) && notNull.has(fk.references));
  const deferred: ForeignKey[] = [];
  const order: string[] = [];
  const left = new Set(catalog.tables.map((t) => t.name).sort());
  while (left.size > 0) {
    const ready = [...left].filter((table) => !pending.some((fk) => fk.table === table && left.has(fk.references)));
    if (ready.length > 0) {
      for (const table of ready) {
        order.push(table);
        left.delete(table);
      }
      continue;
    }
    const breakable = pending.find((fk) => left.has(fk.table) && left.has(fk.references) && fk.columns.every((c) => !notNull.get(fk.table)!.has(c)));
    if (!breakable) throw new Error(`The tables ${[...left].join(", ")} reference each other through columns that cannot be empty; they cannot be loaded in any order.`);
    deferred.push(breakable);
    pending = pending.filter((fk) => fk !== breakable);
  }
  return { tables: order, deferred };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(table: string): string {
  return `${quoteIdent(SCHEMA)}.${quoteIdent(table)}`;
}

/**
 * The query whose COPY output a backup stores and a restore checks: the table's columns in key order, text sorted
 * by the "C" collation, so that the same rows give the same bytes on any server.
 */
export function contentQuery(table: CatalogTable): string {
  const keys = table.key.length > 0 ? table.key : table.columns.map((c) => c.name);
  const order = keys.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    return column?.collatable ? `${quoteIdent(name)} COLLATE "C"` : quoteIdent(name);
  });
  return `SELECT ${table.columns.map((c) => quoteIdent(c.name)).join(", ")} FROM ${qualified(table.name)} ORDER BY ${order.join(", ")}`;
}
