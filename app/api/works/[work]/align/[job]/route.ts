/** GET: an alignment job of the work, as GET ../../jobs/[job] answers it (kept for clients of the earlier API). */
export const dynamic = "force-dynamic";

export { GET } from "../../jobs/[job]/route";
