/**
 * Command-line sentence aligner:
 *   npm run --silent align -- <fileA> <fileB> [--lang-a <code>] [--lang-b <code>] [--format json] [--word-model]
 * Each file is UTF-8 text with one segment per line (every line counts, empty ones included; a final
 * newline does not add a segment). Blank lines also mark paragraph ends for the aligner. Prints only
 * the JSON array of beads on stdout; on bad input prints one line on stderr and exits with status 2.
 * --word-model adds the word model's translations to the second pass (AlignOptions.wordModel).
 */
import { alignPair } from "../lib/alignment/aligner/index";
import type { AlignSegment } from "../lib/alignment/aligner/index";
import { parseCliArguments, readUtf8File, UsageError } from "./cli-support";

const USAGE = "usage: align <fileA> <fileB> [--lang-a <code>] [--lang-b <code>] [--format json] [--word-model]";

interface Options {
  files: string[];
  langA: string;
  langB: string;
  wordModel: boolean;
  help: boolean;
}

function parseArguments(args: readonly string[]): Options {
  const { values, positionals } = parseCliArguments(args, {
    "lang-a": { type: "string", default: "und" },
    "lang-b": { type: "string", default: "und" },
    format: { type: "string", default: "json" },
    "word-model": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  const options = { files: positionals, langA: values["lang-a"], langB: values["lang-b"], wordModel: values["word-model"], help: values.help };
  if (options.help) return options;
  if (options.files.length !== 2) throw new UsageError(`expected two files, got ${options.files.length}`);
  if (values.format !== "json") throw new UsageError(`unsupported format ${values.format} (only json)`);
  return options;
}

function readSegments(file: string): AlignSegment[] {
  return segmentsOf(readUtf8File(file));
}

/** One segment per line; blank lines end paragraphs (and stay segments of their own). */
function segmentsOf(text: string): AlignSegment[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  let paragraph = 0;
  return lines.map((line) => {
    const segment = { text: line, paragraph };
    if (line.trim() === "") paragraph++;
    return segment;
  });
}

function main(): void {
  try {
    const options = parseArguments(process.argv.slice(2));
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    const a = readSegments(options.files[0]);
    const b = readSegments(options.files[1]);
    const beads = alignPair(a, b, { langA: options.langA, langB: options.langB, wordModel: options.wordModel });
    const json = beads.map((bead) => ({ a: bead.a, b: bead.b, score: Math.round(bead.score * 1e4) / 1e4 }));
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`align: ${message.replace(/\s+/g, " ")}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

main();
