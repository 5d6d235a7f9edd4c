/**
 * What an editor may ask for, validated at the boundary. Ids of new rows and segments, the statuses inverses
 * restore and the texts a split produces are the server's to decide, so the client cannot send them.
 */
import { z } from "zod";

const id = z.uuid("an id");
const count = z.int().min(1).max(10_000).optional();
const column = { rowId: id, editionId: id };

export const EditorOperationSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("mergeRows"), rowId: id }),
  z.strictObject({ type: z.literal("splitRow"), rowId: id, at: z.record(id, z.int().min(0).max(10_000)) }),
  z.strictObject({ type: z.literal("shiftUp"), ...column, count }),
  z.strictObject({ type: z.literal("popDown"), ...column, count }),
  z.strictObject({ type: z.literal("moveCellUp"), ...column }),
  z.strictObject({ type: z.literal("moveCellDown"), ...column }),
  z.strictObject({ type: z.literal("insertEmptyCell"), ...column }),
  z.strictObject({ type: z.literal("deleteEmptyCell"), ...column }),
  z.strictObject({ type: z.literal("setStatus"), rowId: id, status: z.enum(["automatic", "confirmed"]) }),
  z.strictObject({ type: z.literal("confirmUpTo"), rowId: id }),
  /** Split the segment before the character at `offset` (UTF-16 code units into its text). */
  z.strictObject({ type: z.literal("splitSegment"), segmentId: id, offset: z.int().min(1) }),
  z.strictObject({ type: z.literal("mergeSegments"), segmentId: id }),
]);
export type EditorOperation = z.infer<typeof EditorOperationSchema>;
export type EditorOperationType = EditorOperation["type"];

/** A grid operation and the grid version the editor saw when asking for it. */
export const OperationRequestSchema = z.strictObject({ op: EditorOperationSchema, baseVersion: z.int().min(0) });
export type OperationRequest = z.infer<typeof OperationRequestSchema>;

/** A correction of a segment's text: the new text, why, and the segment version the editor corrected. */
export const TextEditRequestSchema = z.strictObject({
  text: z.string().max(20_000).refine((text) => text.trim() !== "", "the text may not be empty"),
  reason: z.string().trim().min(1, "give a reason for the correction").max(1000),
  baseVersion: z.int().min(0),
});
export type TextEditRequest = z.infer<typeof TextEditRequestSchema>;

export const RevertRequestSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });

/** Undo and redo name the grid version the page shows, so the answer can bring the page up to date. */
export const UndoRequestSchema = z.strictObject({ baseVersion: z.int().min(0) });

export const BookmarkRequestSchema = z.strictObject({ rowId: id, on: z.boolean() });
