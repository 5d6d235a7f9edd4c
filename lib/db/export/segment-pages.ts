/**
 * One edition's segments in reading order, a page at a time (keyset on position, through the (edition, position)
 * index), for the exports. A page comes back as ONE JSON document built by PostgreSQL (json_agg) and parsed by V8:
 * mapping every segment as a Prisma model record cost more than reading it.
 */
import type { SegmentExport } from "../../formats/work-export";
import { Prisma } from "../generated/client";
import type { Tx } from "../grid/types";

export interface SegmentRecord {
  id: string;
  xmlId: string | null;
  rowId: string | null;
  position: number;
  paragraph: number;
  kind: SegmentExport["kind"];
  headingLevel: number | null;
  /** Empty when the page was read without texts. */
  text: string;
}

type Packed = [string, string | null, string | null, number, number, SegmentExport["kind"], number | null, string | null];

export interface SegmentPageOptions {
  /** Only segments after this position. */
  after?: number;
  take: number;
  /** Read the texts (false: ids, rows and structure only). */
  texts: boolean;
  /** Only segments in a row of the grid. */
  aligned: boolean;
}

export async function segmentPage(tx: Tx, editionId: string, options: SegmentPageOptions): Promise<SegmentRecord[]> {
  const [{ page }] = await tx.$queryRaw<{ page: string }[]>`
    SELECT coalesce(json_agg(json_build_array(s.id, s.xml_id, s.row_id, s.position, s.paragraph, s.kind, s.heading_level, CASE WHEN ${options.texts} THEN s.text END) ORDER BY s.position), '[]')::text AS page
    FROM (SELECT * FROM segment
          WHERE edition_id = ${editionId}::uuid ${options.after !== undefined ? Prisma.sql`AND position > ${options.after}::int` : Prisma.empty}
            ${options.aligned ? Prisma.sql`AND row_id IS NOT NULL` : Prisma.empty}
          ORDER BY position LIMIT ${options.take}) s`;
  return (JSON.parse(page) as Packed[]).map(([id, xmlId, rowId, position, paragraph, kind, headingLevel, text]) => ({
    id,
    xmlId,
    rowId,
    position,
    paragraph,
    kind,
    headingLevel,
    text: text ?? "",
  }));
}

/** An aligned segment as the grid's cells name it: its export id (xml id, else id), its row and its position. */
export interface GridSegmentRecord {
  exportId: string;
  rowId: string;
  position: number;
}

/**
 * One edition's aligned segments in reading order with their rows, and nothing else: what the exports that write only
 * the cells' ids (the work JSON's rows, the TEI alignment) read of the grid. A third of the bytes of `segmentPage`'s
 * records to build and parse.
 */
export async function gridSegmentPage(tx: Tx, editionId: string, options: { after?: number; take: number }): Promise<GridSegmentRecord[]> {
  const [{ page }] = await tx.$queryRaw<{ page: string }[]>`
    SELECT coalesce(json_agg(json_build_array(coalesce(s.xml_id, s.id::text), s.row_id, s.position) ORDER BY s.position), '[]')::text AS page
    FROM (SELECT id, xml_id, row_id, position FROM segment
          WHERE edition_id = ${editionId}::uuid ${options.after !== undefined ? Prisma.sql`AND position > ${options.after}::int` : Prisma.empty} AND row_id IS NOT NULL
          ORDER BY position LIMIT ${options.take}) s`;
  return (JSON.parse(page) as [string, string, number][]).map(([exportId, rowId, position]) => ({ exportId, rowId, position }));
}

export interface RowRecord {
  id: string;
  position: number;
  status: "automatic" | "confirmed";
  confidence: number | null;
}

/** A page of a work's rows in grid order (keyset on position), as one JSON document like the segments' pages. */
export async function rowPage(tx: Tx, workId: string, options: { after?: number; take: number }): Promise<RowRecord[]> {
  const [{ page }] = await tx.$queryRaw<{ page: string }[]>`
    SELECT coalesce(json_agg(json_build_array(r.id, r.position, r.status, r.confidence) ORDER BY r.position), '[]')::text AS page
    FROM (SELECT id, position, status, confidence FROM alignment_row
          WHERE work_id = ${workId}::uuid ${options.after !== undefined ? Prisma.sql`AND position > ${options.after}::int` : Prisma.empty}
          ORDER BY position LIMIT ${options.take}) r`;
  return (JSON.parse(page) as [string, number, RowRecord["status"], number | null][]).map(([id, position, status, confidence]) => ({ id, position, status, confidence }));
}
