import { describe, expect, it } from "vitest";
import { PROVENANCE_LABEL, provenanceStatement, roleLabel } from "./provenance";

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

describe("roleLabel", () => {
  const base = { provenance: "working_translation" as const, isOriginal: false, language: "ru" };

  it("names an edition that stands in for the original as such, never as the original", () => {
    expect(roleLabel({ ...base, standsInForOriginal: true })).toBe("Working translation (stands in for the Russian original)");
    expect(roleLabel({ ...base, provenance: "imported", standsInForOriginal: true })).toBe("Imported (stands in for the Russian original)");
    expect(roleLabel({ ...base, standsInForOriginal: true })).not.toMatch(/^Original/);
  });

  it("calls the original the original and anything else a translation", () => {
    expect(roleLabel({ ...base, provenance: "published", isOriginal: true })).toBe("Original");
    expect(roleLabel({ ...base, language: "fr" })).toBe("Translation");
    expect(roleLabel({ ...base, standsInForOriginal: null })).toBe("Translation");
  });

  it("says of a working translation what it was made from and when, and that it stands in for the original without being it", () => {
    expect(
      provenanceStatement({ provenance: "working_translation", language: "ru", standsInForOriginal: true, translatedFrom: "en", made: "2026-11-25/2026-12-06", place: "Москва", year: 1994 }),
    ).toBe(
      "A working translation made for Hexapla from the edition en on 2026-11-25, last revised on 2026-12-06, not the published text: it stands in for the Russian original (Москва, 1994), which it is not.",
    );
  });
});
