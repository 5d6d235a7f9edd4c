import { DEFAULT_BACKOFF } from "@/lib/auth/sign-in-backoff";
import { auth } from "@/lib/db/auth/auth";
import { withSignInThrottle } from "@/lib/db/auth/sign-in-throttle";
import { db } from "@/lib/db/client";
import { readEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http/errors";
import { PayloadTooLargeError, withBoundedBody } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/** Sign-in and the other auth requests carry a few fields: their bodies are refused (413) past 64 KB. */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

async function bounded(request: Request): Promise<Response> {
  let limited: Request;
  try {
    limited = await withBoundedBody(request, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return errorResponse(error);
    throw error;
  }
  return auth().handler(limited);
}

const handler = withSignInThrottle(bounded, db, () => ({ ...DEFAULT_BACKOFF, freeFailures: readEnv().HEXAPLA_SIGNIN_ACCOUNT_LIMIT }));

export { handler as GET, handler as POST };
