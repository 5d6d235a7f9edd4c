import { wordDiff } from "@/lib/diff/word-diff";

/** A revision as a word-level diff: removed words struck through, added words underlined. */
export function RevisionDiff({ before, after, language }: { before: string; after: string; language: string }) {
  // A correction may change only typography (quotes, ё, spaces): compare the texts exactly.
  const diff = wordDiff(before, after, language, { profile: false, ignorePunctuation: false, ignoreCase: false, ignoreWhitespace: false });
  if (diff.status !== "ok") {
    return (
      <dl className="revision-texts" lang={language}>
        <dt>Before</dt>
        <dd>{before}</dd>
        <dt>After</dt>
        <dd>{after}</dd>
      </dl>
    );
  }
  return (
    <p className="revision-diff" lang={language}>
      {diff.parts.map((part, index) =>
        part.kind === "added" ? (
          <ins key={index}>
            <span className="visually-hidden">added: </span>
            {part.text}
          </ins>
        ) : part.kind === "removed" ? (
          <del key={index}>
            <span className="visually-hidden">removed: </span>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
