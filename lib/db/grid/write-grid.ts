/**
 * Writes the difference between the rows of a work an operation read (a window, grid-window.ts) and the rows it
 * computed: new rows at free positions between their neighbours, segments moved to their new rows, what pointed at
 * removed rows handed to the row that took their segments, removed rows deleted, and status, confidence and version
 * of every touched row. Rows keep their ids; surviving rows keep their order (the operations never reorder rows).
 * Only when the gap between two rows is used up are all the work's rows renumbered.
 */
import { cellOf, type Grid } from "../../alignment/grid";
import type { GridState } from "../../alignment/operations";
import { POSITION_GAP } from "../editions/import-edition";
import type { GridWindow } from "./grid-window";
import { planPositions } from "./positions";
import type { AttachmentMoves, Tx } from "./types";

export interface GridWrite {
  workId: string;
  before: GridWindow;
  after: GridState;
  touchedRowIds: readonly string[];
  /** The grid version being written; touched rows take it as their version. */
  version: number;
}

export async function writeGridDiff(tx: Tx, write: GridWrite): Promise<AttachmentMoves> {
  const { workId, before, after, version } = write;
  const afterIds = after.grid.rows.map((r) => r.id);
  const afterSet = new Set(afterIds);
  const created = after.grid.rows.filter((r) => !before.rowPositions.has(r.id));
  const removed = before.state.grid.rows.filter((r) => !afterSet.has(r.id)).map((r) => r.id);

  if (created.length > 0) {
    const plan = await placeRows(tx, workId, before, afterIds);
    await tx.alignmentRow.createMany({
      data: created.map((row) => ({
        id: row.id,
        workId,
        position: plan.positions.get(row.id)!,
        status: row.status,
        confidence: row.confidence,
        version,
      })),
    });
  }

  await moveSegments(tx, workId, before.state.grid, after.grid);
  const moves = removed.length > 0 ? await handOverAttachments(tx, removed, heirsOf(removed, before.state.grid, after.grid)) : emptyMoves();
  if (removed.length > 0) await tx.alignmentRow.deleteMany({ where: { id: { in: removed }, workId } });

  const touched = new Set(write.touchedRowIds);
  const updated = after.grid.rows.filter((r) => touched.has(r.id) && before.rowPositions.has(r.id));
  if (updated.length > 0) {
    await tx.$executeRaw`
      UPDATE alignment_row SET status = u.status::row_status, confidence = u.confidence, version = ${version}, updated_at = now()
      FROM unnest(${updated.map((r) => r.id)}::uuid[], ${updated.map((r) => r.status)}::text[], ${updated.map((r) => r.confidence)}::float8[])
        AS u(id, status, confidence)
      WHERE alignment_row.id = u.id AND alignment_row.work_id = ${workId}::uuid`;
  }
  return moves;
}

export function emptyMoves(): AttachmentMoves {
  return { variants: [], bookmarks: [] };
}

export function hasMoves(moves: AttachmentMoves): boolean {
  return moves.variants.length > 0 || moves.bookmarks.length > 0;
}

/** Positions for the window's rows between its neighbours, or for every row of the work when the gap is used up. */
async function placeRows(tx: Tx, workId: string, window: GridWindow, afterIds: readonly string[]) {
  const existing = new Map(window.rowPositions);
  const order = [...afterIds];
  for (const [row, at] of [[window.previous, 0], [window.next, order.length]] as const) {
    if (row === null) continue;
    existing.set(row.id, row.position);
    order.splice(at === 0 ? 0 : order.length, 0, row.id);
  }
  const plan = planPositions(existing, order, POSITION_GAP);
  if (plan.kind === "insert") return plan;
  const all = await tx.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
  const current = new Map(all.map((r) => [r.id, r.position]));
  const inWindow = new Set([...window.rowPositions.keys()]);
  const firstIndex = all.findIndex((r) => inWindow.has(r.id));
  const fullOrder = [...all.slice(0, firstIndex).map((r) => r.id), ...afterIds, ...all.slice(firstIndex + inWindow.size).map((r) => r.id)];
  const full = planPositions(current, fullOrder, POSITION_GAP);
  if (full.kind === "renumber") await renumberRows(tx, workId, current, full.positions);
  return full;
}

/** Rows first move past every current position, then take their planned ones, so no two ever collide. */
async function renumberRows(tx: Tx, workId: string, current: ReadonlyMap<string, number>, planned: ReadonlyMap<string, number>): Promise<void> {
  const offset = Math.max(0, ...current.values(), ...planned.values()) + 1;
  await tx.$executeRaw`UPDATE alignment_row SET position = position + ${offset} WHERE work_id = ${workId}::uuid`;
  const surviving = [...planned].filter(([id]) => current.has(id));
  await tx.$executeRaw`
    UPDATE alignment_row SET position = u.position
    FROM unnest(${surviving.map(([id]) => id)}::uuid[], ${surviving.map(([, p]) => p)}::int[]) AS u(id, position)
    WHERE alignment_row.id = u.id AND alignment_row.work_id = ${workId}::uuid`;
}

/** Segments whose row changed (segments that exist before and after; splits and merges handle their own). */
async function moveSegments(tx: Tx, workId: string, before: Grid, after: Grid): Promise<void> {
  const rowBefore = new Map<string, string>();
  for (const row of before.rows) for (const e of before.editionIds) for (const s of cellOf(row, e)) rowBefore.set(s, row.id);
  const segmentIds: string[] = [];
  const rowIds: string[] = [];
  for (const row of after.rows) {
    for (const e of after.editionIds) {
      for (const s of cellOf(row, e)) {
        const old = rowBefore.get(s);
        if (old !== undefined && old !== row.id) {
          segmentIds.push(s);
          rowIds.push(row.id);
        }
      }
    }
  }
  if (segmentIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE segment SET row_id = u.row_id, updated_at = now()
    FROM unnest(${segmentIds}::uuid[], ${rowIds}::uuid[]) AS u(id, row_id)
    WHERE segment.id = u.id AND segment.work_id = ${workId}::uuid`;
}

/**
 * The row that takes over what pointed at each removed row: the row now holding most of its segments, or the
 * nearest surviving row above it (below it for the first row).
 */
export function heirsOf(removed: readonly string[], before: Grid, after: Grid): Map<string, string> {
  const rowAfter = new Map<string, string>();
  for (const row of after.rows) for (const e of after.editionIds) for (const s of cellOf(row, e)) rowAfter.set(s, row.id);
  const surviving = new Set(after.rows.map((r) => r.id));
  const heirs = new Map<string, string>();
  for (const id of removed) {
    const index = before.rows.findIndex((r) => r.id === id);
    const votes = new Map<string, number>();
    for (const e of before.editionIds) {
      for (const s of cellOf(before.rows[index], e)) {
        const target = rowAfter.get(s);
        if (target !== undefined) votes.set(target, (votes.get(target) ?? 0) + 1);
      }
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    const above = before.rows.slice(0, index).reverse().find((r) => surviving.has(r.id))?.id;
    const below = before.rows.slice(index + 1).find((r) => surviving.has(r.id))?.id;
    const heir = best ?? above ?? below;
    if (heir !== undefined) heirs.set(id, heir);
  }
  return heirs;
}

async function handOverAttachments(tx: Tx, removed: readonly string[], heirs: ReadonlyMap<string, string>): Promise<AttachmentMoves> {
  const moves = emptyMoves();
  const variants = await tx.variant.findMany({ where: { rowId: { in: [...removed] } }, select: { id: true, rowId: true } });
  for (const variant of variants) {
    const to = heirs.get(variant.rowId)!;
    await tx.variant.update({ where: { id: variant.id }, data: { rowId: to } });
    moves.variants.push({ id: variant.id, from: variant.rowId, to });
  }
  const bookmarks = await tx.bookmark.findMany({ where: { rowId: { in: [...removed] } } });
  for (const bookmark of bookmarks) {
    const to = heirs.get(bookmark.rowId)!;
    const exists = await tx.bookmark.findUnique({ where: { userId_rowId: { userId: bookmark.userId, rowId: to } } });
    if (exists) await tx.bookmark.delete({ where: { userId_rowId: { userId: bookmark.userId, rowId: bookmark.rowId } } });
    else await tx.bookmark.update({ where: { userId_rowId: { userId: bookmark.userId, rowId: bookmark.rowId } }, data: { rowId: to } });
    moves.bookmarks.push({ userId: bookmark.userId, from: bookmark.rowId, to, createdAt: bookmark.createdAt.toISOString(), dropped: exists !== null });
  }
  return moves;
}

/** Gives back to re-created rows what an earlier operation handed over from them (where it still is). */
export async function restoreAttachments(tx: Tx, moves: AttachmentMoves): Promise<void> {
  const rows = [...new Set([...moves.variants, ...moves.bookmarks].map((move) => move.from))];
  const existing = new Set((await tx.alignmentRow.findMany({ where: { id: { in: rows } }, select: { id: true } })).map((r) => r.id));
  for (const move of moves.variants) {
    if (existing.has(move.from)) await tx.variant.updateMany({ where: { id: move.id, rowId: move.to }, data: { rowId: move.from } });
  }
  for (const move of moves.bookmarks) {
    if (!existing.has(move.from)) continue;
    if (await tx.bookmark.findUnique({ where: { userId_rowId: { userId: move.userId, rowId: move.from } } })) continue;
    if (!move.dropped) {
      const moved = await tx.bookmark.deleteMany({ where: { userId: move.userId, rowId: move.to } });
      if (moved.count === 0) continue;
    }
    await tx.bookmark.create({ data: { userId: move.userId, rowId: move.from, createdAt: new Date(move.createdAt) } });
  }
}
