/**
 * The read access of the page being rendered (once per request), or a redirect to sign in when reading needs an
 * account. Every page that shows a work's data gets its data through this (`loadWork` does), so the check runs
 * before any read — for a full page load, a React Server Component request of a client navigation, or a
 * prefetch — and a refused request never carries the page's data. It first waits for one of the app server's
 * page-render slots (./page-render-slot.ts), so the check and everything the page reads and renders after it count
 * against HEXAPLA_PAGE_RENDERS. Its check is the first read of every such page, so when the database is unreachable
 * the page fails here, with the digest that has the error page say so (database-trouble.ts).
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { databaseTrouble, troubleMessage } from "@/lib/db/unavailable";
import { readAccessOf, type ReadAccess } from "@/lib/db/users/reading-access";
import { PATH_HEADER } from "@/lib/http/security-headers";
import { DATABASE_TROUBLE_DIGEST } from "./database-trouble";
import { takePageRenderSlot } from "./page-render-slot";

export const pageReader = cache(async (): Promise<ReadAccess> => {
  await takePageRenderSlot();
  const requestHeaders = await headers();
  const access = await readAccessOf(requestHeaders).catch((error: unknown) => {
    if (databaseTrouble(error)) throw Object.assign(new Error(troubleMessage(databaseTrouble(error)!)), { digest: DATABASE_TROUBLE_DIGEST, cause: error });
    throw error;
  });
  if (!access) redirect(`/sign-in?next=${encodeURIComponent(safeRedirectPath(requestHeaders.get(PATH_HEADER)))}`);
  return access;
});
