/**
 * A free position right after a segment in its edition: between it and the next segment when there is room (two
 * index lookups), else the whole edition is renumbered with the full gap.
 */
import { POSITION_GAP } from "../editions/import-edition";
import { planPositions } from "./positions";
import type { Tx } from "./types";

export async function positionAfter(tx: Tx, editionId: string, segmentId: string, newId: string): Promise<number> {
  const [{ position }] = await tx.$queryRaw<{ position: number }[]>`SELECT position FROM segment WHERE id = ${segmentId}::uuid`;
  const [next] = await tx.$queryRaw<{ position: number }[]>`
    SELECT position FROM segment WHERE edition_id = ${editionId}::uuid AND position > ${position} ORDER BY position LIMIT 1`;
  if (next === undefined) return position + POSITION_GAP;
  if (next.position - position > 1) return Math.floor(position + (next.position - position) / 2);
  return renumberAround(tx, editionId, segmentId, newId);
}

async function renumberAround(tx: Tx, editionId: string, segmentId: string, newId: string): Promise<number> {
  const segments = await tx.$queryRaw<{ id: string; position: number }[]>`
    SELECT id::text, position FROM segment WHERE edition_id = ${editionId}::uuid ORDER BY position`;
  const existing = new Map(segments.map((s) => [s.id, s.position]));
  const order = segments.map((s) => s.id);
  order.splice(order.indexOf(segmentId) + 1, 0, newId);
  const plan = planPositions(existing, order, POSITION_GAP);
  if (plan.kind === "renumber") {
    const offset = Math.max(0, ...existing.values(), ...plan.positions.values()) + 1;
    await tx.$executeRaw`UPDATE segment SET position = position + ${offset} WHERE edition_id = ${editionId}::uuid`;
    const kept = segments.map((s) => s.id);
    await tx.$executeRaw`
      UPDATE segment SET position = u.position
      FROM unnest(${kept}::uuid[], ${kept.map((id) => plan.positions.get(id)!)}::int[]) AS u(id, position)
      WHERE segment.id = u.id`;
  }
  return plan.positions.get(newId)!;
}
