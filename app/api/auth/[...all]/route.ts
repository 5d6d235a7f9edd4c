import { auth } from "@/lib/db/auth/auth";
import { errorResponse } from "@/lib/http/errors";
import { PayloadTooLargeError, withBoundedBody } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/** Sign-in and the other auth requests carry a few fields: their bodies are refused (413) past 64 KB. */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

async function handler(request: Request): Promise<Response> {
  let bounded: Request;
  try {
    bounded = await withBoundedBody(request, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return errorResponse(error);
    throw error;
  }
  return auth().handler(bounded);
}

export { handler as GET, handler as POST };
