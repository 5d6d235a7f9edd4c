/**
 * `npm run import -- <file> [<file> …] [options]`: imports edition files into the database (DATABASE_URL, or the
 * embedded PostgreSQL the app uses) with the same code as the browser's import page — plain text, Markdown, TEI,
 * TMX, CSV and Hexapla's full-work JSON, in any supported encoding. A plain-format file is read with its side files
 * (apparatus, corrections) as before. Each file is written in one transaction; a rejected file writes nothing and
 * the error names the file, line (and column or XML element) and reason. Importing the same file twice changes
 * nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { decodeInput, detectFormat, IMPORT_FORMATS, SUPPORTED_ENCODINGS, type ImportFormat, type MetaDefaults, type SupportedEncoding } from "../lib/formats";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { createPrismaClient, type Db } from "../lib/db/client";
import { DomainError } from "../lib/db/errors";
import { previewImport } from "../lib/db/import/preview-import";
import { liveWorkers } from "../lib/db/jobs/recover-jobs";
import { runImport } from "../lib/db/import/run-import";
import type { ImportPreview, ImportRequest } from "../lib/db/import/types";
import { readEnv } from "../lib/env";
import { readEditionFile } from "../lib/import/read-edition-file";
import { ImportError, PROVENANCES, type Provenance } from "../lib/text/edition-document";

const USAGE = `usage: npm run import -- <file> [<file> …] [options]

  --work <slug>          the work (for files that do not name one; a file naming another work is refused)
  --work-title <title>   the work's title, when the import creates it
  --language <code>      the edition's language (BCP 47), for files that do not state it
  --edition <slug>       the edition's slug (default: from the language)
  --title <title>        the edition's title (default: the first heading)
  --provenance <kind>    published, imported or working-translation (default: what the file says, else imported)
  --replace <slug>       replace the text of this edition of --work (same language); the old text stays as an earlier witness
  --format <format>      ${IMPORT_FORMATS.join(", ")} (default: detected)
  --encoding <encoding>  ${SUPPORTED_ENCODINGS.join(", ")} (default: detected)
  --by <email>           record this user as the importer
  --no-align             do not align a new edition against the pivot`;

const OPTIONS = {
  work: { type: "string" },
  "work-title": { type: "string" },
  language: { type: "string" },
  edition: { type: "string" },
  title: { type: "string" },
  provenance: { type: "string" },
  replace: { type: "string" },
  format: { type: "string" },
  encoding: { type: "string" },
  by: { type: "string" },
  "no-align": { type: "boolean" },
  help: { type: "boolean" },
} as const;

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, not “${value}”`);
  return value as T;
}

class UsageError extends Error {}

function metaFrom(options: Options): MetaDefaults {
  const meta: MetaDefaults = {
    work: options.work,
    workTitle: options["work-title"],
    language: options.language,
    edition: options.edition,
    title: options.title,
    provenance: oneOf<Provenance>(options.provenance, PROVENANCES, "provenance"),
  };
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined));
}

/** A plain-format file in UTF-8 is read with its side files and checksummed as before; everything else as the browser does. */
function buildRequest(file: string, options: Options, importedById: string | null): ImportRequest {
  const fileName = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    throw new ImportError(fileName, null, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const format = oneOf<ImportFormat>(options.format, IMPORT_FORMATS, "format");
  const encoding = oneOf<SupportedEncoding>(options.encoding, SUPPORTED_ENCODINGS, "encoding");
  const request: ImportRequest = {
    bytes,
    fileName,
    format,
    encoding,
    meta: metaFrom(options),
    workSlug: options.work,
    replace: options.replace,
    align: !options["no-align"],
    importedById,
  };
  const decoded = decodeInput(bytes, fileName, { encoding });
  if ((format ?? detectFormat(fileName, decoded.text)) === "plain" && decoded.encoding === "utf-8") {
    const edition = readEditionFile(file);
    request.prepared = { document: edition.document, checksum: edition.checksum };
  }
  return request;
}

function describePreview(preview: ImportPreview): string[] {
  const confidence = preview.encoding.confidence < 1 ? `, confidence ${Math.round(preview.encoding.confidence * 100)}%` : "";
  const lines = [`  format ${preview.format}, encoding ${preview.encoding.encoding}${preview.encoding.hadBom ? " with BOM" : ""}${confidence}`];
  for (const edition of preview.editions) {
    const { meta, stats } = edition;
    lines.push(`  ${meta.work}/${meta.edition} (${meta.language}, ${meta.provenance}): “${meta.title}” — ${stats.blocks} blocks, ${stats.sentences} sentences`);
    for (const warning of edition.warnings.slice(0, 5)) lines.push(`    line ${warning.line}: ${warning.message}`);
    if (edition.warnings.length > 5) lines.push(`    … ${edition.warnings.length - 5} more warnings`);
  }
  return [...lines, ...preview.notes.map((note) => `  note: ${note}`)];
}

async function importOne(prisma: Db, file: string, request: ImportRequest): Promise<void> {
  const preview = await previewImport(prisma, request);
  console.log(`${file}:`);
  for (const line of describePreview(preview)) console.log(line);
  const result = await runImport(prisma, { ...request, expectedChecksum: preview.checksum });
  console.log(`  ${result.message}`);
  if (result.alignment?.mode === "queued" && (await liveWorkers(prisma)) === 0) {
    console.log("  No worker is running now: the text is aligned as soon as one starts (`npm start`, or `npm run worker`).");
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: options, positionals: files } = parsed;
  if (options.help || files.length === 0) {
    console.error(USAGE);
    return options.help ? 0 : 2;
  }
  const env = readEnv();
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const database = await bootDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.HEXAPLA_DATA_DIR ?? path.join(projectRoot, ".data"),
    pgPort: env.HEXAPLA_PG_PORT,
    seedDemo: false,
    log: (line) => console.error(line),
  });
  const prisma = createPrismaClient(database.url);
  let failures = 0;
  try {
    const importer = options.by ? await prisma.user.findUnique({ where: { email: options.by.toLowerCase() }, select: { id: true } }) : null;
    if (options.by && !importer) throw new UsageError(`--by: there is no user with the email ${options.by}`);
    for (const file of files) {
      try {
        await importOne(prisma, file, buildRequest(path.resolve(cwd, file), options, importer?.id ?? null));
      } catch (error) {
        if (error instanceof ImportError || error instanceof DomainError || error instanceof UsageError) {
          console.error(`${error.message}\nNothing was written for ${file}.`);
          failures++;
        } else {
          throw error;
        }
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    failures++;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
  return failures ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
