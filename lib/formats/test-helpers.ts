/** Helpers shared by this folder's tests. */
import fs from "node:fs";
import path from "node:path";
import { ImportError } from "../text/edition-document";

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
}

/** Runs `run`, expecting an ImportError, and returns it. */
export function importErrorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError, but nothing was thrown");
}
