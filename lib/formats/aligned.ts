/**
 * What aligned formats (TMX, CSV) import into: several editions plus the rows that align their segments, and the
 * builder both importers use to collect segments into blocks and rows while checking the segment limit.
 */
import { type BlockDoc, type BlockKind, type EditionDocument, type EditionMeta, ImportError } from "../text/edition-document";
import { assertBlockLength, assertSegmentCount } from "../text/limits";
import { assertDeclaredLanguage, completeMeta, type MetaDefaults } from "./metadata";

export interface AlignedRow {
  /** Edition slug → 0-based sentence indexes in that edition, counted over all its blocks. */
  cells: Record<string, number[]>;
  /** The row's status and the aligner's confidence when the file records them (Hexapla's own exports do). */
  status?: "automatic" | "confirmed";
  confidence?: number | null;
}

export interface AlignedImport {
  editions: EditionDocument[];
  rows: AlignedRow[];
}

/** Caller-supplied metadata for aligned imports: fields shared by all editions, and per edition slug. */
export interface AlignedDefaults {
  common?: MetaDefaults;
  editions?: Record<string, MetaDefaults>;
}

/**
 * A row's status and confidence as a file writes them (`confirmed`, `0.82`); absent values are left out. Anything
 * else is an error naming the line.
 */
export function rowState(
  written: { status?: string; confidence?: string },
  file: string,
  line: number,
): Pick<AlignedRow, "status" | "confidence"> {
  const state: Pick<AlignedRow, "status" | "confidence"> = {};
  const status = written.status?.trim();
  if (status) {
    if (status !== "automatic" && status !== "confirmed") throw new ImportError(file, line, `row status must be automatic or confirmed, not “${status}”`);
    state.status = status;
  }
  const confidence = written.confidence?.trim();
  if (confidence) {
    const value = Number(confidence);
    if (!Number.isFinite(value) || value < 0 || value > 1) throw new ImportError(file, line, `row confidence must be a number from 0 to 1, not “${confidence}”`);
    state.confidence = value;
  }
  return state;
}

interface EditionDraft {
  slug: string;
  found: Partial<EditionMeta>;
  fallback: Partial<EditionMeta>;
  line: number;
  blocks: BlockDoc[];
  lastBlockKey: string | null;
  sentenceCount: number;
}

export interface CellBlock {
  /** Cells with the same key, one after another in an edition, go into the same block. */
  key: string | null;
  kind: BlockKind;
  level: number | null;
}

export class AlignedBuilder {
  private readonly drafts = new Map<string, EditionDraft>();
  readonly rows: AlignedRow[] = [];
  private segments = 0;

  constructor(private readonly file: string) {}

  hasEdition(slug: string): boolean {
    return this.drafts.has(slug);
  }

  /**
   * Declares an edition: `found` is metadata the file states (a TMX `xml:lang`, header properties), `fallback` what
   * the importer merely guesses (a CSV column's language from its slug); the caller's defaults come between.
   */
  addEdition(slug: string, line: number, found: Partial<EditionMeta>, fallback: Partial<EditionMeta> = {}): void {
    this.drafts.set(slug, { slug, found, fallback, line, blocks: [], lastBlockKey: null, sentenceCount: 0 });
  }

  /** Adds guessed metadata to an edition, below the caller's defaults. */
  guess(slug: string, fields: Partial<EditionMeta>): void {
    const draft = this.drafts.get(slug);
    if (draft) Object.assign(draft.fallback, fields);
  }

  startRow(): AlignedRow {
    const row: AlignedRow = { cells: {} };
    this.rows.push(row);
    return row;
  }

  /** Adds one cell's segments to an edition and records their indexes in the row. */
  addCell(row: AlignedRow, slug: string, texts: string[], line: number, block: CellBlock = { key: null, kind: "paragraph", level: null }): void {
    const draft = this.drafts.get(slug);
    if (draft == null) throw new Error(`edition ${slug} was not declared`);
    if (texts.length === 0) return;
    this.segments += texts.length;
    assertSegmentCount(this.segments, this.file, line);
    const previous = draft.blocks.at(-1);
    const target =
      previous != null && block.key != null && block.key === draft.lastBlockKey
        ? previous
        : { kind: block.kind, level: block.kind === "heading" ? (block.level ?? 1) : null, labels: [], line, sentences: [] };
    if (target !== previous) draft.blocks.push(target);
    draft.lastBlockKey = block.key;
    const indexes = texts.map((text, i) => {
      assertBlockLength(text.length, this.file, line, "segment");
      target.sentences.push({ text });
      return draft.sentenceCount + i;
    });
    draft.sentenceCount += texts.length;
    row.cells[slug] = [...(row.cells[slug] ?? []), ...indexes];
  }

  /**
   * Completes each edition's metadata (file > caller's per-edition defaults > caller's common defaults > guesses and
   * fallbacks: edition = slug, title = "<work title> (<slug>)") and returns the import. Rows without any segment are
   * dropped; an edition without any segment is an error.
   */
  finish(defaults: AlignedDefaults | undefined): AlignedImport {
    const editions = [...this.drafts.values()].map((draft) => {
      if (draft.blocks.length === 0) throw new ImportError(this.file, draft.line, `edition “${draft.slug}” has no text`);
      const own = defaults?.editions?.[draft.slug];
      assertDeclaredLanguage(draft.found.language, own?.language, this.file, draft.line, `the file (edition “${draft.slug}”)`);
      const callerDefaults = { ...defaults?.common, ...own };
      const workName = draft.found.workTitle ?? callerDefaults.workTitle ?? draft.found.work ?? callerDefaults.work;
      const fallback = { ...draft.fallback, edition: draft.slug, title: workName ? `${workName} (${draft.slug})` : undefined };
      let meta: EditionMeta;
      try {
        meta = completeMeta(draft.found, callerDefaults, fallback, this.file, draft.line);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        throw new ImportError(this.file, draft.line, `edition “${draft.slug}”: ${error.reason}`);
      }
      return { meta, blocks: draft.blocks, apparatus: null, corrections: [] } satisfies EditionDocument;
    });
    if (editions.length === 0) throw new ImportError(this.file, null, "the file holds no aligned text: no edition has a single segment");
    const rows = this.rows.filter((row) => Object.keys(row.cells).length > 0);
    return { editions, rows };
  }
}
