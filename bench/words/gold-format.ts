/**
 * The word-alignment gold of the demo work: which rows and pairs it covers, and how its files are read. A file
 * holds, per row, the two cells' tokens numbered from 0 and the sure (S) and possible (P) links as `i-j` pairs
 * (i in the first language's tokens, j in the second's); P includes S when read.
 */
import fs from "node:fs";
import path from "node:path";

export const GOLD_DIR = path.join(import.meta.dirname, "gold");
export const GOLD_PAIRS: [string, string][] = [["ru", "en"], ["fr", "en"], ["es", "en"], ["it", "en"], ["fr", "es"], ["fr", "it"]];
export const GOLD_ROWS = [2, 3, 5, 6, 8, 11, 13, 14, 17, 18, 20, 23, 26, 27, 29, 30, 33, 34, 36, 37, 39, 41, 42, 44, 46, 47];

export interface GoldRow {
  row: number;
  a: string[];
  b: string[];
  sure: Set<string>;
  possible: Set<string>;
}

function parseLinks(text: string, row: number, m: number, n: number, file: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => {
      const match = /^(\d+)-(\d+)$/.exec(pair);
      if (!match || Number(match[1]) >= m || Number(match[2]) >= n) throw new Error(`${file}: row ${row}: bad link ${pair}`);
      return `${Number(match[1])}-${Number(match[2])}`;
    });
}

export function readGold(a: string, b: string): GoldRow[] {
  const file = path.join(GOLD_DIR, `${a}-${b}.txt`);
  const rows: GoldRow[] = [];
  for (const block of fs.readFileSync(file, "utf8").split(/^# row /m).slice(1)) {
    const lines = block.split("\n");
    const row = Number(lines[0].trim());
    const field = (name: string) => lines.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1) ?? "";
    const tokens = (text: string) => text.trim().split(/\s+/).filter(Boolean).map((item) => item.replace(/^\d+:/, ""));
    const tokensA = tokens(field(a));
    const tokensB = tokens(field(b));
    const sure = parseLinks(field("S"), row, tokensA.length, tokensB.length, file);
    const possible = parseLinks(field("P"), row, tokensA.length, tokensB.length, file);
    rows.push({ row, a: tokensA, b: tokensB, sure: new Set(sure), possible: new Set([...sure, ...possible]) });
  }
  return rows;
}
