"use client";

import { useEffect } from "react";

/**
 * Rows are linkable as #rN from anywhere (the editor, the variant register, search results); when the row is on
 * another page of the compare view, this goes to that page. `pageQueries[i]` is the query of page i + 1.
 */
export function RowHashRedirect({ from, to, pageSize, pageQueries }: { from: number; to: number; pageSize: number; pageQueries: string[] }) {
  useEffect(() => {
    const follow = () => {
      const number = Number(/^#r(\d+)$/.exec(window.location.hash)?.[1]);
      if (!number || (number >= from && number <= to)) return;
      const query = pageQueries[Math.ceil(number / pageSize) - 1];
      if (query !== undefined) window.location.replace(`${window.location.pathname}${query}#r${number}`);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [from, to, pageSize, pageQueries]);
  return null;
}
