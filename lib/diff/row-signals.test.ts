import { describe, expect, it } from "vitest";
import type { AnchorDifference } from "./anchors";
import { computeRowSignal, differencesBetween, divergenceLevel, signalsForEditions, type StoredRowSignal } from "./row-signals";

const difference = (key: string, presentIn: string[], missingIn: string[]): AnchorDifference => ({ key, kind: "number", text: key, presentIn, missingIn });

describe("computeRowSignal", () => {
  it("counts letters of the cells with text and finds the anchors one edition lacks", () => {
    const signal = computeRowSignal([
      { editionId: "ru", lang: "ru", text: "Арестовали 5 000 человек." },
      { editionId: "en", lang: "en", text: "People were arrested." },
      { editionId: "fr", lang: "fr", text: "  " },
    ]);
    expect(signal.lengths).toEqual({ ru: 21, en: 18 });
    expect(signal.differences.map((d) => [d.key, d.missingIn])).toEqual([["number:5000", ["en"]]]);
  });
});

describe("differencesBetween", () => {
  it("keeps an anchor only when a chosen edition has it and another chosen edition lacks it", () => {
    const differences = [difference("number:1", ["ru", "fr"], ["en"]), difference("number:2", ["fr"], ["ru", "en"])];
    expect(differencesBetween(differences, ["ru", "en"])).toEqual([difference("number:1", ["ru"], ["en"])]);
    expect(differencesBetween(differences, ["fr", "ru"])).toEqual([difference("number:2", ["fr"], ["ru"])]);
  });
});

describe("signalsForEditions", () => {
  const ordinary = (i: number): StoredRowSignal => ({ lengths: { ru: 100 + i, en: 110 + i, fr: 120 + i }, differences: [] });

  it("scores a row by the chosen editions only", () => {
    const rows = [...Array.from({ length: 20 }, (_, i) => ordinary(i)), { lengths: { ru: 100, en: 110, fr: 120 }, differences: [difference("number:5", ["ru", "en"], ["fr"])] }];
    const [withFr] = signalsForEditions(rows, ["ru", "en", "fr"]).slice(-1);
    const [withoutFr] = signalsForEditions(rows, ["ru", "en"]).slice(-1);
    expect(withFr!.missingAnchors).toBe(1);
    expect(withFr!.score).toBeGreaterThan(0.2);
    expect(withoutFr!.differences).toEqual([]);
    expect(withoutFr!.score).toBe(0);
  });

  it("reports empty cells and length outliers, and keeps rows not computed yet as null", () => {
    const rows = [...Array.from({ length: 20 }, (_, i) => ordinary(i)), { lengths: { ru: 100, en: 600 }, differences: [] }, null];
    const result = signalsForEditions(rows, ["ru", "en", "fr"]);
    expect(result[21]).toBeNull();
    expect(result[20]!.empty).toEqual(["fr"]);
    expect(result[20]!.lengthOutliers.map((pair) => `${pair.a}-${pair.b}`)).toEqual(["ru-en"]);
    expect(result[20]!.score).toBeGreaterThan(0.6);
  });
});

describe("divergenceLevel", () => {
  it("bands the score", () => {
    expect([0, 0.04, 0.05, 0.29, 0.3, 0.59, 0.6, 1].map(divergenceLevel)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});
