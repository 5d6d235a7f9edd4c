import { alignWordsNWay, pairKey, type NWayOptions } from "../../../lib/alignment/words/align-words";
import { lexiconFor } from "../../../lib/alignment/words/lexicon-sources";
import type { WordLink } from "../../../lib/alignment/words/symmetrise";
import { demoRows } from "../demo-rows";
import { GOLD_PAIRS, readGold, type GoldRow } from "../gold-format";

function score(predicted: WordLink[][], gold: GoldRow[]) {
  let a = 0, s = 0, aS = 0, aP = 0;
  for (const row of gold) {
    const links = predicted[row.row] ?? [];
    a += links.length; s += row.sure.size;
    for (const link of links) { const key = `${link.a}-${link.b}`; if (row.sure.has(key)) aS++; if (row.possible.has(key)) aP++; }
  }
  return { p: aP / a, r: aS / s, aer: 1 - (aS + aP) / (a + s) };
}
const demo = await demoRows();
const editions = demo.languages.map((lang) => ({ id: lang, language: lang, rows: demo.rows.map((row) => row[lang]) }));
const opts: NWayOptions = JSON.parse(process.argv[2] ?? "{}");
for (const dictionaries of (process.argv[3] === "both" ? [false, true] : process.argv[3] === "dict" ? [true] : [false])) {
  const t = performance.now();
  const result = await alignWordsNWay({ editions, pairs: GOLD_PAIRS.map(([a, b]) => ({ a, b })), lexicon: (langA, langB, va, vb) => lexiconFor({ langA, langB, vocabularyA: va, vocabularyB: vb, dictionaries }), options: opts });
  const line: string[] = [];
  let sum = 0;
  for (const [a, b] of GOLD_PAIRS) {
    const s = score(result.get(pairKey(a, b))!, readGold(a, b));
    sum += s.aer;
    line.push(`${a}-${b} ${s.p.toFixed(3)}/${s.r.toFixed(3)}/${s.aer.toFixed(3)}`);
  }
  console.log(`${dictionaries ? "dict " : "nodict"} mean ${(sum / GOLD_PAIRS.length).toFixed(3)} | ${line.join(" | ")} (${((performance.now() - t) / 1000).toFixed(1)}s)`);
}
