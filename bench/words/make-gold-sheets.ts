/**
 * Writes the blank annotation sheets of the word-alignment gold (bench/words/gold/<a>-<b>.txt): for each of the
 * chosen demo rows, both cells' tokens numbered from 0, and empty S (sure) and P (possible) lines for the
 * annotator. Existing sheets are never overwritten. Run: npx tsx bench/words/make-gold-sheets.ts
 */
import fs from "node:fs";
import path from "node:path";
import { demoRows } from "./demo-rows";
import { GOLD_DIR, GOLD_PAIRS, GOLD_ROWS } from "./gold-format";

const demo = await demoRows();
for (const [a, b] of GOLD_PAIRS) {
  const file = path.join(GOLD_DIR, `${a}-${b}.txt`);
  if (fs.existsSync(file)) {
    console.log(`${file} exists; left as it is`);
    continue;
  }
  const blocks = GOLD_ROWS.map((r) => {
    const row = demo.rows[r];
    const numbered = (lang: string) => row[lang].map((token, i) => `${i}:${token}`).join(" ");
    return `# row ${r}\n${a}: ${numbered(a)}\n${b}: ${numbered(b)}\nS:\nP:\n`;
  });
  fs.writeFileSync(file, `# Word-alignment gold, ${a}–${b} (see README.md in this folder)\n\n${blocks.join("\n")}`);
  console.log(`wrote ${file}`);
}
