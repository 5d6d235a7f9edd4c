import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LabelAlignmentError, type LabelledEdition, rowsFromLabels } from "./label-rows";

/** An edition whose blocks are given as [labels, segment count]; block i stands on line 10 * (i + 1). */
function edition(id: string, blocks: [string[], number][]): LabelledEdition {
  return { id, blocks: blocks.map(([labels, segmentCount], i) => ({ labels, segmentCount, line: 10 * (i + 1) })) };
}

function alignmentError(run: () => unknown): LabelAlignmentError {
  try {
    run();
  } catch (error) {
    if (error instanceof LabelAlignmentError) return error;
    throw error;
  }
  throw new Error("expected a LabelAlignmentError, nothing was thrown");
}

describe("rowsFromLabels", () => {
  it("makes one row per label when the editions correspond block for block", () => {
    const rows = rowsFromLabels([
      edition("ru", [[["p1"], 2], [["p2"], 1]]),
      edition("en", [[["p1"], 1], [["p2"], 3]]),
    ]);
    expect(rows).toEqual([{ cells: { ru: [0, 1], en: [0] } }, { cells: { ru: [2], en: [1, 2, 3] } }]);
  });

  it("puts a block labelled {#p12 #p13} in one row with the two blocks it covers", () => {
    const rows = rowsFromLabels([
      edition("en", [[["p11"], 1], [["p12"], 2], [["p13"], 1], [["p14"], 1]]),
      edition("ru", [[["p11"], 1], [["p12", "p13"], 2], [["p14"], 1]]),
    ]);
    expect(rows).toEqual([
      { cells: { en: [0], ru: [0] } },
      { cells: { en: [1, 2, 3], ru: [1, 2] } },
      { cells: { en: [4], ru: [3] } },
    ]);
  });

  it("puts two blocks with the same label in the row of the one block they render", () => {
    const rows = rowsFromLabels([
      edition("en", [[["p20"], 6]]),
      edition("fr", [[["p20"], 3], [["p20"], 3]]),
    ]);
    expect(rows).toEqual([{ cells: { en: [0, 1, 2, 3, 4, 5], fr: [0, 1, 2, 3, 4, 5] } }]);
  });

  it("joins groups that share a label through different editions", () => {
    const rows = rowsFromLabels([
      edition("a", [[["p1", "p2"], 1], [["p3"], 1]]),
      edition("b", [[["p1"], 1], [["p2", "p3"], 1]]),
    ]);
    expect(rows).toEqual([{ cells: { a: [0, 1], b: [0, 1] } }]);
  });

  it("places a paragraph that the first edition lacks where the other editions put it", () => {
    const rows = rowsFromLabels([
      edition("abridged", [[["p1"], 1], [["p3"], 1]]),
      edition("full", [[["p1"], 1], [["p2"], 1], [["p3"], 1]]),
    ]);
    expect(rows).toEqual([{ cells: { abridged: [0], full: [0] } }, { cells: { full: [1] } }, { cells: { abridged: [1], full: [2] } }]);
  });

  it("rejects editions that put two labels in opposite orders, naming the later edition and its line", () => {
    const error = alignmentError(() =>
      rowsFromLabels([
        edition("en", [[["p1"], 1], [["p2"], 1], [["p3"], 1]]),
        edition("fr", [[["p1"], 1], [["p3"], 1], [["p2"], 1]]),
      ]),
    );
    expect(error.message).toMatch(/^edition fr, line 30: label p2 /);
  });

  it("rejects one edition that repeats a label after another label", () => {
    const error = alignmentError(() => rowsFromLabels([edition("it", [[["p1"], 1], [["p2"], 1], [["p1"], 1]])]));
    expect(error.message).toMatch(/^edition it, line 30: label p1 /);
  });

  it("rejects a block inside a merged group that another edition puts elsewhere", () => {
    const error = alignmentError(() =>
      rowsFromLabels([
        edition("a", [[["p1", "p2"], 1], [["p3"], 1]]),
        edition("b", [[["p1"], 1], [["p3"], 1], [["p2"], 1]]),
      ]),
    );
    expect(error.message).toMatch(/^edition b, line 30:/);
  });

  it("rejects a block without a label, naming its edition and line", () => {
    const error = alignmentError(() => rowsFromLabels([edition("es", [[["p1"], 1], [[], 2]])]));
    expect(error.message).toBe("edition es, line 20: a block without a label cannot be aligned by labels");
  });

  it("returns no rows for editions without blocks", () => {
    expect(rowsFromLabels([edition("a", []), edition("b", [])])).toEqual([]);
  });
});

/**
 * Random label structures: one sequence of paragraph labels, and per edition a walk over it that may leave a
 * paragraph out, cover several consecutive paragraphs with one block, or render one paragraph as several blocks.
 */
const structures = fc
  .record({
    paragraphs: fc.integer({ min: 1, max: 12 }),
    editions: fc.array(
      fc.array(fc.record({ step: fc.constantFrom("one", "one", "skip", "merge", "split"), segments: fc.integer({ min: 1, max: 3 }) }), {
        minLength: 12,
        maxLength: 12,
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ paragraphs, editions }) => {
    const labels = Array.from({ length: paragraphs }, (_, i) => `p${i + 1}`);
    return editions.map((choices, e): LabelledEdition => {
      const blocks: LabelledEdition["blocks"] = [];
      let i = 0;
      for (const { step, segments } of choices) {
        if (i >= labels.length) break;
        if (step === "skip") i += 1;
        else if (step === "merge") {
          blocks.push({ labels: labels.slice(i, i + 2), segmentCount: segments, line: blocks.length + 1 });
          i += 2;
        } else if (step === "split") {
          blocks.push({ labels: [labels[i]], segmentCount: segments, line: blocks.length + 1 });
          blocks.push({ labels: [labels[i]], segmentCount: 1, line: blocks.length + 1 });
          i += 1;
        } else {
          blocks.push({ labels: [labels[i]], segmentCount: segments, line: blocks.length + 1 });
          i += 1;
        }
      }
      for (; i < labels.length; i++) blocks.push({ labels: [labels[i]], segmentCount: 1, line: blocks.length + 1 });
      return { id: `ed${e}`, blocks };
    });
  });

describe("rowsFromLabels (property)", () => {
  it("places every segment of every edition exactly once, in edition order", () => {
    fc.assert(
      fc.property(structures, (editions) => {
        const rows = rowsFromLabels(editions);
        for (const { id, blocks } of editions) {
          const total = blocks.reduce((sum, block) => sum + block.segmentCount, 0);
          expect(rows.flatMap((row) => row.cells[id] ?? [])).toEqual(Array.from({ length: total }, (_, i) => i));
        }
      }),
    );
  });

  it("leaves no row empty in every edition", () => {
    fc.assert(
      fc.property(structures, (editions) => {
        for (const row of rowsFromLabels(editions)) {
          expect(Object.values(row.cells).some((cell) => cell.length > 0)).toBe(true);
        }
      }),
    );
  });

  it("puts all blocks that carry one label, in every edition, in the same row", () => {
    fc.assert(
      fc.property(structures, (editions) => {
        const rows = rowsFromLabels(editions);
        const rowOfLabel = new Map<string, number>();
        for (const { id, blocks } of editions) {
          let segment = 0;
          for (const block of blocks) {
            const row = rows.findIndex((candidate) => candidate.cells[id]?.includes(segment));
            for (const label of block.labels) {
              if (!rowOfLabel.has(label)) rowOfLabel.set(label, row);
              expect(rowOfLabel.get(label)).toBe(row);
            }
            segment += block.segmentCount;
          }
        }
      }),
    );
  });

  it("rejects an edition in which two neighbouring blocks of different rows are swapped", () => {
    fc.assert(
      fc.property(structures, fc.nat(), (editions, pick) => {
        const reference = editions[0];
        const rows = rowsFromLabels([reference]);
        const rowOfBlock = reference.blocks.map((_, i) => {
          const start = reference.blocks.slice(0, i).reduce((sum, block) => sum + block.segmentCount, 0);
          return rows.findIndex((row) => row.cells[reference.id].includes(start));
        });
        const swappable = rowOfBlock.map((_, i) => i).filter((i) => i + 1 < rowOfBlock.length && rowOfBlock[i] !== rowOfBlock[i + 1]);
        fc.pre(swappable.length > 0);
        const i = swappable[pick % swappable.length];
        const swapped = [...reference.blocks];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
        expect(() => rowsFromLabels([reference, { id: "swapped", blocks: swapped }])).toThrow(LabelAlignmentError);
      }),
    );
  });
});
