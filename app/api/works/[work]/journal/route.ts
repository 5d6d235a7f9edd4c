/**
 * GET `?user=&kind=&from=&to=&limit=&cursor=`: the work's journal, newest first, a page at a time (`limit`, at most
 * PAGE_LIMIT_MAX; `cursor`: the previous page's `next`, null on the last), with the current numbers of the rows the
 * entries touched and whether an entry keeps the grid it replaced (`restorable`: POST ./{entry}/restore) or kept it
 * until the retention policy pruned it (`snapshotPruned`).
 */
import { db } from "@/lib/db/client";
import { listJournal } from "@/lib/db/grid/list-journal";
import { restorableEntries } from "@/lib/db/snapshots/restorable-entries";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { decodeCount, encodeCursor } from "@/lib/api/cursor";
import { JournalQuerySchema } from "@/lib/api/schemas";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { limit, cursor, ...filter } = JournalQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const workId = await findReadableWorkId(access, db(), (await params).work);
    const before = cursor === undefined ? undefined : decodeCount(cursor);
    const page = await listJournal(db(), workId, { ...filter, before }, limit);
    const snapshots = await restorableEntries(db(), page.entries.map((entry) => entry.id));
    return Response.json({
      entries: page.entries.map((entry) => ({ ...entry, restorable: snapshots.restorable.has(entry.id), snapshotPruned: snapshots.pruned.has(entry.id) })),
      rowNumbers: page.rowNumbers,
      next: page.nextBefore === null ? null : encodeCursor(page.nextBefore),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
