/**
 * Full-text search over every edition of a work, each in its own language's PostgreSQL text-search
 * configuration (so «власть» finds «власти» and "accusé" finds "accusés"), and a search by spelling for names:
 * a trigram index over the Latin fold of the texts proposes segments whose words are spelt like a word of the
 * query, and a word counts when its trigram similarity is high enough or it is the same name by the rules of
 * `namesMatch` (so "Zinovyev" finds Zinoviev, Zinóviev and Зиновьева). The spelling search runs when a query
 * word is capitalised like a name or when the words themselves are found nowhere. Hits are grouped by aligned
 * row, in reading order, with the words to highlight. In scripts written without spaces (Chinese, Thai…), a query's
 * run of letters is found as written, inside longer words too, through the index's character bigrams
 * (`lib/text/search-query.ts`).
 */
import { namesMatch } from "../../text/name-key";
import { findRuns, splitSearchQuery, type SearchQueryParts } from "../../text/search-query";
import { wordChunks } from "../../diff/word-chunks";
import type { Db } from "../client";
import { Prisma } from "../generated/client";

export const SEARCH_CONFIGS = ["russian", "french", "spanish", "italian", "english", "simple"] as const;

/** Word similarity (pg_trgm) from which the index proposes a segment to the spelling search. */
const CANDIDATE_SIMILARITY = 0.4;
/** Similarity (pg_trgm) from which a word counts as spelt like a query word. */
const SPELLING_SIMILARITY = 0.5;
/** Query words shorter than this are not looked up by spelling: they match too much. */
const MIN_SPELLING_LETTERS = 4;
/** The spelling search is for names, not sentences. */
const MAX_SPELLING_WORDS = 3;

export interface SearchWorkOptions {
  workId: string;
  query: string;
  /** Rows returned at most (default 100); `totalRows` says how many matched. */
  limitRows?: number;
  /** Only rows after this row number (the next page of a search). */
  afterRow?: number;
}

export interface SearchHit {
  segmentId: string;
  editionId: string;
  /** "words": the language's full-text search matched; "spelling": only the search by spelling did. */
  how: "words" | "spelling";
  /** Offsets of the words to highlight in the segment's text. */
  highlights: { start: number; end: number }[];
}

export interface SearchRow {
  rowId: string;
  rowNumber: number;
  hits: SearchHit[];
}

export interface SearchResult {
  rows: SearchRow[];
  /** True when more rows than `limitRows` have hits (or may have, for the search by spelling). */
  more: boolean;
  /** Rows whose words match the query (the full-text search alone), over the whole work. */
  wordRows: number;
  /** True when the search by spelling ran. */
  bySpelling: boolean;
}

interface SegmentRecord {
  segmentId: string;
  editionId: string;
  rowId: string;
  rowNumber: number;
  config: string;
  language: string;
  text: string;
  position: number;
}

interface ChunkMatch {
  config: string;
  chunk: string;
  lexical: boolean;
  similarity: number;
}

const letters = (word: string) => (word.match(/\p{L}/gu) ?? []).length;

/** The query words the spelling search looks up (none when the query is not a short run of words). */
function spellingWords(query: string): string[] {
  const words = query.split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter(Boolean);
  return words.length <= MAX_SPELLING_WORDS ? words.filter((word) => letters(word) >= MIN_SPELLING_LETTERS) : [];
}

/**
 * The segments of the work that meet `condition`, found first (through its index) and only then numbered by row: left
 * to itself, the planner walks a large work's rows and tests every segment's text (seconds at 10,000 rows).
 */
function segmentsWhere(workId: string, condition: Prisma.Sql) {
  return Prisma.sql`
    WITH matched AS MATERIALIZED (
      SELECT s.id, s.edition_id, s.row_id, s.search_config, s.text, s.position FROM segment s WHERE s.work_id = ${workId}::uuid AND (${condition})
    ), numbered AS (
      SELECT id, row_number() OVER (ORDER BY position)::int AS number FROM alignment_row WHERE work_id = ${workId}::uuid
    )
    SELECT s.id::text AS "segmentId", s.edition_id::text AS "editionId", s.row_id::text AS "rowId", n.number AS "rowNumber",
           s.search_config AS config, e.language, s.text, s.position
    FROM matched s
    JOIN numbered n ON n.id = s.row_id
    JOIN edition e ON e.id = s.edition_id`;
}

/** Segments whose words match the query in their edition's language (one indexable branch per configuration). */
function lexicalHits(db: Db, workId: string, query: SearchQueryParts) {
  const branches = SEARCH_CONFIGS.map(
    (config) =>
      Prisma.sql`(s.search_config = ${config} AND hexapla_search_vector(s.search_config, s.text) @@ hexapla_search_query(${config}, ${query.words}, ${query.runs}::text[]))`,
  );
  return db.$queryRaw<SegmentRecord[]>(segmentsWhere(workId, Prisma.join(branches, " OR ")));
}

/** Segments with a word spelt like one of `words`, as proposed by the trigram index. */
function spellingCandidates(db: Db, workId: string, words: string[]) {
  const branches = words.map((word) => Prisma.sql`hexapla_search_fold(s.text) %> hexapla_search_fold(${word})`);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(CANDIDATE_SIMILARITY)}, true)`;
    return tx.$queryRaw<SegmentRecord[]>(segmentsWhere(workId, Prisma.join(branches, " OR ")));
  });
}

/** For each (configuration, word) pair: does it share a lexeme with the query's words, and how close is its spelling to a query word. */
async function matchChunks(db: Db, query: string, words: string[], pairs: { config: string; chunk: string }[]): Promise<Map<string, ChunkMatch>> {
  if (pairs.length === 0 || (query === "" && words.length === 0)) return new Map();
  const rows = await db.$queryRaw<ChunkMatch[]>`
    SELECT c.config, c.chunk,
           tsvector_to_array(hexapla_search_vector(c.config, c.chunk)) && tsvector_to_array(hexapla_search_vector(c.config, ${query})) AS lexical,
           coalesce((SELECT max(similarity(hexapla_search_fold(w), hexapla_search_fold(c.chunk))) FROM unnest(${words}::text[]) AS w), 0)::float8 AS similarity
    FROM unnest(${pairs.map((pair) => pair.config)}::text[], ${pairs.map((pair) => pair.chunk)}::text[]) AS c(config, chunk)`;
  return new Map(rows.map((row) => [`${row.config}\u0000${row.chunk}`, row]));
}

/** Rows of hits, in reading order, confirmed a batch of rows at a time until `limit` rows are found. */
async function confirmRows(db: Db, query: SearchQueryParts, words: string[], bySpelling: boolean, segments: SegmentRecord[], lexicalIds: Set<string>, limit: number) {
  const byRow = new Map<string, SegmentRecord[]>();
  for (const segment of [...segments].sort((a, b) => a.rowNumber - b.rowNumber || a.position - b.position)) {
    byRow.set(segment.rowId, [...(byRow.get(segment.rowId) ?? []), segment]);
  }
  const pending = [...byRow.values()];
  const rows: SearchRow[] = [];
  while (rows.length < limit && pending.length > 0) {
    const batch = pending.splice(0, limit - rows.length);
    const pairs = new Map<string, { config: string; chunk: string }>();
    for (const segment of batch.flat()) {
      for (const { chunk } of wordChunks(segment.text, segment.language)) pairs.set(`${segment.config}\u0000${chunk}`, { config: segment.config, chunk });
    }
    const matches = await matchChunks(db, query.words, words, [...pairs.values()]);
    const spelt = (segment: SegmentRecord, chunk: string) => {
      const match = matches.get(`${segment.config}\u0000${chunk}`);
      return !!match && (match.similarity >= SPELLING_SIMILARITY || words.some((word) => namesMatch(word, chunk, undefined, segment.language)));
    };
    for (const rowSegments of batch) {
      const hits = rowSegments.flatMap((segment): SearchHit[] => {
        const lexical = lexicalIds.has(segment.segmentId);
        const wordRanges = wordChunks(segment.text, segment.language)
          .filter(({ chunk }) => matches.get(`${segment.config}\u0000${chunk}`)?.lexical || (bySpelling && spelt(segment, chunk)))
          .map(({ start, end }) => ({ start, end }));
        const highlights = lexical ? mergeRanges([...wordRanges, ...findRuns(segment.text, query.runs)]) : wordRanges;
        if (!lexical && highlights.length === 0) return [];
        return [{ segmentId: segment.segmentId, editionId: segment.editionId, how: lexical ? "words" : "spelling", highlights }];
      });
      if (hits.length > 0) rows.push({ rowId: rowSegments[0].rowId, rowNumber: rowSegments[0].rowNumber, hits });
    }
  }
  return { rows, more: pending.length > 0 };
}

/** Ranges sorted by start, overlapping ones merged. */
function mergeRanges(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export async function searchWork(db: Db, options: SearchWorkOptions): Promise<SearchResult> {
  // A NUL cannot reach PostgreSQL (the search page passes the address's query on as it is): it separates words.
  const query = splitSearchQuery(options.query.replaceAll("\u0000", " ").trim());
  if (!query.words && query.runs.length === 0) return { rows: [], more: false, wordRows: 0, bySpelling: false };
  const lexical = await lexicalHits(db, options.workId, query);
  const words = spellingWords(query.words);
  const bySpelling = words.length > 0 && (lexical.length === 0 || words.some((word) => /^\p{Lu}/u.test(word)));
  const lexicalIds = new Set(lexical.map((hit) => hit.segmentId));
  const candidates = bySpelling ? (await spellingCandidates(db, options.workId, words)).filter((hit) => !lexicalIds.has(hit.segmentId)) : [];
  const after = options.afterRow ?? 0;
  const segments = [...lexical, ...candidates].filter((segment) => segment.rowNumber > after);
  const { rows, more } = await confirmRows(db, query, words, bySpelling, segments, lexicalIds, options.limitRows ?? 100);
  return { rows, more, wordRows: new Set(lexical.map((hit) => hit.rowId)).size, bySpelling };
}
