/**
 * `npm run bench:search`: word search on a generated 10,000-row work in English, Russian and Chinese (one sentence
 * per row and edition, bench/search/large-work.ts), in each script a common word (in about a quarter of the rows)
 * and a rare one (in every 997th), each figure beside two baselines measured in the same run: the same search on a
 * 100-row work of the same texts, and a plain substring scan (`LIKE '%word%'`, no index) of the large work's
 * segments. Medians of 7 runs after one warm-up; the full search (hits of all rows, the first 100 rows confirmed and
 * highlighted). Prints; asserts nothing.
 */
import { performance } from "node:perf_hooks";
import type { Db } from "../../lib/db/client";
import { createScholarWork } from "../../lib/db/search/scholar-work.fixtures";
import { searchWork } from "../../lib/db/search/search-work";
import { largeSentences, type LargeWorkLanguage } from "./large-work";
import { openBenchDatabase, runBench } from "../bench-database";

const LANGUAGES: LargeWorkLanguage[] = ["en", "ru", "zh"];
const QUERIES: { script: string; common: string; rare: string }[] = [
  { script: "Latin", common: "education", rare: "Kamenev" },
  { script: "Cyrillic", common: "образование", rare: "Каменев" },
  { script: "Chinese", common: "教育", rare: "加米涅夫" },
];
const RUNS = 7;

async function createWork(db: Db, slug: string, rows: number): Promise<string> {
  return createScholarWork(
    db,
    slug,
    LANGUAGES.map((language) => ({
      slug: language,
      language: language === "zh" ? "zh-Hans" : language,
      title: `${slug} (${language})`,
      original: language === "en",
      provenance: "published" as const,
      rows: largeSentences(language, rows),
    })),
  );
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

async function main() {
  const { db, close } = await openBenchDatabase("search", { seedDemo: false });
  try {
    const started = performance.now();
    const large = await createWork(db, "bench-search-large", 10_000);
    const small = await createWork(db, "bench-search-small", 100);
    await db.$executeRawUnsafe("ANALYZE segment");
    console.log(`search: a 10,000-row work in en, ru and zh (30,000 segments) and a 100-row one, imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const { script, common, rare } of QUERIES) {
      for (const query of [common, rare]) {
        const result = await searchWork(db, { workId: large, query });
        const time = await median(() => searchWork(db, { workId: large, query }));
        const smallTime = await median(() => searchWork(db, { workId: small, query }));
        const scan = await median(() => db.$queryRaw`SELECT count(*) FROM segment WHERE work_id = ${large}::uuid AND text ILIKE ${`%${query}%`}`);
        console.log(
          `  ${script} «${query}»: ${result.wordRows} rows with hits · ${time.toFixed(1)} ms ` +
            `(100-row work: ${smallTime.toFixed(1)} ms; substring scan without index: ${scan.toFixed(1)} ms)`,
        );
      }
    }
  } finally {
    await close();
  }
}

runBench(main);
