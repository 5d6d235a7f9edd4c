"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { isBelowConfidence, isNotOneToOne, isUnconfirmed, nextRow, type RowPredicate } from "@/lib/alignment/row-navigation";
import {
  applyGridPatch,
  gridOfShownRows,
  heldCell,
  missingText,
  rowsOfOutline,
  shownRowOf,
  shownRowOfStart,
  withFetchedRows,
  type EditorEdition,
  type EditorOutline,
  type EditorRow,
  type EditorStart,
  type GridPatch,
  type ShownRow,
  type StartRow,
} from "@/lib/db/grid/editor-grid";
import type { GridNotification } from "@/lib/db/grid/notify";
import { WORD_REALIGNMENT_KIND } from "@/lib/live/notification-kinds";
import type { EditorOperation } from "@/lib/db/grid/operation-request";
import type { ChangeSummary } from "@/lib/db/grid/types";
import { ApiError, getJson, sendJson } from "./api";
import { ChangeList } from "./change-list";
import { firstColumns } from "./column-window";
import { EditionPicker } from "./edition-picker";
import { cellId, GridView, type FocusRequest } from "./grid-view";
import { MergeSegmentsDialog, SplitSegmentDialog } from "./segment-dialogs";
import { shortcutForKey, type ActionId } from "./shortcuts";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SplitRowDialog } from "./split-row-dialog";
import { TextDialog } from "./text-dialog";
import { Toolbar } from "./toolbar";
import { useLiveUpdates } from "./use-live-updates";

export interface EditorUser {
  id: string;
  name: string;
  role: "scholar" | "editor" | "admin";
}

interface Notice {
  kind: "stale" | "error";
  message: string;
  changes: ChangeSummary[];
  /** The session ended: offer to sign in again. */
  signIn?: boolean;
}

type Dialog = "splitRow" | "editText" | "splitSegment" | "mergeSegments" | "help" | null;

interface Cursor {
  rowId: string | null;
  /** Where the row was, for when it disappears (merged away). */
  index: number;
  editionId: string;
}

/** The grid as the page holds it: every row's outline, and the text of the rows fetched so far. */
interface HeldGrid {
  version: number;
  rows: ShownRow[];
  /** False until the outline of every row has come (only the first rows are held until then). */
  complete: boolean;
}

const noSubscription = () => () => undefined;

/** Rows fetched around the rows in view, and at most this many per request. */
const FETCH_MARGIN = 30;
const FETCH_PAGE = 100;

interface ChangeResponse {
  summary: string;
  version: number;
  changes: GridPatch;
}

/**
 * The alignment editor: the grid, a selected row and edition, every operation on keys and buttons, undo and
 * redo, review navigation, and live updates from other editors. All state that matters lives on the server;
 * this component holds a copy of the grid at a version and brings it up to date with patches. It shows the
 * editions the URL chose (`?e=`); row operations act on every edition, shown or not. A long grid comes as its
 * first rows, then the outline of every row (no text), then the text of the rows that come into view; a wide one
 * comes with the text of its first columns, then the text of the columns that come into view.
 */
export function AlignEditor({
  workSlug,
  workTitle,
  start,
  shownIds,
  leftOut,
  user,
  initialBookmarks,
}: {
  workSlug: string;
  workTitle: string;
  /** The grid's start, its rows with the text of the first columns only (see startRowOf). */
  start: Omit<EditorStart, "rows"> & { rows: StartRow[] };
  /** The editions shown, in order (ids). */
  shownIds: string[];
  /** What the URL asked for that is not shown. */
  leftOut: string[];
  user: EditorUser | null;
  initialBookmarks: string[];
}) {
  const router = useRouter();
  const canEdit = user !== null && (user.role === "editor" || user.role === "admin");
  const api = `/api/works/${encodeURIComponent(workSlug)}`;
  const editions = useMemo(() => shownIds.map((id) => start.editions.find((e) => e.id === id)).filter((e): e is EditorEdition => e !== undefined), [shownIds, start.editions]);
  const editionParam = shownIds.join(",");
  const [grid, setGridState] = useState<HeldGrid>(() => ({
    version: start.version,
    rows: start.rows.map((row) => shownRowOfStart(row, shownIds, firstColumns(shownIds.length).map((index) => shownIds[index]))),
    complete: start.rows.length >= start.rowCount,
  }));
  const gridRef = useRef(grid);
  const setGrid = useCallback((next: HeldGrid) => {
    gridRef.current = next;
    setGridState(next);
  }, []);
  /** False in the server's HTML and while hydrating, true once the page answers input (benchmarks and tests wait for it). */
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);
  const [cursor, setCursor] = useState<Cursor>({ rowId: start.rows[0]?.id ?? null, index: 0, editionId: shownIds[0] ?? "" });
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [status, setStatus] = useState("");
  const [dialog, setDialog] = useState<Dialog>(null);
  const [threshold, setThreshold] = useState(0.5);
  const [bookmarks, setBookmarks] = useState(() => new Set(initialBookmarks));
  const [recent, setRecent] = useState<ReadonlySet<string>>(() => new Set());

  const rowIndex = useMemo(() => {
    const found = grid.rows.findIndex((r) => r.id === cursor.rowId);
    return found >= 0 ? found : Math.max(0, Math.min(cursor.index, grid.rows.length - 1));
  }, [grid.rows, cursor]);
  const row = grid.rows[rowIndex];
  const edition = editions.find((e) => e.id === cursor.editionId) ?? editions[0];
  const cell = row && edition ? (heldCell(row, edition.id) ?? []) : [];
  const navigationGrid = useMemo(() => gridOfShownRows(shownIds, grid.rows), [grid.rows, shownIds]);

  /** Everything that touches the grid copy runs one after the other. */
  const queue = useRef<Promise<void>>(Promise.resolve());
  const enqueue = useCallback((task: () => Promise<void>) => {
    queue.current = queue.current.then(task, task);
    return queue.current;
  }, []);

  const toShown = useCallback((row: EditorRow) => shownRowOf(row, shownIds), [shownIds]);

  /** Loads the outline of every row again, keeping the text of rows that did not change. */
  const reloadAll = useCallback(async () => {
    const outline = await getJson<EditorOutline>(`${api}/grid/outline?e=${editionParam}`);
    setGrid({ version: outline.version, rows: rowsOfOutline(outline, gridRef.current.rows), complete: true });
  }, [api, editionParam, setGrid]);

  /** Cells (`rowId/editionId`) whose text is being fetched. */
  const inFlight = useRef(new Set<string>());
  /** Fetches the text of these editions in these rows, in pages, skipping cells already on their way. */
  const fetchText = useCallback(
    (rowIds: readonly string[], editionIds: readonly string[]) => {
      const requests: Promise<void>[] = [];
      for (let k = 0; k < rowIds.length; k += FETCH_PAGE) {
        const cells = rowIds.slice(k, k + FETCH_PAGE).flatMap((id) => editionIds.map((e) => `${id}/${e}`));
        cells.forEach((c) => inFlight.current.add(c));
        requests.push(
          getJson<{ version: number; rows: EditorRow[] }>(`${api}/grid/rows?e=${editionIds.join(",")}&ids=${rowIds.slice(k, k + FETCH_PAGE).join(",")}`)
            .then((page) => {
              const current = gridRef.current;
              setGrid({ ...current, rows: withFetchedRows(current.rows, page.rows, editionIds) });
            })
            .finally(() => cells.forEach((c) => inFlight.current.delete(c))),
        );
      }
      return Promise.all(requests);
    },
    [api, setGrid],
  );

  /** Fetches the text of the rendered columns in the rows around those in view that the page does not hold yet. */
  const fetchRows = useCallback(
    (first: number, last: number, editionIds: readonly string[]) => {
      const rows = gridRef.current.rows.slice(Math.max(0, first - FETCH_MARGIN), Math.min(gridRef.current.rows.length, last + FETCH_MARGIN + 1));
      const wanted = rows.map((row) => ({ id: row.id, missing: missingText(row, editionIds).filter((e) => !inFlight.current.has(`${row.id}/${e}`)) }));
      const needed = wanted.filter((row) => row.missing.length > 0);
      if (needed.length === 0) return;
      const editions = editionIds.filter((e) => needed.some((row) => row.missing.includes(e)));
      fetchText(
        needed.map((row) => row.id),
        editions,
      ).catch(() => setStatus("Could not load the text of some rows; scroll to try again."));
    },
    [fetchText],
  );

  /** Applies a patch when it fits the copy; otherwise asks for what the copy misses. */
  const absorb = useCallback(
    async (patch: GridPatch): Promise<GridPatch | null> => {
      const current = gridRef.current;
      if (patch.version <= current.version) return null;
      if (!patch.full && patch.since <= current.version) {
        const rows = applyGridPatch(current.rows, patch, toShown);
        if (rows) {
          setGrid({ ...current, version: patch.version, rows });
          return patch;
        }
      }
      const missing = await getJson<GridPatch>(`${api}/grid/changes?since=${current.version}`);
      const rows = missing.full ? null : applyGridPatch(current.rows, missing, toShown);
      if (rows) setGrid({ ...current, version: missing.version, rows });
      else await reloadAll();
      return missing;
    },
    [api, reloadAll, setGrid, toShown],
  );

  useEffect(() => {
    if (!gridRef.current.complete) {
      void enqueue(reloadAll).catch(() => setStatus("Could not load the rest of the grid; reload the page."));
    }
  }, [enqueue, reloadAll]);

  const catchUp = useCallback(
    () =>
      enqueue(async () => {
        const patch = await getJson<GridPatch>(`${api}/grid/changes?since=${gridRef.current.version}`);
        const applied = await absorb(patch);
        if (applied && !applied.full) setRecent(new Set(applied.rows.map((r) => r.row.id)));
      }),
    [absorb, api, enqueue],
  );

  const onRemoteChange = useCallback(
    (change: GridNotification) => {
      /* Re-aligned word links change no row of the grid (row pages reload for them; this page shows no links). */
      if (change.kind === WORD_REALIGNMENT_KIND || change.version <= gridRef.current.version) return;
      if (change.userId !== user?.id) setStatus(`${change.userName ?? "Someone"} changed the grid: ${change.summary}.`);
      void catchUp().catch(() => setStatus("Could not load the latest changes; they will come with the next update."));
    },
    [catchUp, user],
  );
  const onReady = useCallback(
    (version: number) => {
      if (version > gridRef.current.version) void catchUp().catch(() => undefined);
    },
    [catchUp],
  );
  const live = useLiveUpdates(workSlug, onRemoteChange, onReady);

  const fail = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.code === "stale") {
      setNotice({ kind: "stale", message: error.message, changes: error.changes });
    } else {
      setNotice({ kind: "error", message: (error as Error).message, changes: [], signIn: error instanceof ApiError && error.status === 401 });
    }
  }, []);

  const refuseNotEditor = useCallback(() => {
    setNotice({ kind: "error", message: user ? "Changing the alignment needs the editor role." : "Sign in as an editor to change the alignment.", changes: [] });
  }, [user]);

  /** Runs one write: nothing else is sent until it answers. */
  const write = useCallback(
    async (send: () => Promise<ChangeResponse>) => {
      if (!canEdit) return refuseNotEditor();
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      try {
        const result = await send();
        await enqueue(async () => {
          await absorb(result.changes);
        });
        setStatus(`${result.summary}.`);
        setNotice(null);
      } catch (error) {
        fail(error);
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [absorb, canEdit, enqueue, fail, refuseNotEditor],
  );

  const operate = useCallback(
    (op: EditorOperation) => write(() => sendJson<ChangeResponse>("POST", `${api}/grid/operations`, { op, baseVersion: gridRef.current.version })),
    [api, write],
  );

  const moveTo = useCallback(
    (index: number | null, editionId: string, missing?: string) => {
      const rows = gridRef.current.rows;
      if (index === null) {
        if (missing) setStatus(missing);
        return;
      }
      const target = rows[Math.max(0, Math.min(index, rows.length - 1))];
      if (!target) return;
      const targetIndex = rows.indexOf(target);
      setCursor({ rowId: target.id, index: targetIndex, editionId });
      setFocusRequest({ rowIndex: targetIndex, editionId, elementId: cellId(target.id, editionId) });
    },
    [],
  );

  const find = (predicate: RowPredicate, what: string, direction: "forward" | "backward" = "forward") =>
    moveTo(nextRow(navigationGrid, rowIndex, predicate, { direction }), edition.id, `No ${what} ${direction === "forward" ? "below" : "above"} row ${rowIndex + 1}.`);

  const toggleBookmark = async () => {
    if (!user) {
      setNotice({ kind: "error", message: "Sign in to bookmark rows.", changes: [] });
      return;
    }
    try {
      const on = !bookmarks.has(row.id);
      const { rowIds } = await sendJson<{ rowIds: string[] }>("POST", `${api}/grid/bookmarks`, { rowId: row.id, on });
      setBookmarks(new Set(rowIds));
      setStatus(on ? `Bookmarked row ${rowIndex + 1}.` : `Removed the bookmark of row ${rowIndex + 1}.`);
    } catch (error) {
      fail(error);
    }
  };

  const perform = (action: ActionId) => {
    if (!row || !edition) return;
    const column = { rowId: row.id, editionId: edition.id };
    const columns = shownIds;
    const editionIndex = columns.indexOf(edition.id);
    switch (action) {
      case "nextRow":
        return moveTo(Math.min(rowIndex + 1, grid.rows.length - 1), edition.id);
      case "previousRow":
        return moveTo(Math.max(rowIndex - 1, 0), edition.id);
      case "nextColumn":
        return moveTo(rowIndex, columns[Math.min(editionIndex + 1, columns.length - 1)]);
      case "previousColumn":
        return moveTo(rowIndex, columns[Math.max(editionIndex - 1, 0)]);
      case "firstColumn":
        return moveTo(rowIndex, columns[0]);
      case "lastColumn":
        return moveTo(rowIndex, columns[columns.length - 1]);
      case "firstRow":
        return moveTo(0, edition.id);
      case "lastRow":
        return moveTo(grid.rows.length - 1, edition.id);
      case "nextUnconfirmed":
        return find(isUnconfirmed, "unconfirmed row");
      case "previousUnconfirmed":
        return find(isUnconfirmed, "unconfirmed row", "backward");
      case "nextLowConfidence":
        return find(isBelowConfidence(threshold), `row below ${Math.round(threshold * 100)}% confidence`);
      case "nextNotOneToOne":
        return find(isNotOneToOne, "row that is not one-to-one");
      case "nextBookmark":
        return moveTo(nextRow(navigationGrid, rowIndex, (r) => bookmarks.has(r.id), { wrap: true }), edition.id, "No bookmarked rows.");
      case "toggleBookmark":
        return void toggleBookmark();
      case "rowHistory":
        return router.push(`/works/${encodeURIComponent(workSlug)}/rows/${row.id}`);
      case "help":
        return setDialog("help");
      case "mergeRows":
        return void operate({ type: "mergeRows", rowId: row.id });
      case "toggleConfirmed":
        return void operate({ type: "setStatus", rowId: row.id, status: row.status === "confirmed" ? "automatic" : "confirmed" });
      case "confirmUpTo":
        return void operate({ type: "confirmUpTo", rowId: row.id });
      case "shiftUp":
      case "popDown":
      case "moveCellUp":
      case "moveCellDown":
      case "insertEmptyCell":
      case "deleteEmptyCell":
        return void operate({ type: action, ...column });
      case "undo":
      case "redo":
        return void write(() => sendJson<ChangeResponse>("POST", `${api}/grid/${action}`, { baseVersion: gridRef.current.version }));
      case "splitRow":
        if (!canEdit) return refuseNotEditor();
        return void splitRowWithText(row);
      case "editText":
      case "splitSegment":
      case "mergeSegments":
        if (!canEdit) return refuseNotEditor();
        if (heldCell(row, edition.id) === null) return textPending();
        if (cell.length === 0) return setNotice({ kind: "error", message: `Row ${rowIndex + 1} has no ${edition.slug} text; select a cell with text.`, changes: [] });
        if (action === "mergeSegments" && cell.length === 1) return void operate({ type: "mergeSegments", segmentId: cell[0].id });
        return setDialog(action);
    }
  };

  /** Opens the split dialog once the page holds the text of every shown edition of the row (fetching what it lacks). */
  async function splitRowWithText(target: ShownRow) {
    const missing = missingText(target, shownIds);
    if (missing.length > 0) {
      setStatus(`Loading the text of row ${rowIndex + 1}…`);
      try {
        await fetchText([target.id], missing);
      } catch {
        return textPending();
      }
      setStatus("");
    }
    setDialog("splitRow");
  }

  function textPending() {
    setNotice({ kind: "error", message: `The text of row ${rowIndex + 1} is still loading; try again in a moment.`, changes: [] });
  }

  const performRef = useRef(perform);
  useEffect(() => {
    performRef.current = perform;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true'], dialog") || document.querySelector("dialog[open]")) return;
      const shortcut = shortcutForKey(event.key);
      if (!shortcut) return;
      const isArrow = /^(Arrow|Home$|End$)/.test(event.key);
      if (isArrow && !target?.closest("[role='grid']")) return;
      event.preventDefault();
      performRef.current(shortcut.action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const select = useCallback((rowId: string, editionId: string) => {
    setCursor((current) =>
      current.rowId === rowId && current.editionId === editionId
        ? current
        : { rowId, editionId, index: gridRef.current.rows.findIndex((r) => r.id === rowId) },
    );
  }, []);

  const closeDialog = () => setDialog(null);

  if (grid.rows.length === 0) {
    return <p>This work is not aligned yet: align its editions first, then edit the alignment here.</p>;
  }

  return (
    <div className="align-editor" aria-busy={busy} data-ready={ready}>
      <EditionPicker workSlug={workSlug} editions={start.editions} shownIds={shownIds} leftOut={leftOut} />
      <Toolbar
        canEdit={canEdit}
        signedIn={user !== null}
        busy={busy}
        rowNumber={rowIndex + 1}
        rowConfirmed={row.status === "confirmed"}
        bookmarked={bookmarks.has(row.id)}
        edition={edition}
        threshold={threshold}
        onThreshold={setThreshold}
        onAction={perform}
      />
      <div className="align-status">
        <p role="status" className="status-line">
          {busy ? "Working…" : status}
        </p>
        <p className="live-status" data-live={live}>
          {live === "live"
            ? "Live: changes by other editors appear here."
            : live === "connecting"
              ? "Connecting to live updates…"
              : live === "denied"
                ? "Live updates stopped: reading needs signing in; reload the page."
                : live === "paused"
                  ? "Live updates paused while the page was idle; they resume when you use it."
                  : "Live updates interrupted; reconnecting…"}{" "}
          <span className="lede">
            Version {grid.version}. {grid.complete ? `${grid.rows.length} rows.` : `Loading the outline of ${start.rowCount} rows…`}
          </span>
        </p>
      </div>
      {notice ? (
        <div role="alert" className={notice.kind === "stale" ? "notice stale-notice" : "notice error-notice"}>
          <p>{notice.message}</p>
          {notice.changes.length > 0 ? <ChangeList changes={notice.changes} /> : null}
          <div className="actions">
            {notice.kind === "stale" ? (
              <button
                type="button"
                className="button"
                onClick={() =>
                  void catchUp()
                    .then(() => {
                      setNotice(null);
                      setStatus(`The grid is up to date (version ${gridRef.current.version}).`);
                    })
                    .catch(fail)
                }
              >
                Reload the changes
              </button>
            ) : null}
            {notice.signIn ? (
              <a className="button" href={`/sign-in?next=${encodeURIComponent(`/works/${workSlug}/align`)}`} target="_blank" rel="noreferrer">
                Sign in again (in a new tab)
              </a>
            ) : null}
            <button type="button" className="button secondary" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
      <GridView
        workSlug={workSlug}
        workTitle={workTitle}
        editions={editions}
        rows={grid.rows}
        onRange={fetchRows}
        selectedRowIndex={rowIndex}
        selectedEditionId={edition.id}
        bookmarks={bookmarks}
        recent={recent}
        focusRequest={focusRequest}
        onSelect={select}
      />
      {dialog === "help" ? <ShortcutsDialog canEdit={canEdit} onClose={closeDialog} /> : null}
      {dialog === "splitRow" ? (
        <SplitRowDialog
          row={{ ...row, cells: row.cells ?? {} }}
          number={rowIndex + 1}
          editions={editions}
          onClose={closeDialog}
          onSplit={(at) => {
            closeDialog();
            void operate({ type: "splitRow", rowId: row.id, at });
          }}
        />
      ) : null}
      {dialog === "editText" ? (
        <TextDialog
          workSlug={workSlug}
          edition={edition}
          segments={cell}
          onClose={closeDialog}
          onSaved={(saved) => {
            closeDialog();
            setNotice(null);
            setStatus(`${saved.summary}.`);
            void catchUp().catch(() => undefined);
          }}
        />
      ) : null}
      {dialog === "splitSegment" ? (
        <SplitSegmentDialog
          edition={edition}
          segments={cell}
          onClose={closeDialog}
          onSplit={(segmentId, offset) => {
            closeDialog();
            void operate({ type: "splitSegment", segmentId, offset });
          }}
        />
      ) : null}
      {dialog === "mergeSegments" ? (
        <MergeSegmentsDialog
          edition={edition}
          segments={cell}
          onClose={closeDialog}
          onMerge={(segmentId) => {
            closeDialog();
            void operate({ type: "mergeSegments", segmentId });
          }}
        />
      ) : null}
    </div>
  );
}
