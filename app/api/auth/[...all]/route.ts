import { DEFAULT_BACKOFF } from "@/lib/auth/sign-in-backoff";
import { auth } from "@/lib/db/auth/auth";
import { withSignInThrottle } from "@/lib/db/auth/sign-in-throttle";
import { db } from "@/lib/db/client";
import { readEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const handler = withSignInThrottle(
  (request) => auth().handler(request),
  db,
  () => ({ ...DEFAULT_BACKOFF, freeFailures: readEnv().HEXAPLA_SIGNIN_ACCOUNT_LIMIT }),
);

export { handler as GET, handler as POST };
