/**
 * What the command lines share: arguments parsed by Node's util.parseArgs (an unknown option, a missing or empty
 * value become a UsageError), input files read as strict UTF-8 relative to the directory npm was started from, and
 * the exit status of a command's main.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

/** Bad input: the command prints the message on one stderr line and exits with status 2. */
export class UsageError extends Error {}

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; default?: string | boolean }>;

export function parseCliArguments<T extends OptionSpec>(args: readonly string[], options: T) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]);
  }
  for (const [name, value] of Object.entries(parsed.values)) if (value === "") throw new UsageError(`missing value for --${name}`);
  return parsed;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

export function readUtf8File(file: string): string {
  const resolved = path.resolve(process.env.INIT_CWD || process.cwd(), file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}${code ? ` (${code})` : ""}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new UsageError(`${file} is not valid UTF-8`);
  }
}

/** Runs a command's main and exits with the status it returns, or 1 with the error's message when it throws. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
