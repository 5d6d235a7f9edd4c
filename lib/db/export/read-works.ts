/**
 * Works and editions as the HTTP API answers them: plain JSON with each edition's bibliographic data and
 * provenance in words (a working translation is labelled as such), who imported it when and from what file, what
 * storing its text in Unicode NFC changed, the text that
 * superseded it, and whether it is the pivot.
 */
import { explainPivot } from "../../editions/pivot";
import { provenanceStatement, roleLabel } from "../../editions/provenance";
import type { Db } from "../client";
import { NotFoundError } from "../errors";
import type { Prisma } from "../generated/client";
import type { TextNormalisation } from "../../text/normalise-document";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";
import { normalisationOf } from "./build-work-export";

const EDITION_INCLUDE = {
  importedBy: { select: { name: true } },
  supersededBy: { select: { slug: true } },
  _count: { select: { segments: true } },
} as const satisfies Prisma.EditionInclude;

type EditionRecord = Prisma.EditionGetPayload<{ include: typeof EDITION_INCLUDE }>;

export interface EditionInfo {
  slug: string;
  language: string;
  title: string;
  translator: string | null;
  publisher: string | null;
  place: string | null;
  year: number | null;
  original: boolean;
  /** Not the original, but in its place until the published original is imported. */
  standsInForOriginal: boolean;
  /** What the edition is to the work: "Original", "Translation", or "Working translation (stands in for the Russian original)". */
  role: string;
  provenance: "published" | "working-translation" | "imported";
  workingTranslation: boolean;
  /** What the text is, in one sentence. */
  provenanceStatement: string;
  source: string | null;
  editor: string | null;
  /** The published text this edition's text is that of. */
  basedOn: string | null;
  /** The edition this one was translated from. */
  translatedFrom: string | null;
  /** When the text was made: a date, or `made/last revised`. */
  made: string | null;
  /** The title is ours, not the published edition's. */
  titleOurs: boolean;
  /** Where the text deliberately departs from the text it was made from. */
  departures: string | null;
  importedBy: string | null;
  importedAt: string;
  sourceFile: string | null;
  /** What storing the text in Unicode NFC changed at its import; null when nothing. */
  normalisation: TextNormalisation | null;
  /** The edition whose text replaced this one (this one is kept as an earlier witness). */
  supersededBy: string | null;
  pivot: boolean;
  segments: number;
}

export interface WorkInfo {
  slug: string;
  title: string;
  author: string | null;
  pivotEdition: string | null;
  /** Why the pivot is the edition it is, in one sentence (lib/editions/pivot.ts). */
  pivotReason: string;
  gridVersion: number;
  rows: number;
  editions: EditionInfo[];
}

function editionInfo(edition: EditionRecord, pivotId: string | null): EditionInfo {
  const provenance = edition.provenance === "working_translation" ? "working-translation" : edition.provenance;
  return {
    slug: edition.slug,
    language: edition.language,
    title: edition.title,
    translator: edition.translator,
    publisher: edition.publisher,
    place: edition.place,
    year: edition.year,
    original: edition.isOriginal,
    standsInForOriginal: edition.standsInForOriginal,
    role: roleLabel(edition),
    provenance,
    workingTranslation: edition.provenance === "working_translation",
    provenanceStatement: provenanceStatement({ ...edition, importedByName: edition.importedBy?.name }),
    source: edition.source,
    editor: edition.editor,
    basedOn: edition.basedOn,
    translatedFrom: edition.translatedFrom,
    made: edition.made,
    titleOurs: edition.titleOurs,
    departures: edition.departures,
    importedBy: edition.importedBy?.name ?? null,
    importedAt: edition.importedAt.toISOString(),
    sourceFile: edition.sourceFile,
    normalisation: normalisationOf(edition),
    supersededBy: edition.supersededBy?.slug ?? null,
    pivot: edition.id === pivotId,
    segments: edition._count.segments,
  };
}

/** Why the work's pivot is what it is, from its editions as the pivot rule sees them. */
export function pivotReasonOf(editions: readonly EditionRecord[], pivotId: string | null): string {
  const candidates = editions.map((edition) => ({
    ...edition,
    current: edition.supersededById === null,
    hasText: edition._count.segments > 0,
  }));
  return explainPivot(candidates.find((edition) => edition.id === pivotId) ?? null, candidates);
}

async function workInfo(db: Db, where: Prisma.WorkWhereInput, includeSuperseded: boolean): Promise<WorkInfo[]> {
  const works = await db.work.findMany({
    where,
    orderBy: { title: "asc" },
    include: {
      editions: { where: includeSuperseded ? {} : { supersededById: null }, orderBy: [{ position: "asc" }, { id: "asc" }], include: EDITION_INCLUDE },
      pivotEdition: { select: { slug: true } },
      _count: { select: { rows: true } },
    },
  });
  return works.map((work) => ({
    slug: work.slug,
    title: work.title,
    author: work.author,
    pivotEdition: work.pivotEdition?.slug ?? null,
    pivotReason: pivotReasonOf(work.editions, work.pivotEditionId),
    gridVersion: work.gridVersion,
    rows: work._count.rows,
    editions: work.editions.map((edition) => editionInfo(edition, work.pivotEditionId)),
  }));
}

/** Every work with its current editions. */
export async function readWorks(access: ReadAccess, db: Db): Promise<WorkInfo[]> {
  assertReadAccess(access);
  return workInfo(db, {}, false);
}

/** One work; earlier witnesses (superseded texts) are listed only when asked for. */
export async function readWork(access: ReadAccess, db: Db, slug: string, includeSuperseded = false): Promise<WorkInfo> {
  assertReadAccess(access);
  const [work] = await workInfo(db, { slug }, includeSuperseded);
  if (!work) throw new NotFoundError(`No work “${slug}”.`);
  return work;
}

export interface EditionDetail extends EditionInfo {
  work: string;
  apparatus: { kind: string; headingLevel: number | null; label: string | null; text: string }[];
  corrections: { line: number; kind: "extraction" | "emendation" | "markup" | null; before: string; after: string; reason: string }[];
}

export async function readEdition(access: ReadAccess, db: Db, workSlug: string, editionSlug: string): Promise<EditionDetail> {
  assertReadAccess(access);
  const edition = await db.edition.findFirst({
    where: { slug: editionSlug, work: { slug: workSlug } },
    include: {
      ...EDITION_INCLUDE,
      work: { select: { slug: true, pivotEditionId: true } },
      apparatus: { orderBy: { position: "asc" } },
      corrections: { orderBy: { position: "asc" } },
    },
  });
  if (!edition) throw new NotFoundError(`No edition “${editionSlug}” in “${workSlug}”.`);
  return {
    ...editionInfo(edition, edition.work.pivotEditionId),
    work: edition.work.slug,
    apparatus: edition.apparatus.map(({ kind, headingLevel, label, text }) => ({ kind, headingLevel, label, text })),
    corrections: edition.corrections.map((c) => ({ line: c.sourceLine, kind: c.kind, before: c.before, after: c.after, reason: c.reason })),
  };
}
