/**
 * What an export of a work will write, checked before anything is: the options against the work's editions (the
 * file's name and media type, lib/api/export-files.ts), and its size in cells — rows × editions written (variants ×
 * editions for the variant register) — which decides whether it is written on the request or by a job.
 */
import { planExport, type ExportPlan } from "../../api/export-files";
import type { ExportKind } from "../../api/schemas";
import type { Db } from "../client";
import { NotFoundError } from "../errors";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";

export interface WorkExportPlan extends ExportPlan {
  workId: string;
  workSlug: string;
  /** Rows (or variants) × editions written. */
  cells: number;
  /** Records the export reads (rows, segments, variants): the job's measure of progress. */
  records: number;
}

export async function planWorkExport(
  access: ReadAccess,
  db: Db,
  workSlug: string,
  kind: ExportKind,
  options: { edition?: string; editions?: string[] },
): Promise<WorkExportPlan> {
  assertReadAccess(access);
  const work = await db.work.findUnique({
    where: { slug: workSlug },
    select: { id: true, slug: true, editions: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, slug: true, supersededById: true } } },
  });
  if (!work) throw new NotFoundError(`No work “${workSlug}”.`);
  const plan = planExport({ slug: work.slug, editions: work.editions.map((e) => ({ slug: e.slug, supersededBy: e.supersededById })) }, kind, options);
  const register = kind === "variants-csv" || kind === "variants-json";
  const editionIds = work.editions.filter((e) => plan.editions.includes(e.slug)).map((e) => e.id);
  const rows = register ? await db.variant.count({ where: { workId: work.id } }) : await db.alignmentRow.count({ where: { workId: work.id } });
  const segments = register ? 0 : await db.segment.count({ where: { workId: work.id, editionId: { in: editionIds } } });
  return { ...plan, workId: work.id, workSlug: work.slug, cells: rows * Math.max(1, plan.editions.length), records: rows + segments };
}

/** The numbers the export page sizes its exports by: the work's rows and variants. */
export async function exportSizes(access: ReadAccess, db: Db, workSlug: string): Promise<{ rows: number; variants: number }> {
  assertReadAccess(access);
  const work = await db.work.findUnique({ where: { slug: workSlug }, select: { _count: { select: { rows: true, variants: true } } } });
  if (!work) throw new NotFoundError(`No work “${workSlug}”.`);
  return { rows: work._count.rows, variants: work._count.variants };
}
