/**
 * "export-pdf": prints a parallel edition (the chosen editions, all rows or a range) to PDF with Chromium
 * (lib/print) and keeps the file in `pdf_export` with the job, for GET /api/works/<work>/pdf/<job>. The file and
 * the job's completion commit together; the latest KEEP_PER_WORK files of a work are kept. The reader was checked
 * when the job was queued; the worker reads as trusted code.
 */
import { z } from "zod";
import { readEnv } from "../../../env";
import { isLandscape, printHtml } from "../../../print/print-document";
import { appFontsDir, PRINT_FONT_BASE, renderPdf } from "../../../print/render-pdf";
import { DomainError } from "../../errors";
import { readPrintDocument } from "../../print/read-print-document";
import { trustedReadAccess } from "../../users/reading-access";
import { defineJobKind } from "../job-kind";

/** The largest PDF kept (the table's check says the same). */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
/** PDF files kept per work; older ones go when a new one is stored. */
export const KEEP_PER_WORK = 5;

export const ExportPdfPayloadSchema = z.strictObject({
  editions: z
    .array(z.string().regex(/^[a-z0-9-]+$/, "edition names use a–z, 0–9 and hyphens"))
    .min(2, "choose at least 2 editions")
    .max(5, "choose at most 5 editions")
    .refine((slugs) => new Set(slugs).size === slugs.length, "an edition is chosen twice"),
  from: z.number().int().min(1).optional(),
  to: z.number().int().min(1).optional(),
});
export type ExportPdfPayload = z.infer<typeof ExportPdfPayloadSchema>;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const exportPdfJob = defineJobKind<ExportPdfPayload>({
  kind: "export-pdf",
  payload: ExportPdfPayloadSchema,
  group: "pdf",
  maxAttempts: 2,
  title: (payload) => `Printing ${payload.editions.join(", ")} as PDF`,
  conflictMessage: () => "A PDF of this work is being made right now; try again when it is done.",
  async run(ctx) {
    const started = performance.now();
    const work = await ctx.db.work.findUniqueOrThrow({ where: { id: ctx.workId }, select: { slug: true, title: true } });
    await ctx.progress(0.05, "Reading the rows.");
    const document = await readPrintDocument(
      trustedReadAccess(),
      ctx.db,
      work.slug,
      { editions: ctx.payload.editions.join(","), from: ctx.payload.from, to: ctx.payload.to },
      { fontBase: PRINT_FONT_BASE },
    );
    await ctx.progress(0.2, `Printing ${document.rows.length} rows with Chromium.`);
    const { pdf, pages } = await renderPdf(printHtml(document), {
      fontsDir: appFontsDir(),
      landscape: isLandscape(document.editions.length),
      footer: `${work.title} · ${document.editions.map((edition) => edition.slug).join(", ")}`,
      chromiumPath: readEnv().HEXAPLA_CHROMIUM,
      signal: ctx.signal,
    });
    if (pdf.length > MAX_PDF_BYTES) throw new DomainError("invalid", `The PDF would be ${megabytes(pdf.length)}, more than ${megabytes(MAX_PDF_BYTES)}: print fewer rows at a time.`);
    await ctx.progress(0.95, "Storing the PDF.");
    const { from, to } = document.range;
    const fileName = `${work.slug}-${document.editions.map((edition) => edition.slug).join("-")}-rows-${from}-${to}.pdf`;
    const result = { pages, bytes: pdf.length, fileName, rows: document.rows.length, seconds: Math.round((performance.now() - started) / 100) / 10 };
    const message = `Printed ${document.rows.length} rows on ${pages} page${pages === 1 ? "" : "s"} (${megabytes(pdf.length)}).`;
    await ctx.db.$transaction(async (tx) => {
      const older = await tx.pdfExport.findMany({ where: { workId: ctx.workId }, orderBy: { createdAt: "desc" }, skip: KEEP_PER_WORK - 1, select: { jobId: true } });
      if (older.length) await tx.pdfExport.deleteMany({ where: { jobId: { in: older.map((entry) => entry.jobId) } } });
      await tx.pdfExport.create({ data: { jobId: ctx.jobId, workId: ctx.workId, fileName, pages, bytes: pdf.length, content: new Uint8Array(pdf) } });
      await ctx.complete(tx, result, message);
    });
    return { ...result, message };
  },
});
