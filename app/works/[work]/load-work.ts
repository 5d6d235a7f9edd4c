import { notFound } from "next/navigation";
import { cache } from "react";
import { NotFoundError } from "@/lib/db/errors";
import { getWork } from "@/lib/db/works/get-work";

/** The work of a page (once per request, shared by the page and its metadata), or the not-found page. */
export const loadWork = cache(async (slug: string) => {
  try {
    return await getWork(slug);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
