/**
 * Command-line word aligner (for measurement against other aligners and hand-made golds):
 *   npm run --silent align-words -- <fileA> <fileB> --lang-a <code> --lang-b <code> [--format pharaoh]
 *                                   [--dictionary FILE.tsv] [--no-dictionaries]
 * Line i of fileA translates line i of fileB; both are tokenised, single spaces between tokens. Prints one line per
 * line pair: space-separated `i-j` links (0-based token positions, i in A, j in B) and nothing else. The installed
 * FreeDict dictionaries are used when present (--no-dictionaries turns them off); --dictionary adds a TSV glossary
 * (term in A, tab, term in B). Bad input: one line on stderr, exit status 2.
 */
import { alignWordsNWay, pairKey } from "../lib/alignment/words/align-words";
import { GlossaryError, parseGlossary } from "../lib/alignment/words/glossary";
import { lexiconFor } from "../lib/alignment/words/lexicon-sources";
import type { LexiconEntry } from "../lib/alignment/words/lexicon";
import { toPharaoh } from "../lib/alignment/words/symmetrise";
import { parseCliArguments, readUtf8File, UsageError } from "./cli-support";

const USAGE = "usage: align-words <fileA> <fileB> --lang-a <code> --lang-b <code> [--format pharaoh] [--dictionary FILE] [--no-dictionaries]";

interface Options {
  files: string[];
  langA: string;
  langB: string;
  dictionary: string | undefined;
  dictionaries: boolean;
}

function parseArguments(args: readonly string[]): Options {
  const { values, positionals } = parseCliArguments(args, {
    "lang-a": { type: "string" },
    "lang-b": { type: "string" },
    format: { type: "string", default: "pharaoh" },
    dictionary: { type: "string" },
    "no-dictionaries": { type: "boolean", default: false },
  });
  if (positionals.length !== 2) throw new UsageError(`expected two files, got ${positionals.length}`);
  const langA = values["lang-a"];
  const langB = values["lang-b"];
  if (!langA || !langB) throw new UsageError("--lang-a and --lang-b are required");
  for (const lang of [langA, langB]) if (!/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) throw new UsageError(`not a language code: ${lang}`);
  if (values.format !== "pharaoh") throw new UsageError(`unsupported format ${values.format} (only pharaoh)`);
  return { files: positionals, langA, langB, dictionary: values.dictionary, dictionaries: !values["no-dictionaries"] };
}

function readLines(file: string): string[][] {
  const text = readUtf8File(file).replace(/^\uFEFF/, "");
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
      glossary = parseGlossary(readUtf8File(options.dictionary));
    } catch (error) {
      if (error instanceof GlossaryError) throw new UsageError(`${options.dictionary}: ${error.message}`);
      throw error;
    }
  }
  const links = await alignWordsNWay({
    editions: [
      { id: "a", language: options.langA, rows: a },
      { id: "b", language: options.langB, rows: b },
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
