import { describe, expect, it } from "vitest";
import { packRows, unpackRows, type RowToPack } from "./packed-rows";

const slugs: Record<string, string> = { "id-en": "en", "id-ru": "ru", "id-fr": "fr" };
const slugOf = (id: string) => slugs[id] ?? id;

const rows: RowToPack[] = [
  {
    id: "row-1",
    number: 1,
    status: "automatic",
    confidence: 0.8765,
    signal: {
      score: 0.41234,
      hasEmptyCell: true,
      empty: ["id-fr"],
      differences: [{ kind: "number", text: "1936", missingIn: ["id-ru", "id-fr"] }],
      lengthOutliers: [{ a: "id-en", b: "id-ru", z: 2.4567 }],
    },
    variants: { open: 1, confirmed: 2, rejected: 0 },
    links: { confirmed: true, dropped: 3 },
    cells: [
      {
        segments: [
          { text: "“Thirst for Power”", kind: "heading", paragraph: 0, headingLevel: 1 },
          { text: "In August 1936 Vyshinsky spoke.", kind: "paragraph", paragraph: 1, headingLevel: null },
          { text: "January 1937", kind: "dateline", paragraph: 2, headingLevel: null },
        ],
        marks: [
          { start: 29, end: 33, kind: "anchor-differs", label: "1936, missing in ru, fr" },
          { start: 34, end: 43, kind: "anchor", label: "unused" },
        ],
        wordMarks: [
          { start: 19, end: 21, kind: "word-omitted", label: "left out in ru" },
          { start: 22, end: 28, kind: "word-weak", label: "weak link to en" },
        ],
        divergence: 0.1749,
      },
      { segments: [{ text: "В августе Вышинский сказал.", kind: "paragraph", paragraph: 1, headingLevel: null }], marks: [], wordMarks: [{ start: 0, end: 1, kind: "word-added", label: "not in en" }], missing: [{ text: "1936" }] },
      { segments: [], marks: [], tooDifferent: "size", inline: [{ kind: "equal", text: "a" }, { kind: "added", text: "b" }] },
    ],
  },
  { id: "row-2", number: 2, status: "confirmed", confidence: null, signal: { score: 0, hasEmptyCell: false, empty: [], differences: [], lengthOutliers: [] }, variants: null, links: null, cells: [] },
];

describe("packed rows", () => {
  it("come back as the rows the compare view shows (labels it shows, figures rounded as shown, no segment ids)", () => {
    const [first, second] = unpackRows(JSON.parse(JSON.stringify(packRows(rows, slugOf))));
    expect(first).toEqual({
      id: "row-1",
      number: 1,
      statusLabel: "88%",
      signal: { score: 0.41, hasEmptyCell: true, empty: ["fr"], differences: [{ kind: "number", text: "1936", missingIn: ["ru", "fr"] }], lengthOutliers: [{ a: "en", b: "ru", z: 2.5 }] },
      variants: 3,
      linksConfirmed: true,
      linksDropped: 3,
      cells: [
        {
          segments: [
            { id: "0", text: "“Thirst for Power”", kind: "heading", paragraph: 0, headingLevel: 1 },
            { id: "1", text: "In August 1936 Vyshinsky spoke.", kind: "paragraph", paragraph: 1, headingLevel: null },
            { id: "2", text: "January 1937", kind: "dateline", paragraph: 2, headingLevel: null },
          ],
          marks: [
            { start: 29, end: 33, kind: "anchor-differs", label: "1936, missing in ru, fr" },
            { start: 34, end: 43, kind: "anchor" },
            { start: 19, end: 21, kind: "word-omitted", label: "left out in ru" },
            { start: 22, end: 28, kind: "word-weak" },
          ],
          missing: [],
          divergence: 17,
          words: { added: 0, omitted: 1, weak: 1 },
        },
        {
          segments: [{ id: "0", text: "В августе Вышинский сказал.", kind: "paragraph", paragraph: 1, headingLevel: null }],
          marks: [{ start: 0, end: 1, kind: "word-added" }],
          missing: ["1936"],
          words: { added: 1, omitted: 0, weak: 0 },
        },
        { segments: [], marks: [], missing: [], inline: [{ kind: "equal", text: "a" }, { kind: "added", text: "b" }], tooDifferent: "size", words: { added: 0, omitted: 0, weak: 0 } },
      ],
    });
    expect(second).toEqual({ id: "row-2", number: 2, statusLabel: "confirmed", signal: null, variants: 0, linksConfirmed: false, linksDropped: 0, cells: [] });
  });

  it("leave out what a row does not show", () => {
    const [, second] = packRows(rows, slugOf);
    expect(second).toEqual({ i: "row-2", n: 2, t: "confirmed", c: [] });
  });

  it("refuse a mark kind they have no code for", () => {
    expect(() => packRows([{ ...rows[1], cells: [{ segments: [], marks: [{ start: 0, end: 1, kind: "strange" }] }] }], slugOf)).toThrow(/strange/);
  });
});
