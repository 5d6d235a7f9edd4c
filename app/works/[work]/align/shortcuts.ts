/** Every action of the editor with its keys: the keyboard handler, the toolbar's hints and the `?` list read this. */

export type ActionId =
  | "nextRow"
  | "previousRow"
  | "nextColumn"
  | "previousColumn"
  | "firstColumn"
  | "lastColumn"
  | "firstRow"
  | "lastRow"
  | "nextUnconfirmed"
  | "previousUnconfirmed"
  | "nextLowConfidence"
  | "nextNotOneToOne"
  | "toggleBookmark"
  | "nextBookmark"
  | "mergeRows"
  | "splitRow"
  | "toggleConfirmed"
  | "confirmUpTo"
  | "shiftUp"
  | "popDown"
  | "moveCellUp"
  | "moveCellDown"
  | "insertEmptyCell"
  | "deleteEmptyCell"
  | "editText"
  | "splitSegment"
  | "mergeSegments"
  | "undo"
  | "redo"
  | "rowHistory"
  | "help";

export interface Shortcut {
  action: ActionId;
  /** KeyboardEvent.key values; the first is the one shown on buttons. */
  keys: string[];
  label: string;
  group: "Move" | "Review" | "Row (all editions)" | "Column (the selected edition)" | "Segments" | "History" | "Help";
  /** Changes the grid or text: editors only. */
  edits: boolean;
}

export const SHORTCUTS: Shortcut[] = [
  { action: "nextRow", keys: ["j", "ArrowDown"], label: "Next row", group: "Move", edits: false },
  { action: "previousRow", keys: ["k", "ArrowUp"], label: "Previous row", group: "Move", edits: false },
  { action: "nextColumn", keys: ["l", "ArrowRight"], label: "Next edition (column)", group: "Move", edits: false },
  { action: "previousColumn", keys: ["h", "ArrowLeft"], label: "Previous edition (column)", group: "Move", edits: false },
  { action: "firstColumn", keys: ["0"], label: "First edition (column)", group: "Move", edits: false },
  { action: "lastColumn", keys: ["$"], label: "Last edition (column)", group: "Move", edits: false },
  { action: "firstRow", keys: ["g", "Home"], label: "First row", group: "Move", edits: false },
  { action: "lastRow", keys: ["G", "End"], label: "Last row", group: "Move", edits: false },
  { action: "nextUnconfirmed", keys: ["n"], label: "Next unconfirmed row", group: "Review", edits: false },
  { action: "previousUnconfirmed", keys: ["N"], label: "Previous unconfirmed row", group: "Review", edits: false },
  { action: "nextLowConfidence", keys: ["w"], label: "Next row below the confidence threshold", group: "Review", edits: false },
  { action: "nextNotOneToOne", keys: ["o"], label: "Next row that is not one-to-one", group: "Review", edits: false },
  { action: "toggleBookmark", keys: ["b"], label: "Bookmark or unbookmark the row", group: "Review", edits: false },
  { action: "nextBookmark", keys: ["B"], label: "Next bookmarked row", group: "Review", edits: false },
  { action: "mergeRows", keys: ["m"], label: "Merge the row with the next", group: "Row (all editions)", edits: true },
  { action: "splitRow", keys: ["s"], label: "Split the row at segment boundaries…", group: "Row (all editions)", edits: true },
  { action: "toggleConfirmed", keys: ["c"], label: "Confirm or unconfirm the row", group: "Row (all editions)", edits: true },
  { action: "confirmUpTo", keys: ["C"], label: "Confirm every row down to this one", group: "Row (all editions)", edits: true },
  { action: "shiftUp", keys: ["K"], label: "Shift the first segment up into the row above", group: "Column (the selected edition)", edits: true },
  { action: "popDown", keys: ["J"], label: "Pop the last segment down into the row below", group: "Column (the selected edition)", edits: true },
  { action: "moveCellUp", keys: ["["], label: "Move the cell's text up a row", group: "Column (the selected edition)", edits: true },
  { action: "moveCellDown", keys: ["]"], label: "Move the cell's text down a row", group: "Column (the selected edition)", edits: true },
  { action: "insertEmptyCell", keys: ["i"], label: "Insert an empty cell (the column below moves down)", group: "Column (the selected edition)", edits: true },
  { action: "deleteEmptyCell", keys: ["d"], label: "Delete the empty cell (the column below moves up)", group: "Column (the selected edition)", edits: true },
  { action: "editText", keys: ["e"], label: "Correct a segment's text…", group: "Segments", edits: true },
  { action: "splitSegment", keys: ["S"], label: "Split a segment in two…", group: "Segments", edits: true },
  { action: "mergeSegments", keys: ["M"], label: "Merge a segment with the next…", group: "Segments", edits: true },
  { action: "undo", keys: ["u"], label: "Undo your last change", group: "History", edits: true },
  { action: "redo", keys: ["U", "r"], label: "Redo what you undid", group: "History", edits: true },
  { action: "rowHistory", keys: ["y"], label: "Open the row's history", group: "History", edits: false },
  { action: "help", keys: ["?"], label: "Show the keyboard shortcuts", group: "Help", edits: false },
];

const BY_KEY = new Map(SHORTCUTS.flatMap((shortcut) => shortcut.keys.map((key) => [key, shortcut] as const)));
const BY_ACTION = new Map(SHORTCUTS.map((shortcut) => [shortcut.action, shortcut]));

export function shortcutForKey(key: string): Shortcut | undefined {
  return BY_KEY.get(key);
}

export function shortcutOf(action: ActionId): Shortcut {
  return BY_ACTION.get(action)!;
}

/** How a key is written for people (and for aria-keyshortcuts). */
export function keyLabel(key: string): string {
  const names: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑", ArrowLeft: "←", ArrowRight: "→" };
  if (names[key]) return names[key];
  return /^[A-Z]$/.test(key) ? `Shift+${key.toLowerCase()}` : key;
}

export function ariaKeys(action: ActionId): string {
  return shortcutOf(action)
    .keys.map((key) => (/^[A-Z]$/.test(key) ? `Shift+${key}` : key === "?" ? "Shift+?" : key))
    .join(" ");
}
