import type { WordMarkCounts } from "@/lib/diff/word-mark-counts";

/** What the word marks of a passage say, for readers who cannot see them. */
export function WordSummary({ words }: { words: WordMarkCounts }) {
  const parts = [
    words.added ? `${words.added} word${words.added === 1 ? "" : "s"} without counterpart in the base` : null,
    words.weak ? `${words.weak} weak link${words.weak === 1 ? "" : "s"}` : null,
    words.omitted ? `${words.omitted} word${words.omitted === 1 ? "" : "s"} left out by other editions` : null,
  ].filter(Boolean);
  return parts.length ? <span className="visually-hidden">{`Word differences: ${parts.join("; ")}.`}</span> : null;
}
