/**
 * POST (editors only, empty body): restores the grid that the journal entry `entry` (an alignment run, an import or a
 * restore) replaced, from the snapshot kept with it (lib/db/snapshots/restore-snapshot.ts). The restore is itself
 * journalled with a snapshot, so it can be restored in turn. 200 with what it did; 409 when later changes stand in
 * the way (corrected text, split or merged sentences, work that depends on an edition it would remove), with the
 * reason; 422 for an entry without a snapshot; 404 for an unknown work or entry.
 */
import { z } from "zod";
import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { restoreSnapshot } from "@/lib/db/snapshots/restore-snapshot";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const EntryId = z.uuid();

export async function POST(request: Request, { params }: { params: Promise<{ work: string; entry: string }> }) {
  try {
    const actor = await requireRole(request.headers, "editor");
    const { work, entry } = await params;
    const operationId = EntryId.parse(entry);
    const workId = await findWorkId(db(), work);
    return Response.json({ restored: await restoreSnapshot(db(), workId, operationId, actor) });
  } catch (error) {
    return errorResponse(error);
  }
}
