/**
 * `npm run import -- <file> [<file> …] [options]`: imports edition files into the database (DATABASE_URL, or the
 * embedded PostgreSQL the app uses) with the same code as the browser's import page — plain text, Markdown, TEI,
 * TMX, CSV and Hexapla's full-work JSON, in any supported encoding. A plain-format file is read with its side files
 * (apparatus, corrections) as before. Each file is written in one transaction; a rejected file writes nothing and
 * the error names the file, line (and column or XML element) and reason. Importing the same file twice changes
 * nothing. An encoding that was only guessed (below HIGH_ENCODING_CONFIDENCE) is refused unless `--encoding` names
 * it. Exit code 0 when every file was imported, 2 when any was refused (bad file, bad option), 1 on any other
 * failure (e.g. the database cannot be reached).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { IMPORT_FORMATS, SUPPORTED_ENCODINGS, type ImportFormat, type MetaDefaults, type SupportedEncoding } from "../lib/formats";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { createPrismaClient } from "../lib/db/client";
import { DomainError } from "../lib/db/errors";
import { importPath, type PathImportOptions } from "../lib/db/import/import-path";
import type { ImportPreview } from "../lib/db/import/types";
import { readEnv } from "../lib/env";
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

function pathOptions(options: Options, importedById: string | null): PathImportOptions {
  return {
    format: oneOf<ImportFormat>(options.format, IMPORT_FORMATS, "format"),
    encoding: oneOf<SupportedEncoding>(options.encoding, SUPPORTED_ENCODINGS, "encoding"),
    meta: metaFrom(options),
    workSlug: options.work,
    replace: options.replace,
    align: !options["no-align"],
    importedById,
  };
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

async function importOne(file: string, run: (onPreview: (preview: ImportPreview) => void) => Promise<{ result: { message: string } }>): Promise<void> {
  const { result } = await run((preview) => {
    console.log(`${file}:`);
    for (const line of describePreview(preview)) console.log(line);
  });
  console.log(`  ${result.message}`);
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
        const fileOptions = pathOptions(options, importer?.id ?? null);
        await importOne(file, (onPreview) => importPath(prisma, path.resolve(cwd, file), fileOptions, onPreview));
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
