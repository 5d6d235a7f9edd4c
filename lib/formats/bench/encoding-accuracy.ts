/**
 * Measures how often decodeInput recovers the exact text of legacy-encoded slices of the project's editions
 * (data/thirst-for-power): Russian in Windows-1251 and KOI8-R, French and Spanish in Windows-1252 and ISO-8859-1,
 * for slices of 12 to 300 characters. Slices the encoding cannot represent, or without any non-ASCII byte, are
 * skipped. Run: npx tsx lib/formats/bench/encoding-accuracy.ts
 */
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { decodeInput } from "../encoding";

const dataDir = path.join(import.meta.dirname, "..", "..", "..", "data", "thirst-for-power");
const bodyOf = (file: string) =>
  fs
    .readFileSync(path.join(dataDir, file), "utf8")
    .split(/^---$/m)[2]
    .replace(/\{[^}]*\}/g, "")
    .replace(/^[#>] ?/gm, "");

const results = new Map<string, { exact: number; total: number }>();

function trial(label: string, text: string, encoding: string): void {
  const bytes = iconv.encode(text, encoding);
  if (!bytes.some((b) => b >= 0x80) || iconv.decode(bytes, encoding) !== text) return;
  const tally = results.get(label) ?? { exact: 0, total: 0 };
  results.set(label, tally);
  tally.total += 1;
  try {
    if (decodeInput(bytes).text === text) tally.exact += 1;
  } catch {
    // A rejected slice counts as a miss.
  }
}

const cases: [string, string[]][] = [
  ["ru.txt", ["windows-1251", "koi8-r"]],
  ["fr.txt", ["windows-1252", "iso-8859-1"]],
  ["es.txt", ["windows-1252", "iso-8859-1"]],
];
for (const [file, encodings] of cases) {
  const body = bodyOf(file);
  for (const length of [12, 30, 80, 300]) {
    for (let start = 0; start + length < body.length; start += 97) {
      for (const encoding of encodings) trial(`${file.slice(0, 2)} ${encoding} ${length} chars`, body.slice(start, start + length), encoding);
    }
  }
}
for (const [label, { exact, total }] of results) {
  console.log(`${label.padEnd(32)} ${String(exact).padStart(4)}/${String(total).padEnd(4)} ${((100 * exact) / total).toFixed(1)}%`);
}
