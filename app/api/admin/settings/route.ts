import { z } from "zod";
import { requireRole } from "@/lib/db/auth/current-user";
import { isReadingPublic, setReadingPublic } from "@/lib/db/settings";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

const SettingsSchema = z.strictObject({ readingPublic: z.boolean() });

/** The instance's settings (admins only). */
export async function GET(request: Request) {
  try {
    await requireRole(request.headers, "admin");
    return Response.json({ readingPublic: await isReadingPublic() });
  } catch (error) {
    return errorResponse(error);
  }
}

/** PUT `{ readingPublic }`: whether reading needs no account (admins only). */
export async function PUT(request: Request) {
  try {
    await requireRole(request.headers, "admin");
    const { readingPublic } = await readJson(request, SettingsSchema);
    await setReadingPublic(readingPublic);
    return Response.json({ readingPublic });
  } catch (error) {
    return errorResponse(error);
  }
}
