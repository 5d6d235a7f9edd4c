import { alignWordsNWay, pairKey } from "../../../lib/alignment/words/align-words";
import { lexiconFor } from "../../../lib/alignment/words/lexicon-sources";
import { demoRows } from "../demo-rows";
import { readGold } from "../gold-format";
const [a, b] = [process.argv[2] ?? "ru", process.argv[3] ?? "en"];
const demo = await demoRows();
console.log("rows", demo.rows.length);
const editions = demo.languages.map((lang) => ({ id: lang, language: lang, rows: demo.rows.map((row) => row[lang]) }));
const result = await alignWordsNWay({ editions, pairs: [{ a, b }], lexicon: (langA, langB, va, vb) => lexiconFor({ langA, langB, vocabularyA: va, vocabularyB: vb, dictionaries: process.env.DICT === "1" }), options: JSON.parse(process.env.OPTS ?? "{}") });
const links = result.get(pairKey(a, b))!;
const missed = new Map<string, number>(); const wrong = new Map<string, number>();
for (const row of readGold(a, b)) {
  const got = new Set(links[row.row].map((l) => `${l.a}-${l.b}`));
  for (const k of row.sure) if (!got.has(k)) { const [i, j] = k.split("-").map(Number); const w = `${row.a[i]}~${row.b[j]}`; missed.set(w, (missed.get(w) ?? 0) + 1); }
  for (const l of links[row.row]) { const k = `${l.a}-${l.b}`; if (!row.possible.has(k)) { const w = `${row.a[l.a]}~${row.b[l.b]}(${l.p})`; wrong.set(w, (wrong.get(w) ?? 0) + 1); } }
}
console.log("MISSED sure:", missed.size, [...missed.keys()].join("  "));
console.log("\nWRONG:", wrong.size, [...wrong.keys()].join("  "));
