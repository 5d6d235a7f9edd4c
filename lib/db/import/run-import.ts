/**
 * The import itself, shared by the browser, the HTTP API and `npm run import`: parse the file, then in ONE
 * transaction lock the work, plan again against the current state, write, and record the import in the work's
 * journal (journal-import.ts), queuing in the same transaction the jobs that follow it: the alignment of a long
 * text (write-edition.ts), or the compare view's row signals of the rows it filled. Any error — a bad file, a taken
 * slug, a failure half-way — leaves the database exactly as it was.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import { enqueueJobIn } from "../jobs/enqueue-job";
import { attachSnapshotToVersion, captureSnapshot } from "../snapshots/capture-snapshot";
import { importNormalisations, normalisationNotes } from "./normalisations";
import { planImport, type ImportPlan } from "./plan-import";
import { gridVersionOf, journalImport } from "./journal-import";
import { documentsOf, readRequest, type ParsedImport } from "./read-request";
import type { AlignmentOutcome, ImportRequest, ImportResult, Tx } from "./types";
import { writeAligned } from "./write-aligned";
import { writeEdition } from "./write-edition";
import { writeWork } from "./write-work";

/** Aligning and writing a long text runs inside the transaction (about 10 s for 4,000 sentences; the limit allows the largest file). */
const TRANSACTION_TIMEOUT_MS = 600_000;

export async function runImport(db: Db, request: ImportRequest): Promise<ImportResult> {
  const parsed = await readRequest(db, request);
  if (request.expectedChecksum && request.expectedChecksum !== parsed.checksum) {
    throw new DomainError("invalid", "The file sent is not the file that was previewed; preview it again before importing.");
  }
  return db.$transaction(
    async (tx) => {
      await lockWork(tx, workSlugOf(parsed));
      const plan = await planImport(tx, parsed, request);
      if (plan.unchanged) return unchanged(plan, parsed);
      const versionBefore = await gridVersionOf(tx, plan.workSlug);
      const snapshotId = await snapshotBeforeAdding(tx, plan, parsed);
      const { result, rowIds } = withNormalisations(await write(tx, plan, parsed, request), parsed);
      const workId = await journalImport(tx, {
        workSlug: plan.workSlug,
        versionBefore,
        kind: result.replaced ? "replace-edition" : "import",
        importedById: request.importedById,
        summary: result.message.replace(/\.$/, ""),
        rowIds,
        file: parsed.file,
        checksum: parsed.checksum,
      });
      if (snapshotId) await attachSnapshotToVersion(tx, snapshotId, workId, await gridVersionOf(tx, plan.workSlug));
      const mode = result.alignment?.mode;
      if (mode === "place" || mode === "new-grid" || mode === "from-file") {
        await enqueueJobIn(tx, { kind: "align-words", workId, userId: null });
        await enqueueJobIn(tx, { kind: "row-signals", workId, userId: null });
      }
      return result;
    },
    { maxWait: 10_000, timeout: TRANSACTION_TIMEOUT_MS },
  );
}

export function workSlugOf(parsed: ParsedImport): string {
  return parsed.content.kind === "work" ? parsed.content.work.work.slug : documentsOf(parsed.content)[0].meta.work;
}

/** Serialises writes to one work (as the grid editor's writes are); a work that does not exist yet locks nothing. */
async function lockWork(tx: Tx, slug: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM work WHERE slug = ${slug} FOR UPDATE`;
}

/**
 * The grid before an import that adds an edition to an existing work or replaces an edition's text, kept with the
 * import's journal entry: restoring it removes the new edition again (and, for a replacement, gives the old edition
 * back its slug, place and pivot role; lib/db/snapshots/). Imports that create a work keep none.
 */
async function snapshotBeforeAdding(tx: Tx, plan: ImportPlan, parsed: ParsedImport): Promise<string | null> {
  if (parsed.content.kind === "work" || parsed.content.kind === "aligned") return null;
  const work = await tx.work.findUnique({ where: { slug: plan.workSlug }, select: { id: true } });
  return work ? captureSnapshot(tx, work.id) : null;
}

function unchanged(plan: ImportPlan, parsed: ParsedImport): ImportResult {
  const slugs = parsed.content.kind === "work" ? parsed.content.work.editions.map((e) => e.slug) : documentsOf(parsed.content).map((d) => d.meta.edition);
  return {
    status: "unchanged",
    work: { slug: plan.workSlug },
    editions: slugs.map((slug) => ({ slug, segments: 0 })),
    replaced: null,
    alignment: null,
    message: `${parsed.file} was imported before (same checksum) into ${plan.workSlug}; nothing changed.`,
  };
}

/** The result, saying which editions' texts were brought to Unicode NFC and how much that changed (in its message too). */
function withNormalisations(written: { result: ImportResult; rowIds: string[] }, parsed: ParsedImport): { result: ImportResult; rowIds: string[] } {
  const normalisations = importNormalisations(parsed.content);
  if (normalisations.size === 0) return written;
  const { result } = written;
  const editions = result.editions.map((edition) => {
    const normalisation = normalisations.get(edition.slug);
    return normalisation ? { ...edition, normalisation } : edition;
  });
  return { ...written, result: { ...result, editions, message: `${result.message} ${normalisationNotes(normalisations).join(" ")}` } };
}

/** The import's result and the existing rows it placed text in (none when it made the grid afresh). */
async function write(tx: Tx, plan: ImportPlan, parsed: ParsedImport, request: ImportRequest): Promise<{ result: ImportResult; rowIds: string[] }> {
  const source = { checksum: parsed.checksum, sourceFile: parsed.file, importedById: request.importedById };
  const { content } = parsed;
  if (content.kind === "work" || content.kind === "aligned") {
    const written = content.kind === "work" ? await writeWork(tx, content.work, source) : await writeAligned(tx, content.aligned, source);
    const variants = "variants" in written ? `, ${written.variants} variants` : "";
    const result: ImportResult = {
      status: "created",
      work: { slug: plan.workSlug },
      editions: written.editions,
      replaced: null,
      alignment: { mode: "from-file", reference: null, rows: written.rows, confirmedRows: 0 },
      message: `Imported ${written.editions.map((e) => `${e.slug} (${e.segments} segments)`).join(", ")} into ${plan.workSlug}, with ${written.rows} aligned rows${variants}.`,
    };
    return { result, rowIds: [] };
  }
  const document = content.document;
  const written = await writeEdition(tx, plan, document, source);
  const slug = document.meta.edition;
  const replaced = plan.replaced ? { slug: plan.replaced.slug, keptAs: plan.keptAs! } : null;
  const what = replaced
    ? `Replaced the text of ${plan.workSlug}/${slug}: the new text has ${written.segments} segments; the old text stays as the earlier witness “${replaced.keptAs}”.`
    : `Imported ${plan.workSlug}/${slug} (${document.meta.language}), ${written.segments} segments.`;
  const result: ImportResult = {
    status: "created",
    work: { slug: plan.workSlug },
    editions: [{ slug, segments: written.segments }],
    replaced,
    alignment: written.alignment,
    message: `${what} ${describeAlignment(written.alignment, plan)}`,
  };
  return { result, rowIds: written.rowIds };
}

function describeAlignment(outcome: AlignmentOutcome, plan: ImportPlan): string {
  switch (outcome.mode) {
    case "place": {
      const confirmed = outcome.confirmedRows > 0 ? `; ${outcome.confirmedRows} of them are confirmed rows, which stay confirmed — check the new text there` : "";
      return `Aligned against “${outcome.reference}”: the text went into ${outcome.rows} existing rows${confirmed}.`;
    }
    case "new-grid":
      return `Aligned against “${outcome.reference}” as the work's first grid: ${outcome.rows} rows.`;
    case "from-file":
      return `${outcome.rows} rows from the file.`;
    case "none":
      return `It is not aligned yet (${plan.alignment.note}).`;
    case "queued":
      return `A worker is aligning it against “${outcome.reference}” now (job ${outcome.job?.id}); its progress is on the work's alignment page.`;
  }
}
