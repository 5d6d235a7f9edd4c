/**
 * A small work for tests that change data (integration and e2e): a Russian working translation standing in for the
 * original, a working English
 * translation and a second, published English edition that differs from it word by word, aligned paragraph
 * by paragraph. Row 2: the editions say "shot" and "executed"; row 3: the published English leaves out the
 * date that the others give (a missing anchor). `extraEditions` adds editions (e.g. French, Spanish, Italian).
 */
import { createHash } from "node:crypto";
import type { EditionDocument, EditionMeta } from "../../text/edition-document";
import { replaceGrid } from "../alignment/replace-grid";
import type { Db } from "../client";
import { importEdition, type ImportEditionResult } from "../editions/import-edition";

export interface FixtureEdition {
  slug: string;
  language: string;
  title: string;
  original?: boolean;
  standsInForOriginal?: boolean;
  provenance: EditionMeta["provenance"];
  /** One text per row: a row's text is one paragraph (a heading for the first row); "" leaves the cell empty. */
  rows: string[];
}

export const SCHOLAR_EDITIONS: FixtureEdition[] = [
  {
    slug: "ru",
    language: "ru",
    title: "«Жажда власти»",
    standsInForOriginal: true,
    provenance: "working-translation",
    rows: [
      "Жажда власти",
      "В августе 1936 года Зиновьев и Каменев были расстреляны по требованию Вышинского.",
      "26 мая 1928 года я писал из Алма-Аты своим друзьям.",
      "Оппозиция ждала, и власти знали это.",
    ],
  },
  {
    slug: "en",
    language: "en",
    title: "Thirst for Power (working translation)",
    provenance: "working-translation",
    rows: [
      "Thirst for Power",
      "In August 1936 Zinoviev and Kamenev were shot at the demand of Vyshinsky.",
      "On May 26, 1928, I wrote from Alma Ata to my friends.",
      "The Opposition waited, and the authorities knew it.",
    ],
  },
  {
    slug: "en-pub",
    language: "en",
    title: "Thirst for Power (published)",
    provenance: "published",
    rows: [
      "Thirst for Power",
      "In August 1936 Zinoviev and Kamenev were executed at the demand of Vyshinsky.",
      "In those years I wrote from Alma Ata to my friends.",
      "The Opposition waited patiently, and the authorities knew it.",
    ],
  },
];

function documentOf(work: string, edition: FixtureEdition): EditionDocument {
  return {
    meta: {
      work,
      workTitle: "Thirst for Power (test)",
      author: "Leon Trotsky",
      edition: edition.slug,
      language: edition.language,
      title: edition.title,
      translator: null,
      publisher: null,
      place: null,
      year: 1937,
      original: edition.original ?? false,
      standsInForOriginal: edition.standsInForOriginal ?? false,
      provenance: edition.provenance,
      source: null,
    },
    blocks: edition.rows.map((text, index) => ({
      kind: index === 0 ? "heading" : "paragraph",
      level: index === 0 ? 1 : null,
      labels: [`p${index}`],
      line: index + 1,
      sentences: text ? [{ text }] : [],
    })),
    apparatus: null,
    corrections: [],
  };
}

/** Imports the editions and aligns them row by row around the first, which becomes the pivot (as an editor may choose); returns the work's id. */
export async function createScholarWork(db: Db, slug: string, editions: FixtureEdition[] = SCHOLAR_EDITIONS): Promise<string> {
  const imported: ImportEditionResult[] = [];
  for (const edition of editions) {
    const document = documentOf(slug, edition);
    const checksum = createHash("sha256").update(JSON.stringify(document)).digest("hex");
    imported.push(await importEdition(db, { document, checksum, sourceFile: `${slug}-${edition.slug}.txt` }));
  }
  const workId = imported[0].workId;
  const rowCount = Math.max(...editions.map((edition) => edition.rows.length));
  await db.$transaction(
    async (tx) => {
      const segments = await tx.segment.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true, editionId: true, paragraph: true } });
      const cell = new Map<string, string[]>();
      for (const segment of segments) {
        const key = `${segment.editionId} ${segment.paragraph}`;
        cell.set(key, [...(cell.get(key) ?? []), segment.id]);
      }
      await replaceGrid(
        tx,
        workId,
        Array.from({ length: rowCount }, (_, row) => ({
          cells: Object.fromEntries(imported.map(({ editionId }) => [editionId, cell.get(`${editionId} ${row}`) ?? []])),
          status: "automatic" as const,
          confidence: null,
        })),
      );
      await tx.work.update({ where: { id: workId }, data: { pivotEditionId: imported[0].editionId } });
    },
    { timeout: 120_000 },
  );
  return workId;
}
