import { describe, expect, it } from "vitest";
import { CreateVariantSchema, UpdateVariantSchema, VariantFilterSchema } from "./variant-schemas";

const ROW = "5f0c6a8e-7d1b-4c1e-9a51-1b7f0b6c2d3e";

describe("CreateVariantSchema", () => {
  it("accepts a variant and opens it by default", () => {
    const parsed = CreateVariantSchema.parse({ rowId: ROW, editions: ["en", "ru"], category: "omission", note: "  The year is missing.  " });
    expect(parsed).toEqual({ rowId: ROW, editions: ["en", "ru"], category: "omission", note: "The year is missing.", status: "open" });
  });

  it("names each invalid field", () => {
    const result = CreateVariantSchema.safeParse({ rowId: "12", editions: [], category: "typo", note: " ", status: "maybe" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["rowId", "editions", "category", "note", "status"]);
  });

  it("refuses an edition named twice", () => {
    const result = CreateVariantSchema.safeParse({ rowId: ROW, editions: ["en", "en"], category: "other", note: "x" });
    expect(result.error!.issues[0]).toMatchObject({ path: ["editions"], message: "an edition is chosen twice" });
  });
});

describe("UpdateVariantSchema", () => {
  it("needs at least one change", () => {
    expect(UpdateVariantSchema.safeParse({}).success).toBe(false);
    expect(UpdateVariantSchema.parse({ status: "confirmed" })).toEqual({ status: "confirmed" });
  });
});

describe("VariantFilterSchema", () => {
  it("reads query parameters, empty ones meaning no filter", () => {
    expect(VariantFilterSchema.parse({ category: "name_form", edition: "", status: ["open", "x"], row: "12", q: " Kirov " })).toEqual({
      category: "name_form",
      status: "open",
      row: 12,
      q: "Kirov",
    });
  });

  it("refuses unknown categories and statuses", () => {
    const result = VariantFilterSchema.safeParse({ category: "typo", status: "closed" });
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["category", "status"]);
  });
});
