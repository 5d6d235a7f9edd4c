"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore, type RefObject } from "react";
import { COLUMN_REM, firstColumns } from "./column-window";

const noSubscription = () => () => undefined;

/** Columns rendered on either side of those in view, so that a short sideways scroll shows text at once. */
const OVERSCAN = 2;

/** The geometry assumed until the grid is measured: 16 px to the rem, the row numbers 5rem wide. */
const ASSUMED = { start: 5 * 16, width: COLUMN_REM * 16 };

/**
 * The indexes of the edition columns to render: those in and near the scroller's view, and the selected column
 * wherever it is (it holds the grid's tab stop and the focused cell). The columns are placed in the grid's own
 * tracks (every track exists, so the grid keeps its full width), and their geometry comes from the grid's width:
 * the row-number column, then `count` equal columns. Until the page is hydrated, the first columns (as the server
 * rendered them). Each `reveal` request scrolls its column into view beside the sticky row numbers.
 */
export function useColumnWindow({
  scrollRef,
  gridRef,
  count,
  selectedIndex,
  reveal,
}: {
  scrollRef: RefObject<HTMLDivElement | null>;
  gridRef: RefObject<HTMLDivElement | null>;
  count: number;
  selectedIndex: number;
  /** A new object asks to scroll column `index` into view. */
  reveal: { index: number } | null;
}): readonly number[] {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [geometry, setGeometry] = useState(ASSUMED);
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid || count === 0) return;
    const measure = () => {
      const start = grid.querySelector<HTMLElement>('[role="columnheader"]')?.offsetWidth ?? 0;
      const width = (grid.offsetWidth - start) / count;
      setGeometry((old) => (old.start === start && old.width === width ? old : { start, width }));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(grid);
    measure();
    return () => observer.disconnect();
  }, [count, gridRef]);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedIndex >= 0 && selectedIndex < range.count && !indexes.includes(selectedIndex)) {
        indexes.push(selectedIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [selectedIndex],
  );
  const virtualizer = useVirtualizer({
    horizontal: true,
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => geometry.width,
    scrollMargin: geometry.start,
    scrollPaddingStart: geometry.start,
    overscan: OVERSCAN,
    rangeExtractor,
  });
  useLayoutEffect(() => {
    virtualizer.measure();
  }, [virtualizer, geometry]);
  useEffect(() => {
    if (reveal && reveal.index >= 0) virtualizer.scrollToIndex(reveal.index, { align: "auto" });
  }, [reveal, virtualizer]);
  const key = (hydrated ? virtualizer.getVirtualItems().map((item) => item.index) : firstColumns(count)).join(",");
  return useMemo(() => (key === "" ? [] : key.split(",").map(Number)), [key]);
}
