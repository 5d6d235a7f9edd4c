/** The journal of a work: every recorded change, newest first, filtered by user, kind and date, a page at a time. */
import { z } from "zod";
import { refuseUnstorable } from "../../text/storable-text";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import { findChanges } from "./list-changes";
import type { ChangeSummary } from "./types";

function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** A calendar day as YYYY-MM-DD (2026-13-45 has the shape but is no day: as a bound it failed the query with a 500). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine(isCalendarDay, "no such day")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const JournalFilterSchema = z.object({
  user: z.string().max(100).superRefine(refuseUnstorable).optional().or(z.literal("").transform(() => undefined)),
  kind: z.string().max(50).superRefine(refuseUnstorable).optional().or(z.literal("").transform(() => undefined)),
  from: day,
  to: day,
  /** Show entries older than this grid version (the next page). */
  before: z.coerce.number().int().min(1).optional(),
});
export type JournalFilter = z.infer<typeof JournalFilterSchema>;

export interface JournalPage {
  entries: ChangeSummary[];
  /** `before` for the next page, or null when this is the last. */
  nextBefore: number | null;
  users: { id: string; name: string }[];
  kinds: string[];
  /** Current 1-based numbers of the rows the entries touched that still exist. */
  rowNumbers: Record<string, number>;
}

export async function listJournal(db: Db, workId: string, filter: JournalFilter, pageSize = 100): Promise<JournalPage> {
  const where: Prisma.GridOperationWhereInput = { workId };
  if (filter.user) where.userId = filter.user;
  if (filter.kind) where.kind = filter.kind;
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    };
  }
  if (filter.before) where.gridVersion = { lt: filter.before };
  const [entries, users, kinds] = await Promise.all([
    findChanges(db, where, pageSize + 1),
    db.user.findMany({ where: { operations: { some: { workId } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.gridOperation.findMany({ where: { workId }, distinct: ["kind"], select: { kind: true }, orderBy: { kind: "asc" } }),
  ]);
  const page = entries.slice(0, pageSize);
  return {
    rowNumbers: await currentRowNumbers(db, workId, page.flatMap((entry) => entry.rowIds)),
    entries: page,
    nextBefore: entries.length > pageSize ? page[page.length - 1].gridVersion : null,
    users,
    kinds: kinds.map((k) => k.kind),
  };
}

/** The current 1-based numbers of those of the rows that still exist. */
export async function currentRowNumbers(db: Db, workId: string, rowIds: string[]): Promise<Record<string, number>> {
  if (rowIds.length === 0) return {};
  const numbered = await db.$queryRaw<{ id: string; number: bigint }[]>`
    SELECT id::text, number FROM (
      SELECT id, row_number() OVER (ORDER BY position) AS number FROM alignment_row WHERE work_id = ${workId}::uuid
    ) numbered WHERE id = ANY(${[...new Set(rowIds)]}::uuid[])`;
  return Object.fromEntries(numbered.map((row) => [row.id, Number(row.number)]));
}
