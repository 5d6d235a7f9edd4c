/**
 * Command-line sentence aligner:
 *   npm run --silent align -- <fileA> <fileB> [--lang-a <code>] [--lang-b <code>] [--format json]
 * Each file is UTF-8 text with one segment per line (every line counts, empty ones included; a final
 * newline does not add a segment). Blank lines also mark paragraph ends for the aligner. Prints only
 * the JSON array of beads on stdout; on bad input prints one line on stderr and exits with status 2.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { alignPair } from "../lib/alignment/aligner/index";
import type { AlignSegment } from "../lib/alignment/aligner/index";

const USAGE = "usage: align <fileA> <fileB> [--lang-a <code>] [--lang-b <code>] [--format json]";

class UsageError extends Error {}

interface Options {
  files: string[];
  langA: string;
  langB: string;
  format: string;
  help: boolean;
}

function parseArguments(args: readonly string[]): Options {
  const options: Options = { files: [], langA: "und", langB: "und", format: "json", help: false };
  const valued: Record<string, "langA" | "langB" | "format"> = { "--lang-a": "langA", "--lang-b": "langB", "--format": "format" };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === "--help" || arg === "-h") {
      options.help = true;
      continue;
    }
    if (arg === "--") {
      options.files.push(...args.slice(k + 1));
      break;
    }
    if (arg.startsWith("-") && arg !== "-") {
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
  if (options.help) return options;
  if (options.files.length !== 2) throw new UsageError(`expected two files, got ${options.files.length}`);
  if (options.format !== "json") throw new UsageError(`unsupported format ${options.format} (only json)`);
  return options;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function readSegments(file: string): AlignSegment[] {
  const base = process.env.INIT_CWD || process.cwd();
  const resolved = path.resolve(base, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}${code ? ` (${code})` : ""}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new UsageError(`${file} is not valid UTF-8`);
  }
  return segmentsOf(text);
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
    const beads = alignPair(a, b, { langA: options.langA, langB: options.langB });
    const json = beads.map((bead) => ({ a: bead.a, b: bead.b, score: Math.round(bead.score * 1e4) / 1e4 }));
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`align: ${message.replace(/\s+/g, " ")}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

main();
