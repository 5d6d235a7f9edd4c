import { describe, expect, it } from "vitest";
import { contentQuery, loadOrder, type Catalog, type CatalogTable } from "./catalog";

const table = (name: string, nullable: string[] = [], key = ["id"]): CatalogTable => ({
  name,
  key,
  columns: ["id", ...nullable, "body"].map((column) => ({ name: column, type: "text", notNull: !nullable.includes(column), collatable: column !== "id" })),
});

describe("loadOrder", () => {
  it("loads every table after the tables it references, and a table referencing itself in its place", () => {
    const catalog: Catalog = {
      tables: [table("segment"), table("edition", ["superseded_by_id"]), table("work")],
      foreignKeys: [
        { name: "segment_edition", table: "segment", columns: ["id"], references: "edition" },
        { name: "edition_work", table: "edition", columns: ["id"], references: "work" },
        { name: "edition_successor", table: "edition", columns: ["superseded_by_id"], references: "edition" },
      ],
      sequences: [],
    };
    expect(loadOrder(catalog)).toEqual({ tables: ["work", "edition", "segment"], deferred: [] });
  });

  it("breaks a cycle at a foreign key whose columns may be empty, filled in last", () => {
    const pivot = { name: "work_pivot", table: "work", columns: ["pivot_id"], references: "edition" };
    const catalog: Catalog = {
      tables: [table("work", ["pivot_id"]), table("edition")],
      foreignKeys: [pivot, { name: "edition_work", table: "edition", columns: ["id"], references: "work" }],
      sequences: [],
    };
    expect(loadOrder(catalog)).toEqual({ tables: ["work", "edition"], deferred: [pivot] });
  });

  it("refuses a cycle through columns that cannot be empty", () => {
    const catalog: Catalog = {
      tables: [table("a"), table("b")],
      foreignKeys: [
        { name: "a_b", table: "a", columns: ["id"], references: "b" },
        { name: "b_a", table: "b", columns: ["id"], references: "a" },
      ],
      sequences: [],
    };
    expect(() => loadOrder(catalog)).toThrow("The tables a, b reference each other through columns that cannot be empty");
  });
});

describe("contentQuery", () => {
  it("sorts by the primary key, text in the C collation, or by every column without one", () => {
    expect(contentQuery(table("work", [], ["body", "id"]))).toBe(`SELECT "id", "body" FROM "public"."work" ORDER BY "body" COLLATE "C", "id"`);
    expect(contentQuery(table("loose", [], []))).toBe(`SELECT "id", "body" FROM "public"."loose" ORDER BY "id", "body" COLLATE "C"`);
  });
});
