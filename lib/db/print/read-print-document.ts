/**
 * The parallel edition to print (lib/print/print-document.ts) from the database: the chosen editions with their
 * labels, provenance and imprint, and every row of the range (all rows by default) with their texts.
 */
import { z } from "zod";
import { PROVENANCE_LABEL, provenanceStatement, roleLabel } from "../../editions/provenance";
import type { PrintDocument, PrintEdition } from "../../print/print-document";
import type { Db } from "../client";
import { DomainError } from "../errors";
import { chosenEditions } from "../cite/read-citation";
import { countRows, rowsByNumber } from "../passages/passage-rows";
import type { ReadAccess } from "../users/reading-access";
import { getWork } from "../works/get-work";

const editionsParam = z
  .string()
  .regex(/^[a-z0-9-]+(,[a-z0-9-]+){1,4}$/, "editions: 2 to 5 edition names separated by commas")
  .describe("the editions, in column order, e.g. en,ru (default: the first five)");

/** What to print: the editions (2–5, in column order) and the rows (`from`–`to`; default all). */
export const PrintRequestSchema = z
  .strictObject({
    editions: editionsParam.optional(),
    from: z.coerce.number().int().min(1).optional().describe("the first row (default 1)"),
    to: z.coerce.number().int().min(1).optional().describe("the last row (default the last row of the work)"),
  })
  .refine((request) => request.from === undefined || request.to === undefined || request.from <= request.to, { message: "from: the first row must come before the last", path: ["from"] });
export type PrintRequest = z.infer<typeof PrintRequestSchema>;

type ChosenEdition = ReturnType<typeof chosenEditions>[number];

function printEdition({ edition, witness }: ChosenEdition): PrintEdition {
  const working = edition.provenance === "working_translation";
  const published = edition.provenance === "published" && !witness;
  const label = witness
    ? "Earlier witness"
    : edition.isOriginal || edition.standsInForOriginal
      ? roleLabel(edition)
      : PROVENANCE_LABEL[edition.provenance];
  const imprint = published
    ? [edition.editor ? `Edited by ${edition.editor}` : null, edition.translator ? `Translated by ${edition.translator}` : null, edition.basedOn ? `Its text is that of ${edition.basedOn}` : null]
        .filter(Boolean)
        .join(". ") || null
    : null;
  return {
    slug: edition.slug,
    title: edition.title,
    language: edition.language,
    label,
    statement: witness ? "A text of this edition that a newer one replaced, kept as an earlier witness." : provenanceStatement(edition),
    imprint,
    workingTranslation: working,
  };
}

export async function readPrintDocument(access: ReadAccess, db: Db, slug: string, request: PrintRequest, options: { fontBase: string; today?: Date }): Promise<PrintDocument> {
  const work = await getWork(access, slug, db);
  const chosen = chosenEditions(work, request.editions);
  const total = await countRows(db, work.id);
  const from = request.from ?? 1;
  const to = Math.min(request.to ?? total, total);
  if (total > 0 && from > total) throw new DomainError("invalid", `from: the work has ${total} row${total === 1 ? "" : "s"}.`);
  const editionIds = chosen.map(({ edition }) => edition.id);
  const rows = await rowsByNumber(db, work.id, editionIds, { from, to });
  return {
    work: { title: work.title, author: work.author },
    editions: chosen.map(printEdition),
    rows: rows.map((row) => ({ number: row.number, cells: editionIds.map((id) => row.cells[id] ?? []) })),
    range: { from, to, total },
    made: (options.today ?? new Date()).toISOString().slice(0, 10),
    fontBase: options.fontBase,
  };
}
