/**
 * Kinds of live-update notifications that are not grid changes: pages that keep a grid ignore them, pages that show
 * word links reload for them. (Plain constants, importable from client components.)
 */

/** The word links of edited rows were aligned again (lib/db/words/align-row-words.ts); the grid's version is unchanged. */
export const WORD_REALIGNMENT_KIND = "alignRowWords";
