/**
 * `npm run bench:streams`: live-update streams against ordinary pages, on one `next start` (production build) and
 * a fresh embedded PostgreSQL. Measures, in one run, three pages (home, an edition, the compare view of two
 * editions) with no stream open — the baseline — and again with BENCH_STREAMS (500) anonymous streams open on
 * the demo work, the PostgreSQL connections the app holds in each case, how long one change takes to reach every
 * stream, and that a stream past the cap is refused (503 with Retry-After) rather than taking a connection.
 */
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { createApiToken } from "../lib/db/api-tokens/api-tokens";
import { createUser } from "../lib/db/users/create-user";
import { buildOnce, ms, percentile, startBenchApp } from "./app-server";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 500);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const EXTRA = 20;
const WORK = "thirst-for-power";

interface OpenStream {
  ready: Promise<void>;
  changes: number;
  onChange: (() => void) | null;
  status: number;
  close(): void;
}

/** One EventSource-like client on its own socket: resolves `ready` at the stream's `ready` event. */
function openStream(base: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}/api/works/${WORK}/grid/events`, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
      let markReady!: () => void;
      const stream: OpenStream = {
        ready: new Promise((r) => (markReady = r)),
        changes: 0,
        onChange: null,
        status: response.statusCode ?? 0,
        close: () => request.destroy(),
      };
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith("event: ready")) markReady();
          if (block.startsWith("event: change")) {
            stream.changes += 1;
            stream.onChange?.();
          }
        }
      });
      response.on("error", () => undefined);
      resolve(stream);
    });
    request.on("error", reject);
  });
}

async function pageTimes(base: string, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    const response = await fetch(`${base}${path}`);
    await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function connections(databaseUrl: string): Promise<{ total: number; listening: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ total: string; listening: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE application_name = 'hexapla-live') AS listening
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return { total: Number(rows[0].total), listening: Number(rows[0].listening) };
  } finally {
    await client.end();
  }
}

const PAGES = [
  ["home", "/"],
  ["edition en", `/works/${WORK}/editions/en`],
  ["compare ru,en", `/works/${WORK}/compare?editions=ru,en`],
] as const;

async function measurePages(base: string): Promise<Map<string, number[]>> {
  const result = new Map<string, number[]>();
  for (const [name, path] of PAGES) result.set(name, await pageTimes(base, path));
  return result;
}

async function main() {
  buildOnce();
  const app = await startBenchApp();
  const open: OpenStream[] = [];
  try {
    const base = await app.startServer({ HEXAPLA_STREAMS_MAX: String(STREAMS * 2), HEXAPLA_STREAMS_ANONYMOUS: String(STREAMS) });
    for (const [, path] of PAGES) await pageTimes(base, path); // warm-up
    const before = await measurePages(base);
    const idle = await connections(app.databaseUrl);

    const opening = performance.now();
    for (let i = 0; i < STREAMS; i += 50) open.push(...(await Promise.all(Array.from({ length: Math.min(50, STREAMS - i) }, () => openStream(base)))));
    await Promise.all(open.map((stream) => stream.ready));
    const openSeconds = (performance.now() - opening) / 1000;
    const refused = await Promise.all(Array.from({ length: EXTRA }, () => openStream(base)));
    const refusedStatuses = refused.map((stream) => stream.status);
    for (const stream of refused) stream.close();
    const busy = await connections(app.databaseUrl);
    const during = await measurePages(base);

    const prisma = createPrismaClient(app.databaseUrl);
    const editor = await createUser(prisma, { email: "bench-editor@example.test", name: "Bench Editor", role: "editor", password: "bench-password-0123456789" });
    const token = (await createApiToken(prisma, editor.id, { name: "bench" })).token;
    const row = await prisma.alignmentRow.findFirstOrThrow({ where: { work: { slug: WORK } }, orderBy: { position: "asc" } });
    const { gridVersion } = await prisma.work.findUniqueOrThrow({ where: { slug: WORK } });
    await prisma.$disconnect();
    const heard = Promise.all(open.map((stream) => new Promise<number>((resolve) => (stream.onChange = () => resolve(performance.now())))));
    const sent = performance.now();
    const response = await fetch(`${base}/api/works/${WORK}/grid/operations`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ op: { type: "setStatus", rowId: row.id, status: "confirmed" }, baseVersion: gridVersion }),
    });
    if (!response.ok) throw new Error(`the change was refused: HTTP ${response.status} ${await response.text()}`);
    const answered = performance.now() - sent;
    const arrivals = (await heard).map((at) => at - sent).sort((a, b) => a - b);
    for (const stream of open) stream.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await measurePages(base);
    const closed = await connections(app.databaseUrl);

    console.log(`live-update streams: ${STREAMS} anonymous streams on the demo work, one next start, ${REQUESTS} sequential requests per page`);
    console.log(`  opened ${STREAMS} streams (each to its ready event) in ${openSeconds.toFixed(1)} s`);
    console.log(`  PostgreSQL connections of the app: ${idle.total} with no stream open, ${busy.total} with ${STREAMS} open (of which listening: ${idle.listening} → ${busy.listening}), ${closed.total} after closing them`);
    console.log(`  ${EXTRA} more streams past the cap (HEXAPLA_STREAMS_ANONYMOUS=${STREAMS}): ${refusedStatuses.filter((s) => s === 503).length} refused with 503, ${refusedStatuses.filter((s) => s === 200).length} admitted`);
    console.log(`  page time, median / p95 (baseline: no stream open, before and after, same server, same run):`);
    const cell = (times: number[]) => `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))}`.padEnd(22);
    for (const [name] of PAGES) {
      console.log(`    ${name.padEnd(14)} 0 streams: ${cell(before.get(name)!)} ${STREAMS} streams: ${cell(during.get(name)!)} 0 again: ${cell(after.get(name)!)}`);
    }
    console.log(`  one grid change through the API: its answer took ${ms(answered)}; every one of the ${STREAMS} streams had heard of it ${ms(arrivals.at(-1)!)} after it was sent (median ${ms(percentile(arrivals, 50))})`);
    console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at the end; the database, the app and these clients on one machine)`);
  } finally {
    for (const stream of open) stream.close();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
