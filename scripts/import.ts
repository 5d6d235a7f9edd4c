/**
 * `npm run import -- <file> [<file> …]`: imports editions in the plain-text edition format into the database
 * (DATABASE_URL, or the embedded PostgreSQL the app uses). Each file is validated and written in one
 * transaction; a rejected file writes nothing and the error names the file, line and reason.
 */
import path from "node:path";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { createPrismaClient } from "../lib/db/client";
import { DomainError } from "../lib/db/errors";
import { importEdition } from "../lib/db/editions/import-edition";
import { readEnv } from "../lib/env";
import { readEditionFile } from "../lib/import/read-edition-file";
import { ImportError } from "../lib/text/edition-document";

async function main(files: string[]): Promise<number> {
  if (!files.length) {
    console.error("usage: npm run import -- <edition file> [<edition file> …]");
    return 2;
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
    for (const file of files) {
      try {
        const edition = readEditionFile(path.resolve(cwd, file));
        const result = await importEdition(prisma, { document: edition.document, checksum: edition.checksum, sourceFile: edition.fileName });
        const { meta } = edition.document;
        if (result.status === "unchanged") {
          console.log(`${file}: already imported as ${meta.work}/${meta.edition}; nothing changed.`);
        } else {
          console.log(`${file}: imported ${meta.work}/${meta.edition} (${meta.language}), ${result.segments} segments. It is not aligned yet.`);
        }
      } catch (error) {
        if (error instanceof ImportError || error instanceof DomainError) {
          console.error(`${error.message}\nNothing was written for ${file}.`);
          failures++;
        } else {
          throw error;
        }
      }
    }
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
