/**
 * The read access of the page being rendered (once per request), or a redirect to sign in when reading needs an
 * account. Every page that shows a work's data gets its data through this (`loadWork` does), so the check runs
 * before any read — for a full page load, a React Server Component request of a client navigation, or a
 * prefetch — and a refused request never carries the page's data. It first waits for one of the app server's
 * page-render slots (./page-render-slot.ts), so the check and everything the page reads and renders after it count
 * against HEXAPLA_PAGE_RENDERS.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { readAccessOf, type ReadAccess } from "@/lib/db/users/reading-access";
import { PATH_HEADER } from "@/lib/http/security-headers";
import { takePageRenderSlot } from "./page-render-slot";

export const pageReader = cache(async (): Promise<ReadAccess> => {
  await takePageRenderSlot();
  const requestHeaders = await headers();
  const access = await readAccessOf(requestHeaders);
  if (!access) redirect(`/sign-in?next=${encodeURIComponent(safeRedirectPath(requestHeaders.get(PATH_HEADER)))}`);
  return access;
});
