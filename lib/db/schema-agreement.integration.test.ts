/**
 * The migrated database and prisma/schema.prisma must agree: same tables, columns, types, nullability and
 * unique keys. Migrations are written as SQL (Prisma Migrate's engine cannot be downloaded here), so this
 * test is what keeps them honest.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { projectRoot } from "./boot";

interface SchemaField {
  column: string;
  type: string;
  nullable: boolean;
  isList: boolean;
}

interface SchemaModel {
  table: string;
  fields: SchemaField[];
  uniques: string[][];
}

const SCALAR_TO_PG: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Float: "double precision",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE_TO_PG: Record<string, string> = {
  Uuid: "uuid",
  Real: "real",
  "Timestamptz(3)": "timestamp(3) with time zone",
};

function parseSchema(text: string): SchemaModel[] {
  const enums = new Map<string, string>();
  for (const match of text.matchAll(/enum (\w+) \{([^}]*)\}/g)) {
    enums.set(match[1], /@@map\("([^"]+)"\)/.exec(match[2])?.[1] ?? match[1]);
  }
  const models: SchemaModel[] = [];
  /* A model's body ends at the first closing brace outside a string (a default such as @default("{}") holds braces). */
  for (const match of text.matchAll(/model (\w+) \{((?:[^}"]|"[^"]*")*)\}/g)) {
    const body = match[2];
    const modelNames = new Set([...text.matchAll(/model (\w+) \{/g)].map((m) => m[1]));
    const fields: SchemaField[] = [];
    const uniques: string[][] = [];
    const columnOf = new Map<string, string>();
    for (const rawLine of body.split("\n")) {
      const line = rawLine.replace(/\/\/.*$/, "").trim();
      if (!line || line.startsWith("@@")) continue;
      const [name, rawType] = line.split(/\s+/);
      const baseType = rawType.replace(/[?[\]]/g, "");
      if (modelNames.has(baseType)) continue;
      const column = /@map\("([^"]+)"\)/.exec(line)?.[1] ?? name;
      columnOf.set(name, column);
      const native = /@db\.([\w()]+(?:\(\d+\))?)/.exec(line)?.[1];
      const type = native ? NATIVE_TO_PG[native] : enums.has(baseType) ? enums.get(baseType)! : SCALAR_TO_PG[baseType];
      expect(type, `type of ${match[1]}.${name}`).toBeDefined();
      fields.push({ column, type, nullable: rawType.endsWith("?"), isList: rawType.endsWith("[]") });
      if (/@unique\b/.test(line) || /@id\b/.test(line)) uniques.push([column]);
    }
    for (const line of body.split("\n").map((l) => l.trim())) {
      const unique = /^@@(?:unique|id)\(\[([^\]]+)\]/.exec(line);
      if (unique) uniques.push(unique[1].split(",").map((name) => columnOf.get(name.trim())!));
    }
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? match[1];
    models.push({ table, fields, uniques });
  }
  return models;
}

describe("the migrated database and schema.prisma", () => {
  let database: TestDatabase;
  const models = parseSchema(fs.readFileSync(path.join(projectRoot, "prisma", "schema.prisma"), "utf8"));

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("have the same tables", async () => {
    const rows = await database.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
    expect(rows.map((row) => row.table_name).sort()).toEqual(models.map((model) => model.table).sort());
  });

  it("have the same columns, types and nullability in every table", async () => {
    const rows = await database.prisma.$queryRaw<
      { table_name: string; column_name: string; data_type: string; is_nullable: string; udt_name: string; formatted: string }[]
    >`
      SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable::text, c.udt_name::text,
             format_type(a.atttypid, a.atttypmod) AS formatted
      FROM information_schema.columns c
      JOIN pg_attribute a ON a.attrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name
      WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`;
    for (const model of models) {
      const columns = rows.filter((row) => row.table_name === model.table);
      expect(columns.map((c) => c.column_name).sort(), `columns of ${model.table}`).toEqual(model.fields.map((f) => f.column).sort());
      for (const field of model.fields) {
        const column = columns.find((c) => c.column_name === field.column)!;
        const expected = field.isList ? `${field.type}[]` : field.type;
        expect(column.formatted.replace(/^"|"$/g, ""), `type of ${model.table}.${field.column}`).toBe(expected);
        // Prisma Migrate creates scalar-list columns without NOT NULL; the client never writes null to them.
        expect(column.is_nullable === "YES", `nullability of ${model.table}.${field.column}`).toBe(field.nullable || field.isList);
      }
    }
  });

  it("have the same unique keys", async () => {
    const rows = await database.prisma.$queryRaw<{ table_name: string; columns: string[] }[]>`
      SELECT t.relname::text AS table_name, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE i.indisunique AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.indexrelid`;
    for (const model of models) {
      const actual = rows.filter((row) => row.table_name === model.table).map((row) => row.columns.join(",")).sort();
      expect(actual, `unique keys of ${model.table}`).toEqual(model.uniques.map((columns) => columns.join(",")).sort());
    }
  });
});
