import { describe, expect, it } from "vitest";
import { compareRowAnchors } from "./anchors";
import { anchorMarks, missingIn } from "./anchor-marks";

const cells = {
  ru: { editionId: "ru", lang: "ru", text: "В августе 1936 года Зиновьева и Каменева расстреляли." },
  en: { editionId: "en", lang: "en", text: "In 1936 Zinoviev and Kamenev were shot." },
  fr: { editionId: "fr", lang: "fr", text: "En août 1936, Zinoviev fut fusillé." },
};
const label = (id: string) => id.toUpperCase();

describe("anchorMarks", () => {
  const differences = compareRowAnchors(Object.values(cells));

  it("marks, in every column that has it, each anchor another column lacks", () => {
    const marked = (cell: (typeof cells)["ru"]) =>
      anchorMarks(cell.text, cell.lang, differences, "differing", label).map((mark) => [cell.text.slice(mark.start, mark.end), mark.label]);
    expect(marked(cells.ru)).toEqual([
      ["августе 1936", "августе 1936: missing in EN"],
      ["Каменева", "Каменева: missing in FR"],
    ]);
    expect(marked(cells.en)).toEqual([["Kamenev", "Kamenev: missing in FR"]]);
    expect(marked(cells.fr)).toEqual([["août 1936", "août 1936: missing in EN"]]);
  });

  it("marks the other anchors too in mode all", () => {
    const kinds = anchorMarks(cells.en.text, "en", differences, "all", label).map((mark) => mark.kind);
    expect(kinds).toEqual(["anchor", "anchor", "anchor-differs"]);
  });

  it("lists what each column lacks", () => {
    expect(missingIn(differences, "fr").map((d) => d.kind)).toEqual(["name"]);
    expect(missingIn(differences, "en").map((d) => d.key)).toEqual(["date:1936-08"]);
  });
});
