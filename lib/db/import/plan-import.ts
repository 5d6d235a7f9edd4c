/**
 * What an import will do to the database, decided from the parsed file and the current state: add an edition,
 * replace an edition's text, bring in aligned editions or a whole work — or nothing, when the same file was
 * imported before. Refusals (an edition slug taken by another text, a work that already has an alignment) are
 * DomainErrors. The preview shows the plan; the import makes it again inside its transaction and carries it out.
 */
import { ConflictError } from "../errors";
import { documentsOf, findReplacedEdition, type ParsedImport } from "./read-request";
import type { AlignmentPlan, ImportRequest, Reader } from "./types";

export interface PlannedWork {
  id: string;
  slug: string;
  title: string;
  pivotEditionId: string | null;
}

export interface ImportPlan {
  action: "add" | "replace" | "aligned" | "work";
  workSlug: string;
  workTitle: string;
  work: PlannedWork | null;
  unchanged: boolean;
  replaced: { id: string; slug: string; title: string; provenance: string; position: number } | null;
  /** The slug the replaced text keeps as an earlier witness. */
  keptAs: string | null;
  alignment: AlignmentPlan & { referenceId: string | null };
  notes: string[];
}

export async function planImport(reader: Reader, parsed: ParsedImport, request: ImportRequest): Promise<ImportPlan> {
  const { content } = parsed;
  const documents = documentsOf(content);
  const workSlug = content.kind === "work" ? content.work.work.slug : documents[0].meta.work;
  const workTitle = content.kind === "work" ? content.work.work.title : (documents[0].meta.workTitle ?? documents[0].meta.title);
  const work = await reader.work.findUnique({ where: { slug: workSlug }, select: { id: true, slug: true, title: true, pivotEditionId: true } });
  const editions = work
    ? await reader.edition.findMany({ where: { workId: work.id }, orderBy: [{ position: "asc" }, { id: "asc" }] })
    : [];
  const bySlug = new Map(editions.map((edition) => [edition.slug, edition]));
  const base = { workSlug, workTitle: work?.title ?? workTitle, work, replaced: null, keptAs: null, notes: [] as string[] };
  const fromFile = (rows: number): ImportPlan["alignment"] => ({ mode: "from-file", reference: null, referenceId: null, note: `${rows} aligned rows from the file` });

  if (content.kind === "work" || content.kind === "aligned") {
    const slugs = content.kind === "work" ? content.work.editions.map((e) => e.slug) : documents.map((doc) => doc.meta.edition);
    const taken = slugs.filter((slug) => bySlug.has(slug));
    const unchanged = taken.length === slugs.length && taken.every((slug) => bySlug.get(slug)!.sourceChecksum === parsed.checksum);
    const rows = content.kind === "work" ? content.work.rows.length : content.aligned.rows.length;
    const plan: ImportPlan = { ...base, action: content.kind, unchanged, alignment: fromFile(rows) };
    if (unchanged) return plan;
    if (work && content.kind === "work") {
      throw new ConflictError(`The work “${workSlug}” exists already; a work export can only be imported as a new work (rename the work in the file to import it beside the existing one).`);
    }
    if (taken.length > 0) throw new ConflictError(`The work “${workSlug}” already has the editions ${taken.map((s) => `“${s}”`).join(", ")}; rename them in the file or import into another work.`);
    if (work && (await reader.alignmentRow.count({ where: { workId: work.id } })) > 0) {
      throw new ConflictError(
        `The work “${workSlug}” already has an alignment, and an aligned file brings its own rows; import it as a new work, or import its editions one by one to align them against the pivot.`,
      );
    }
    if (request.newWork && work) throw existingWork(workSlug);
    return plan;
  }

  const document = content.document;
  const slug = document.meta.edition;
  const replaced = request.replace ? await findReplacedEdition(reader, workSlug, request.replace) : null;
  const existing = replaced ?? bySlug.get(slug);
  const unchanged = existing != null && existing.sourceChecksum === parsed.checksum;
  if (!unchanged && request.newWork && work) throw existingWork(workSlug);
  if (!unchanged && !replaced && existing) {
    throw new ConflictError(
      `The work “${workSlug}” already has an edition “${slug}” with a different text; give the new edition another slug, or replace the text of “${slug}”.`,
    );
  }
  const notes = content.sideFiles.map((name) => `The file names a side file ${name}, which was not uploaded: it is not imported (the command line reads side files).`);
  const plan: ImportPlan = {
    ...base,
    action: replaced ? "replace" : "add",
    unchanged,
    notes,
    replaced: replaced && { id: replaced.id, slug: replaced.slug, title: replaced.title, provenance: replaced.provenance, position: replaced.position },
    keptAs: replaced ? keptSlug(replaced.slug, new Set(bySlug.keys())) : null,
    alignment: { mode: "none", reference: null, referenceId: null, note: "" },
  };
  plan.alignment = request.align === false ? none("not aligned, as asked") : await planAlignment(reader, work, editions, replaced?.id ?? null);
  return plan;
}

function existingWork(slug: string): ConflictError {
  return new ConflictError(`The work “${slug}” exists already; import into it from its own import page (/works/${slug}/import).`);
}

/** `fr-superseded`, or `fr-superseded-2`… when that is taken. */
export function keptSlug(slug: string, taken: ReadonlySet<string>): string {
  const base = `${slug}-superseded`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

function none(note: string): ImportPlan["alignment"] {
  return { mode: "none", reference: null, referenceId: null, note };
}

interface CandidateEdition {
  id: string;
  slug: string;
  language: string;
  title: string;
  supersededById: string | null;
}

/**
 * The edition a new text is aligned against: the pivot, else (replacing the pivot) the text it replaces, else the
 * first other current edition — the first of these that is in the grid. When the work has no grid yet, the first
 * candidate and the new text make the first one.
 */
async function planAlignment(
  reader: Reader,
  work: PlannedWork | null,
  editions: CandidateEdition[],
  replacedId: string | null,
): Promise<ImportPlan["alignment"]> {
  if (!work) return none("the first edition of a new work: there is nothing to align it against yet");
  const current = editions.filter((e) => e.supersededById == null && e.id !== replacedId);
  const byId = new Map(editions.map((e) => [e.id, e]));
  const ordered = [
    ...(work.pivotEditionId && work.pivotEditionId !== replacedId ? [byId.get(work.pivotEditionId)] : []),
    ...(replacedId ? [byId.get(replacedId)] : []),
    ...current,
  ].filter((e, i, all): e is CandidateEdition => e != null && all.findIndex((other) => other?.id === e.id) === i);
  if (ordered.length === 0) return none("the work has no other edition to align the new text against");
  const aligned = await reader.segment.findMany({
    where: { editionId: { in: ordered.map((e) => e.id) }, rowId: { not: null } },
    distinct: ["editionId"],
    select: { editionId: true },
  });
  const alignedIds = new Set(aligned.map((s) => s.editionId));
  const reference = ordered.find((e) => alignedIds.has(e.id));
  const describe = (e: CandidateEdition) => ({ slug: e.slug, language: e.language, title: e.title });
  if (reference) {
    return {
      mode: "place",
      reference: describe(reference),
      referenceId: reference.id,
      note: `aligned against “${reference.slug}” (${reference.language}) with the automatic aligner; the rows stay as they are, confirmed ones included`,
    };
  }
  if ((await reader.alignmentRow.count({ where: { workId: work.id } })) > 0) {
    return none(`not aligned: none of ${ordered.map((e) => `“${e.slug}”`).join(", ")} is in the work's grid yet`);
  }
  return {
    mode: "new-grid",
    reference: describe(ordered[0]),
    referenceId: ordered[0].id,
    note: `the work has no alignment yet: “${ordered[0].slug}” and the new text make its first grid, one row per aligned pair of sentences`,
  };
}
