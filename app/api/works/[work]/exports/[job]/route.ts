/**
 * GET: the file an export-work job made (Content-Disposition: attachment), streamed from the database a chunk at a
 * time; 404 before it is done and after it expired (the job's result says until when it is kept).
 */
import { db } from "@/lib/db/client";
import { readExportFile } from "@/lib/db/export/export-requests";
import { exportFileChunks } from "@/lib/db/export/store-export";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string; job: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { work, job } = await params;
    const file = await readExportFile(access, db(), work, job);
    const chunks = exportFileChunks(db(), file.jobId, file.chunks);
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        async cancel() {
          await chunks.return(undefined);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.bytes),
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "private, no-store",
        "x-content-sha256": file.sha256,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
