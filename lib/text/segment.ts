/**
 * Intl.Segmenter over texts of any length in linear time. V8 (Node 20) copies the whole input string into every
 * segment object its iterator hands out, so the segments of an n-character string cost O(n) each: quadratic in time
 * and memory (the sentences of a 1 MB paragraph exhaust the heap). `segmentText` gives the segmenter windows of
 * WINDOW characters and starts each window at a break it has already found, so every character is copied a bounded
 * number of times. A break is taken only when at least CONTEXT characters follow it inside the window (the Unicode
 * break rules look ahead a few characters); a segment longer than a window is found by doubling the window.
 */
import type { WorkMeter } from "./work-meter";

export interface SegmentPart {
  segment: string;
  /** Offset in the whole text. */
  index: number;
  isWordLike?: boolean;
}


const WINDOW = 128;
const CONTEXT = 32;

/** `meter` counts the characters handed to the segmenter and copied into its segments. */
export function* segmentText(segmenter: Intl.Segmenter, text: string, meter?: WorkMeter): Generator<SegmentPart> {
  let start = 0;
  let size = WINDOW;
  while (start < text.length) {
    const end = Math.min(text.length, start + size);
    const slice = text.slice(start, end);
    const limit = end === text.length ? slice.length : slice.length - CONTEXT;
    const enlarged = size > WINDOW;
    let next = start;
    if (meter) meter.steps += slice.length;
    for (const part of segmenter.segment(slice)) {
      if (meter) meter.steps += slice.length;
      const partEnd = part.index + part.segment.length;
      if (partEnd > limit) break;
      yield { segment: part.segment, index: start + part.index, isWordLike: part.isWordLike };
      next = start + partEnd;
      // After a long segment, go back to small windows at once: the rest of a large window may hold many segments.
      if (enlarged) break;
    }
    if (next === start) {
      size *= 2;
    } else {
      start = next;
      size = WINDOW;
    }
  }
}
