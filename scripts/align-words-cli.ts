/**
 * Command-line word aligner (for measurement against other aligners and hand-made golds):
 *   npm run --silent align-words -- <fileA> <fileB> --lang-a <code> --lang-b <code> [--format pharaoh]
 *                                   [--dictionary FILE.tsv] [--no-dictionaries]
 * Line i of fileA translates line i of fileB; both are tokenised, single spaces between tokens. Prints one line per
 * line pair: space-separated `i-j` links (0-based token positions, i in A, j in B) and nothing else. The installed
 * FreeDict dictionaries are used when present (--no-dictionaries turns them off); --dictionary adds a TSV glossary
 * (term in A, tab, term in B). Bad input: one line on stderr, exit status 2.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { alignWordsNWay, pairKey } from "../lib/alignment/words/align-words";
import { GlossaryError, parseGlossary } from "../lib/alignment/words/glossary";
import { lexiconFor } from "../lib/alignment/words/lexicon-sources";
import type { LexiconEntry } from "../lib/alignment/words/lexicon";
import { toPharaoh } from "../lib/alignment/words/symmetrise";

const USAGE = "usage: align-words <fileA> <fileB> --lang-a <code> --lang-b <code> [--format pharaoh] [--dictionary FILE] [--no-dictionaries]";

class UsageError extends Error {}

interface Options {
  files: string[];
  langA: string | null;
  langB: string | null;
  format: string;
  dictionary: string | null;
  dictionaries: boolean;
}

function parseArguments(args: readonly string[]): Options {
  const options: Options = { files: [], langA: null, langB: null, format: "pharaoh", dictionary: null, dictionaries: true };
  const valued: Record<string, "langA" | "langB" | "format" | "dictionary"> = { "--lang-a": "langA", "--lang-b": "langB", "--format": "format", "--dictionary": "dictionary" };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === "--") {
      options.files.push(...args.slice(k + 1));
      break;
    }
    if (arg === "--no-dictionaries") {
      options.dictionaries = false;
      continue;
    }
    if (arg.startsWith("--")) {
      const equals = arg.indexOf("=");
      const name = equals >= 0 ? arg.slice(0, equals) : arg;
      const field = valued[name];
      if (!field) throw new UsageError(`unknown option ${name}`);
      const value = equals >= 0 ? arg.slice(equals + 1) : args[++k];
      if (value === undefined || value === "" || (equals < 0 && value.startsWith("--"))) throw new UsageError(`missing value for ${name}`);
      options[field] = value;
      continue;
    }
    options.files.push(arg);
  }
  if (options.files.length !== 2) throw new UsageError(`expected two files, got ${options.files.length}`);
  if (!options.langA || !options.langB) throw new UsageError("--lang-a and --lang-b are required");
  for (const lang of [options.langA, options.langB]) if (!/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) throw new UsageError(`not a language code: ${lang}`);
  if (options.format !== "pharaoh") throw new UsageError(`unsupported format ${options.format} (only pharaoh)`);
  return options;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function readText(file: string): string {
  const resolved = path.resolve(process.env.INIT_CWD || process.cwd(), file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolved);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new UsageError(`${file} is not valid UTF-8`);
  }
}

function readLines(file: string): string[][] {
  const text = readText(file).replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line) => line.split(" ").filter((token) => token !== ""));
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const [a, b] = options.files.map(readLines);
  if (a.length !== b.length) throw new UsageError(`${options.files[0]} has ${a.length} lines but ${options.files[1]} has ${b.length}`);
  let glossary: LexiconEntry[] | undefined;
  if (options.dictionary) {
    try {
      glossary = parseGlossary(readText(options.dictionary));
    } catch (error) {
      if (error instanceof GlossaryError) throw new UsageError(`${options.dictionary}: ${error.message}`);
      throw error;
    }
  }
  const links = await alignWordsNWay({
    editions: [
      { id: "a", language: options.langA!, rows: a },
      { id: "b", language: options.langB!, rows: b },
    ],
    lexicon: (langA, langB, vocabularyA, vocabularyB) => lexiconFor({ langA, langB, vocabularyA, vocabularyB, dictionaries: options.dictionaries, glossary }),
  });
  process.stdout.write(links.get(pairKey("a", "b"))!.map((row) => toPharaoh(row)).join("\n") + (a.length > 0 ? "\n" : ""));
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`align-words: ${error.message}\n${USAGE}\n`.split("\n")[0] + "\n");
    process.exit(2);
  }
  process.stderr.write(`align-words: ${(error as Error).message}\n`);
  process.exit(2);
});
