/** Server-Sent Events of a work's grid changes, for whoever may read: see lib/db/live/grid-event-stream.ts. */
import { gridEventStream } from "@/lib/db/live/grid-event-stream";
import { requireReader } from "@/lib/db/users/reading-access";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  return gridEventStream(request, (await params).work, () => requireReader(request.headers));
}
