import { describe, expect, it } from "vitest";
import { PROVENANCE_LABEL, provenanceStatement } from "./provenance";

describe("provenanceStatement", () => {
  it("says that a working translation is not the published text and names the edition it stands in for", () => {
    const statement = provenanceStatement({ provenance: "working_translation", place: "Paris", publisher: "Grasset", year: 1937 });
    expect(statement).toBe("A working translation made for Hexapla, not the published text: it stands in for the edition Paris, Grasset, 1937.");
  });

  it("says that a working translation is not the published text even when nothing is known of the edition", () => {
    const statement = provenanceStatement({ provenance: "working_translation" });
    expect(statement).toContain("not the published text");
    expect(statement).not.toMatch(/stands in for/);
  });

  it("never calls a working translation the text of the published edition", () => {
    for (const facts of [{}, { publisher: "Grasset" }, { year: 1937 }, { place: "Roma", publisher: "Casini", year: 1966 }]) {
      const statement = provenanceStatement({ provenance: "working_translation", ...facts });
      expect(statement).toMatch(/^A working translation/);
      expect(statement).not.toMatch(/The text of the published edition/);
    }
  });

  it("describes a published text with whatever is known of its edition", () => {
    expect(provenanceStatement({ provenance: "published", place: "New York", publisher: "Pathfinder Press", year: 2002 })).toBe(
      "The text of the published edition (New York, Pathfinder Press, 2002).",
    );
    expect(provenanceStatement({ provenance: "published", publisher: "Pathfinder Press", place: null })).toBe(
      "The text of the published edition (Pathfinder Press).",
    );
    expect(provenanceStatement({ provenance: "published" })).toBe("The text of the published edition.");
  });

  it("says who imported a text and on which day (UTC)", () => {
    expect(provenanceStatement({ provenance: "imported", importedByName: "Anna", importedAt: new Date("2025-03-04T23:30:00Z") })).toBe(
      "Imported by Anna on 2025-03-04.",
    );
    expect(provenanceStatement({ provenance: "imported" })).toBe("Imported.");
  });

  it("labels a working translation as such, not as a published text", () => {
    expect(PROVENANCE_LABEL.working_translation).toBe("Working translation");
    expect(PROVENANCE_LABEL.published).toBe("Published text");
    expect(PROVENANCE_LABEL.imported).toBe("Imported");
  });
});
