/**
 * `npm run bench:load`: BENCH_EDITORS (20) editors at once for BENCH_SECONDS (60) on one work of 300 rows × 3
 * editions, through HTTP against `next start` (production build) on a fresh embedded PostgreSQL — half signed in
 * with a session cookie, half with an API token — each sending random grid operations and text corrections as fast
 * as answers come (test/load/editors.ts), most of them on the same 30 rows; then 50 races of two identical writes
 * on the same base version. Prints throughput, p50/p99 latency, accepted / refused (409) / not applicable (422) /
 * 5xx counts, and checks the grid invariant, one journal entry per accepted write and no lost update; exits 1
 * when a check fails. The baseline: the same server's answer to a read of the grid (GET …/grid/changes) alone,
 * before the load and during it.
 * Then readers beside editors: BENCH_READERS (8) readers loading the work's compare pages (both pages, three
 * editions) for BENCH_READ_SECONDS (20) alone — the baseline — and again while 2 editors write grid operations and
 * text corrections through the same routes: the compare view's p50/p99, pages per second, the editors' writes, and
 * 5xx counts (any 5xx fails the run, as does a broken check of the editors' writes). This runs twice: against the
 * server as configured (HEXAPLA_PAGE_RENDERS pages rendered at once), and, as the baseline for the editors' write
 * latency, against a second server on the same database that renders every page at once (HEXAPLA_PAGE_RENDERS=1000).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createApiToken } from "../lib/db/api-tokens/api-tokens";
import { createPrismaClient, type Db } from "../lib/db/client";
import { createWork, gridVersionOf, oneToOneSpec } from "../lib/db/grid/grid.fixtures";
import { createUser } from "../lib/db/users/create-user";
import { readEnv } from "../lib/env";
import { checkLoad, runEditors, type Send, type WriteRecord } from "../test/load/editors";
import { buildOnce, ms, percentile, startBenchApp } from "./app-server";
import { failedReads, runReaders, type ReadResult } from "./readers";

const EDITORS = Number(process.env.BENCH_EDITORS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const READERS = Number(process.env.BENCH_READERS ?? 8);
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 20);
const READING_EDITORS = 2;
const SLUG = "load";
const PASSWORD = "bench-password-0123456789";

async function sessionCookie(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email}: HTTP ${response.status}`);
  return response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

async function readTimes(base: string, headers: Record<string, string>, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const response = await fetch(`${base}/api/works/${SLUG}/grid/changes?since=0`, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const latency = (times: number[]) => (times.length ? `p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}  max ${ms(times.at(-1)!)}` : "none");

const pages = (result: ReadResult) =>
  `${result.times.length} pages (${(result.times.length / result.seconds).toFixed(1)}/s), p50 ${ms(percentile(result.times, 50))}  p99 ${ms(percentile(result.times, 99))}  max ${ms(result.times.at(-1) ?? 0)}, 5xx or no answer ${failedReads(result)}`;

/** READERS readers of the compare view alone, then beside two editors writing; returns the failures. */
async function readersBesideEditors(label: string, base: string, prisma: Db, workId: string, send: Send, editors: Record<string, string>[]): Promise<string[]> {
  const urls = [1, 2].map((page) => `${base}/works/${SLUG}/compare?editions=ru,fr,en&page=${page}`);
  await runReaders(urls, 2, 2_000);
  const alone = await runReaders(urls, READERS, READ_SECONDS * 1000);
  const before = await gridVersionOf(prisma, workId);
  const [busy, written] = await Promise.all([
    runReaders(urls, READERS, READ_SECONDS * 1000),
    runEditors({ send, work: SLUG, editors, durationMs: READ_SECONDS * 1000, hotRows: 30, seed: 1948 }),
  ]);
  const check = await checkLoad(prisma, workId, before, written.writes);
  const writes = written.writes.map((write) => write.ms).sort((a, b) => a - b);
  const status = (test: (status: number) => boolean) => written.writes.filter((write) => test(write.status)).length;
  console.log(`readers beside editors, ${label}: ${READERS} readers of the compare view (300 rows × 3 editions, pages of 200 rows, both pages in turn), ${READ_SECONDS} s each way`);
  console.log(`  baseline, the readers alone:            ${pages(alone)}`);
  console.log(`  with ${editors.length} editors writing at once:      ${pages(busy)}`);
  console.log(
    `  the editors: ${writes.length} writes (${(writes.length / written.seconds).toFixed(1)}/s), accepted ${status((s) => s === 200)}, 409 ${status((s) => s === 409)}, 422 ${status((s) => s === 422)}, 5xx ${status((s) => s >= 500)}, latency p50 ${ms(percentile(writes, 50))}  p99 ${ms(percentile(writes, 99))}`,
  );
  console.log(`  checks: grid invariant ${check.gridProblems.length ? "BROKEN" : "holds"}; journal ${check.journalEntries} entries for ${check.accepted} accepted writes`);
  console.log(`  (load average ${os.loadavg()[0].toFixed(1)} at the end)`);
  return [
    failedReads(alone) + failedReads(busy) ? `${label}: ${failedReads(alone) + failedReads(busy)} compare pages answered 5xx or not at all` : null,
    status((s) => s >= 500) ? `${label}: ${status((s) => s >= 500)} writes beside the readers answered 5xx` : null,
    check.gridProblems.length ? `${label}: grid invariant beside the readers: ${JSON.stringify(check.gridProblems.slice(0, 3))}` : null,
    check.journalEntries !== check.accepted ? `${label}: journal beside the readers: ${check.journalEntries} entries for ${check.accepted} accepted writes` : null,
  ].filter((line): line is string => line !== null);
}

async function main() {
  buildOnce();
  const app = await startBenchApp();
  try {
    const prisma = createPrismaClient(app.databaseUrl);
    const work = await createWork(prisma, oneToOneSpec(SLUG, ["ru", "fr", "en"], 300));
    const base = await app.startServer();
    const editors: Record<string, string>[] = [];
    for (let i = 0; i < EDITORS; i++) {
      const email = `editor${i + 1}@load.example`;
      const user = await createUser(prisma, { email, name: `Editor ${i + 1}`, role: "editor", password: PASSWORD });
      editors.push(i % 2 === 0 ? { cookie: await sessionCookie(base, email) } : { authorization: `Bearer ${(await createApiToken(prisma, user.id, { name: "load" })).token}` });
    }
    const send = (method: Parameters<Send>[0], path: string, headers: Record<string, string>, body?: unknown, server = base) =>
      fetch(`${server}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }), origin: server }, body: body === undefined ? undefined : JSON.stringify(body) });

    await readTimes(base, editors[1], 5);
    const quiet = await readTimes(base, editors[1], 30);
    const before = await gridVersionOf(prisma, work.workId);
    let busyReads: number[] = [];
    const reading = (async () => {
      await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 3));
      busyReads = await readTimes(base, editors[1], 30);
    })();
    const result = await runEditors({ send, work: SLUG, editors, durationMs: SECONDS * 1000, hotRows: 30, races: 50 });
    await reading;
    const check = await checkLoad(prisma, work.workId, before, result.writes);

    const main = result.writes.filter((write) => !write.kind.startsWith("race:"));
    const count = (writes: WriteRecord[], test: (status: number) => boolean) => writes.filter((write) => test(write.status)).length;
    const all = main.map((write) => write.ms).sort((a, b) => a - b);
    const acceptedTimes = main.filter((write) => write.status === 200).map((write) => write.ms).sort((a, b) => a - b);
    const kinds = new Map<string, [number, number]>();
    for (const write of main) {
      const [ok, total] = kinds.get(write.kind) ?? [0, 0];
      kinds.set(write.kind, [ok + (write.status === 200 ? 1 : 0), total + 1]);
    }
    console.log(`load: ${EDITORS} editors (${Math.ceil(EDITORS / 2)} with a session, ${Math.floor(EDITORS / 2)} with an API token), ${result.seconds.toFixed(1)} s, one work of 300 rows × 3 editions, 70 % of writes on 30 rows`);
    console.log(`  writes: ${main.length} (${(main.length / result.seconds).toFixed(1)}/s), ${result.requests} HTTP requests in all with the editors' reads (${(result.requests / result.seconds).toFixed(1)}/s)`);
    console.log(`    accepted ${count(main, (s) => s === 200)} (${(count(main, (s) => s === 200) / result.seconds).toFixed(1)}/s), refused as stale 409 ${count(main, (s) => s === 409)}, not applicable 422 ${count(main, (s) => s === 422)}, 5xx ${count(main, (s) => s >= 500)}, other ${count(main, (s) => ![200, 409, 422].includes(s) && s < 500)}`);
    console.log(`    by kind (accepted/sent): ${[...kinds].map(([kind, [ok, total]]) => `${kind} ${ok}/${total}`).join(", ")}`);
    console.log(`  write latency, every write: ${latency(all)}`);
    console.log(`  write latency, accepted:    ${latency(acceptedTimes)}`);
    console.log(`  baseline, a read of the whole grid (GET grid/changes?since=0), sequential: alone ${latency(quiet)}; during the load ${latency(busyReads)}`);
    console.log(`  races (two identical writes on the same row and base version at once): ${result.races.pairs} pairs, both accepted ${result.races.bothAccepted}, one ${result.races.oneAccepted}, none ${result.races.noneAccepted}`);
    const failures: string[] = [
      check.gridProblems.length ? `grid invariant: ${JSON.stringify(check.gridProblems.slice(0, 3))}` : null,
      check.journalEntries !== check.accepted || check.unjournalled || check.unexplained
        ? `journal: ${check.journalEntries} entries for ${check.accepted} accepted writes (${check.unjournalled} accepted without an entry, ${check.unexplained} entries unexplained)`
        : null,
      check.conflictingPairs ? `${check.conflictingPairs} pairs of accepted writes on the same base version touched the same rows` : null,
      result.races.bothAccepted ? `${result.races.bothAccepted} races accepted both writes` : null,
      count(result.writes, (s) => s >= 500) ? `${count(result.writes, (s) => s >= 500)} answers were 5xx` : null,
    ].filter((line): line is string => line !== null);
    console.log(`  checks: grid invariant ${check.gridProblems.length ? "BROKEN" : "holds"}; journal ${check.journalEntries} entries for ${check.accepted} accepted writes (races included); accepted writes sharing a base version: ${check.sameBasePairs} pairs, touching the same rows: ${check.conflictingPairs}`);
    console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at the end; the database, one next start and the editors on one machine)`);

    const renders = readEnv().HEXAPLA_PAGE_RENDERS;
    failures.push(...(await readersBesideEditors(`${renders} page${renders === 1 ? "" : "s"} rendered at once (HEXAPLA_PAGE_RENDERS)`, base, prisma, work.workId, send, editors.slice(0, READING_EDITORS))));
    const unlimited = await app.startServer({ HEXAPLA_PAGE_RENDERS: "1000" });
    const sendUnlimited: Send = (method, path, headers, body) => send(method, path, headers, body, unlimited);
    failures.push(...(await readersBesideEditors("baseline, every page rendered at once (HEXAPLA_PAGE_RENDERS=1000)", unlimited, prisma, work.workId, sendUnlimited, editors.slice(0, READING_EDITORS))));
    await prisma.$disconnect();
    if (failures.length) {
      console.error(`FAILED:\n  ${failures.join("\n  ")}`);
      process.exitCode = 1;
    }
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
