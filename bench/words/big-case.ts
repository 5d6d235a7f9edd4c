/**
 * One speed-and-memory case of bench:words in a process of its own, so that its peak RSS is its own (not the
 * accuracy runs' before it): the demo's rows repeated to `rows` rows, dictionaries and triangulation on; five
 * editions and all 10 pairs, or `editions` editions (the demo's five languages again, as further editions) and the
 * pairs the product aligns for them (every pair up to MAX_ALL_PAIRS editions, else each with the first). Prints one
 * JSON line: seconds, cpuSeconds, peakMB, baseMB (RSS before aligning: Node, the modules, the texts), pairs.
 * MAX_THIRDS sets the aligner's maxThirds (default: the aligner's own).
 */
import { alignWordsNWay, MAX_ALL_PAIRS, type PairRequest } from "../../lib/alignment/words/align-words";
import { lexiconFor } from "../../lib/alignment/words/lexicon-sources";
import { demoRows } from "./demo-rows";

const count = Number(process.argv[2] ?? 2000);
const editionCount = Number(process.argv[3] ?? 5);
const demo = await demoRows();
const times = Math.ceil(count / demo.rows.length);
const rows = Array.from({ length: times }, () => demo.rows).flat().slice(0, count);
const editions = Array.from({ length: editionCount }, (_, e) => {
  const lang = demo.languages[e % demo.languages.length];
  return { id: `${lang}${Math.floor(e / demo.languages.length) || ""}`, language: lang, rows: rows.map((row) => row[lang]) };
});
const pairs: PairRequest[] | undefined =
  editionCount <= MAX_ALL_PAIRS ? undefined : editions.slice(1).map((edition) => ({ a: editions[0].id, b: edition.id }));
const base = process.memoryUsage().rss;
let peak = base;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
const cpu = process.cpuUsage();
const started = performance.now();
await alignWordsNWay({
  editions,
  pairs,
  options: process.env.MAX_THIRDS ? { maxThirds: Number(process.env.MAX_THIRDS) } : undefined,
  lexicon: (langA, langB, vocabularyA, vocabularyB) => lexiconFor({ langA, langB, vocabularyA, vocabularyB }),
  onPair: () => new Promise((resolve) => setImmediate(resolve)),
});
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakMB: peak / 2 ** 20, baseMB: base / 2 ** 20, times, pairs: pairs?.length ?? (editionCount * (editionCount - 1)) / 2 }));
