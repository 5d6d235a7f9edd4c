/** The one-line summary of the compare view's settings shown in its compact bar, e.g. "word marks against en · anchors: missing in some". */
import type { ViewParams } from "@/lib/diff/view-params";

const ANCHORS: Record<ViewParams["anchors"], string> = { differing: "anchors: missing in some", all: "anchors: all", none: "anchors: off" };

export function settingsSummary(view: ViewParams, base: string | null): string[] {
  const ignored = [view.ignoreCase ? "case" : null, view.ignorePunctuation ? "punctuation" : null, view.ignoreWhitespace ? "whitespace" : null].filter(Boolean);
  return [
    view.words ? (base ? `word marks against ${base}` : "word marks on") : "word marks off",
    view.diff ? `diff ${view.diff[0]} → ${view.diff[1]}${view.view === "inline" ? ", inline" : ""}${ignored.length ? `, ignoring ${ignored.join(", ")}` : ""}` : null,
    ANCHORS[view.anchors],
  ].filter((part): part is string => part !== null);
}
