/**
 * "export-work": writes an export of a work that is too large to be written on a request (HEXAPLA_EXPORT_JOB_CELLS)
 * into `export_file` for GET /api/works/<work>/exports/<job>. The work is read a page at a time inside one snapshot
 * and written as it is read (lib/db/export/store-export.ts); the file, its chunks and the job's completion commit
 * together, so a run that dies, fails or is cancelled leaves no half file behind. The reader was checked when the
 * job was queued (and is checked again at download); the worker reads as trusted code.
 */
import { z } from "zod";
import { EXPORT_KINDS } from "../../../api/schemas";
import { readEnv } from "../../../env";
import { planWorkExport } from "../../export/plan-work-export";
import { storeExport } from "../../export/store-export";
import { trustedReadAccess } from "../../users/reading-access";
import { defineJobKind } from "../job-kind";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "edition names use a–z, 0–9 and hyphens");

export const ExportWorkPayloadSchema = z.strictObject({
  kind: z.enum(EXPORT_KINDS),
  edition: slug.optional(),
  editions: z.array(slug).min(1).max(200).optional(),
});
export type ExportWorkPayload = z.infer<typeof ExportWorkPayloadSchema>;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const exportWorkJob = defineJobKind<ExportWorkPayload>({
  kind: "export-work",
  payload: ExportWorkPayloadSchema,
  group: "export",
  maxAttempts: 3,
  title: (payload) => `Exporting the work (${payload.kind}${payload.edition ? ` of ${payload.edition}` : payload.editions ? ` of ${payload.editions.join(", ")}` : ""})`,
  conflictMessage: () => "Another export of this work is being made right now; try again when it is done.",
  async run(ctx) {
    const work = await ctx.db.work.findUniqueOrThrow({ where: { id: ctx.workId }, select: { slug: true } });
    const plan = await planWorkExport(trustedReadAccess(), ctx.db, work.slug, ctx.payload.kind, ctx.payload);
    await ctx.progress(0.01, "Reading the work.");
    const keepHours = readEnv().HEXAPLA_EXPORT_KEEP_HOURS;
    const stored = await storeExport(ctx.db, ctx.jobId, plan, {
      keepHours,
      signal: ctx.signal,
      progress: (read) => void ctx.progress(Math.min(0.95, (0.95 * read) / Math.max(1, plan.records)), `Read ${read} of about ${plan.records} records.`),
      complete: (tx, file) =>
        ctx.complete(
          tx,
          { fileName: file.fileName, bytes: file.bytes, sha256: file.sha256, expiresAt: file.expiresAt.toISOString() },
          `Exported ${plan.fileName} (${megabytes(file.bytes)}); kept until ${file.expiresAt.toISOString()}.`,
        ),
    });
    return { fileName: stored.fileName, bytes: stored.bytes, sha256: stored.sha256, expiresAt: stored.expiresAt.toISOString() };
  },
});
