/**
 * One of the app server's page-render slots (HEXAPLA_PAGE_RENDERS, lib/http/concurrency-limit.ts), taken once per
 * request before the page reads anything and given back when its response has been sent (Next.js's `after`), so at
 * most that many pages are rendered at once. API routes take none: an editor's write is never queued behind pages.
 * The limit lives on globalThis: Next.js may load this module once per route bundle, and the limit is the process's.
 * A slot whose response never reports its end (some aborted or thrown renders do not run `after`) is taken back
 * after SLOT_HOLD_MS: a page renders in well under a second, and with 60 s two such slots stalled every page for a
 * minute (the e2e suite's pages waited 30 s and more near its end, API routes answering meanwhile).
 */
import { after } from "next/server";
import { cache } from "react";
import { readEnv } from "@/lib/env";
import { ConcurrencyLimit } from "@/lib/http/concurrency-limit";

const SLOT_HOLD_MS = 5_000;

const globalForRenders = globalThis as unknown as { hexaplaPageRenders?: ConcurrencyLimit };

function pageRenders(): ConcurrencyLimit {
  return (globalForRenders.hexaplaPageRenders ??= new ConcurrencyLimit(readEnv().HEXAPLA_PAGE_RENDERS, SLOT_HOLD_MS));
}

export const takePageRenderSlot = cache(async (): Promise<void> => {
  const release = await pageRenders().acquire();
  try {
    after(release);
  } catch (error) {
    release();
    throw error;
  }
});
