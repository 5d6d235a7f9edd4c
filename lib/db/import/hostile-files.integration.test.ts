/**
 * Every file of the hostile corpus (test/hostile-files.ts: more than 100, every format and encoding case) is refused
 * by the command line's import path with an ImportError naming the file (and its line where one applies), and no
 * table's contents change. `npm run import` itself is run on them too: exit code 2, each file named, nothing
 * written. And a failure injected into the database after an import's first writes (a trigger that raises) leaves
 * every table as it was, through the production import path.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { HOSTILE_WORK, writeHostileFiles, type HostileFile } from "../../../test/hostile-files";
import { exportWorkJson } from "../../formats";
import { sampleWork } from "../../formats/fixtures/sample-work";
import { ImportError } from "../../text/edition-document";
import { demoCorpusDir, projectRoot } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { importPath } from "./import-path";

describe("the hostile corpus", () => {
  let database: TestDatabase;
  let dir: string;
  let corpus: HostileFile[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.prisma, demoCorpusDir);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-hostile-"));
    corpus = writeHostileFiles(dir);
  });
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("holds at least 100 files of every format", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    const extensions = new Set(corpus.map((file) => path.extname(file.name)));
    for (const extension of [".txt", ".md", ".xml", ".tmx", ".csv", ".json"]) expect(extensions).toContain(extension);
  });

  it("is refused file by file, naming the file and line, and no table's contents change", { timeout: 300_000 }, async () => {
    const before = await tableContents(database.prisma);
    const failures: string[] = [];
    for (const file of corpus) {
      const error = await importPath(database.prisma, path.join(dir, file.name), {
        workSlug: HOSTILE_WORK,
        meta: { work: HOSTILE_WORK, language: file.language ?? "en", title: "Hostile" },
        format: file.format,
        encoding: file.encoding,
        importedById: null,
      }).then(
        () => new Error("imported"),
        (e: unknown) => e as Error,
      );
      const named = file.names ?? file.name;
      const where = file.line == null ? `${named}: ` : `${named}:${file.line}:`;
      if (!(error instanceof ImportError)) failures.push(`${file.name}: expected an ImportError, got ${error.name}: ${error.message.slice(0, 300)}`);
      else if (!`${error.message}:`.startsWith(where) || !file.reason.test(error.reason)) failures.push(`${file.name}: ${error.message.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("makes `npm run import` exit with 2, name every file and write nothing", { timeout: 300_000 }, () => {
    const before = tableContents(database.prisma);
    const cli = (files: string[]) =>
      spawnSync(process.execPath, [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), path.join(projectRoot, "scripts/import.ts"), ...files, "--work", HOSTILE_WORK, "--language", "en", "--title", "Hostile"], {
        cwd: dir,
        env: { ...process.env, DATABASE_URL: database.url, INIT_CWD: dir },
        encoding: "utf8",
        timeout: 240_000,
      });
    const all = cli(corpus.filter((file) => !file.format && !file.encoding && !file.language).map((file) => file.name));
    expect(all.status).toBe(2);
    for (const file of corpus.filter((f) => !f.format && !f.encoding && !f.language)) {
      expect(all.stderr).toContain(`Nothing was written for ${file.name}.`);
    }
    for (const name of ["a-fifo.txt", "deep-10000.xml", "external-entity.xml", "empty-body.tmx", "invalid-utf8.md", "segment-in-no-row.json"]) {
      const one = cli([name]);
      expect([name, one.status]).toEqual([name, 2]);
      expect(one.stderr).toContain(name);
    }
    return before.then(async (snapshot) => expect(await tableContents(database.prisma)).toEqual(snapshot));
  });
});

describe("a failure after an import's first writes", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.prisma, demoCorpusDir);
  });
  afterAll(async () => {
    await database.drop();
  });

  /** A trigger that raises on the first insert into `table`, as a full disk or a lost connection would fail a write. */
  async function failOnInsert(table: string): Promise<() => Promise<void>> {
    await database.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure on %', TG_TABLE_NAME; END $$`);
    await database.prisma.$executeRawUnsafe(`CREATE TRIGGER injected_failure BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION injected_failure()`);
    return async () => {
      await database.prisma.$executeRawUnsafe(`DROP TRIGGER injected_failure ON "${table}"`);
      await database.prisma.$executeRawUnsafe(`DROP FUNCTION injected_failure()`);
    };
  }

  const files: Record<string, string> = {
    "fr-1937.txt": fs.readFileSync(path.join(demoCorpusDir, "fr.txt"), "utf8").replace("edition: fr", "edition: fr-1937").replace("provenance: working-translation", "provenance: published"),
    "whole-work.json": exportWorkJson({ ...sampleWork, work: { ...sampleWork.work, slug: "injected" } }),
  };

  it.each([
    ["a new edition, failing at the journal entry (the last write)", "fr-1937.txt", "grid_operation"],
    ["a new edition, failing at its first segment", "fr-1937.txt", "segment"],
    ["a whole work, failing at its grid rows", "whole-work.json", "alignment_row"],
    ["a whole work, failing at its variants (after editions, segments and rows)", "whole-work.json", "variant"],
  ])("%s leaves every table as it was", async (_, name, table) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-injected-"));
    fs.writeFileSync(path.join(dir, name), files[name]);
    const before = await tableContents(database.prisma);
    const restore = await failOnInsert(table);
    try {
      const error = await importPath(database.prisma, path.join(dir, name), { importedById: null, align: true }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toContain(`injected failure on ${table}`);
    } finally {
      await restore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await tableContents(database.prisma)).toEqual(before);
  });
});
