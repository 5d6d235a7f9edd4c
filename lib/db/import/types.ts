/** What an import is asked to do, and what its preview and its result report (plain JSON for the API and the page). */
import type { EditionDocument, EditionMeta } from "../../text/edition-document";
import type { TextNormalisation } from "../../text/normalise-document";
import type { ImportFormat, ImportWarning, MetaDefaults, SegmentationStats, SupportedEncoding } from "../../formats";
import type { Db } from "../client";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Reads work the same on the client and inside a transaction. */
export type Reader = Db | Tx;

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  /** Skip format detection. */
  format?: ImportFormat;
  /** Read the bytes in this encoding instead of detecting it. */
  encoding?: SupportedEncoding;
  /** Metadata for files that lack it (the import form, the command line's options); what the file says wins. */
  meta?: MetaDefaults;
  /** The work the file goes into; a file naming another work is refused. Left out: the work the file names. */
  workSlug?: string;
  /** The work must not exist yet (importing a new work). */
  newWork?: boolean;
  /** Replace the text of this edition (same language) instead of adding an edition. */
  replace?: string;
  /** Align a single new edition against the pivot (default true). */
  align?: boolean;
  /** Who imports; recorded as the edition's importer. */
  importedById: string | null;
  /** The checksum the preview showed: the import is refused when the file sent is not the same. */
  expectedChecksum?: string;
  /** An edition already read with its side files (the command line's plain format), instead of `bytes`. */
  prepared?: { document: EditionDocument; checksum: string };
}

export interface BlockPreview {
  kind: EditionDocument["blocks"][number]["kind"];
  level: number | null;
  line: number;
  sentences: string[];
}

export interface EditionSummary {
  meta: EditionMeta;
  stats: SegmentationStats;
  warnings: ImportWarning[];
  /** The first blocks of the main text (as they will be stored: in NFC), for the preview. */
  firstBlocks: BlockPreview[];
  /** What storing the text in Unicode NFC changes; null when the file is in NFC already. */
  normalisation: TextNormalisation | null;
}

export type AlignmentMode = "place" | "new-grid" | "none" | "from-file";

export interface AlignmentPlan {
  mode: AlignmentMode;
  /** The edition the new text is aligned against. */
  reference: { slug: string; language: string; title: string } | null;
  /** In words, for the preview and the command line. */
  note: string;
}

export interface ImportPreview {
  file: string;
  format: ImportFormat;
  encoding: { encoding: string; confidence: number; hadBom: boolean; declared: boolean };
  /** SHA-256 of the file: send it back with the import so that the file imported is the one previewed. */
  checksum: string;
  work: { slug: string; title: string; exists: boolean };
  action: "add" | "replace" | "aligned" | "work";
  /** The same file was imported before: importing it again changes nothing. */
  unchanged: boolean;
  editions: EditionSummary[];
  /** Aligned rows the file brings (aligned formats and work exports). */
  rows: number | null;
  variants: number | null;
  /** The edition whose text is replaced, and the slug its old text keeps as an earlier witness. */
  replaces: { slug: string; title: string; provenance: string; keptAs: string } | null;
  alignment: AlignmentPlan;
  /** Things the editor should know, e.g. side files that were not uploaded. */
  notes: string[];
}

export interface AlignmentOutcome {
  /** "queued": a long text, aligned by a job after the import (`job`). */
  mode: AlignmentMode | "queued";
  reference: string | null;
  /** Rows that received the new text (place) or were created (new-grid, from-file). */
  rows: number;
  /** Confirmed rows that received the new text: they stay confirmed; an editor should look at them. */
  confirmedRows: number;
  /** The job that aligns the text (mode "queued"). */
  job?: { id: string };
}

export interface ImportResult {
  status: "created" | "unchanged";
  work: { slug: string };
  /** `normalisation`: what storing the edition's text in Unicode NFC changed (left out when nothing). */
  editions: { slug: string; segments: number; normalisation?: TextNormalisation }[];
  replaced: { slug: string; keptAs: string } | null;
  alignment: AlignmentOutcome | null;
  message: string;
}
