import { notFound } from "next/navigation";
import { cache } from "react";
import { NotFoundError } from "@/lib/db/errors";
import { getWork } from "@/lib/db/works/get-work";
import { pageReader } from "@/app/page-reader";

/**
 * The work of a page (once per request, shared by the page and its metadata), or the not-found page; a request
 * that may not read is sent to sign in before anything is read.
 */
export const loadWork = cache(async (slug: string) => {
  const access = await pageReader();
  try {
    return await getWork(access, slug);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
