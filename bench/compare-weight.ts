/**
 * `npm run bench:compare-weight`: how heavy and how fast the compare view is, for this checkout and (with
 * BENCH_BASELINE_TREE=<a built checkout, e.g. a worktree of main>) for a baseline measured in the same run, each
 * on its own fresh embedded PostgreSQL with the demo chapter and a 5× longer copy of it (a five-edition work of more
 * than 200 rows, word-aligned). Requests to the two servers take turns, so both meet the same load.
 *
 * Figures:
 * - HTML bytes: the document as sent before compression (UTF-8 bytes), split into the React Server Components
 *   payload (`self.__next_f.push` scripts) and the rest;
 * - visible text: `document.body.innerText` in Chromium (1440 × 900) as UTF-8 bytes — what a reader sees, controls
 *   included; and, beside it, the text content of the served HTML without scripts and styles;
 * - the ratio HTML bytes / visible-text bytes (the goal is ≤ 2);
 * - server time: request to the last byte of the HTML over loopback, warm, sequential, median and p90; and the
 *   first request a fresh server answers.
 * This checkout is built first unless BENCH_SKIP_BUILD=1; the baseline tree must already be built.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Browser } from "@playwright/test";
import { bootDatabase, demoCorpusDir, projectRoot, type BootedDatabase } from "../lib/db/boot";
import { createPrismaClient } from "../lib/db/client";
import { DEMO_EDITION_FILES, seedDemo } from "../lib/db/demo/seed-demo";
import { freePort } from "../test/global-setup";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARMUP = 5;
const LONG_WORK = "thirst-for-power-x5";

interface Tree {
  name: string;
  dir: string;
  database: BootedDatabase;
  dataDir: string;
  server: ChildProcess;
  port: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const utf8 = (text: string) => Buffer.byteLength(text, "utf8");

/** The demo chapter five times over, each copy with its own block labels, as a second work. */
function longCorpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-corpus-"));
  for (const name of DEMO_EDITION_FILES) {
    const source = fs.readFileSync(path.join(demoCorpusDir, name), "utf8");
    const end = source.indexOf("\n---\n", 4) + 5;
    const head = source
      .slice(0, end)
      .replace(/^work: .*$/m, `work: ${LONG_WORK}`)
      .replace(/^work-title: .*$/m, "work-title: Thirst for Power, five times")
      .replace(/^(apparatus|corrections): .*\n/gm, "");
    const body = source.slice(end).replace(/\[\^\w+\]/g, "");
    const copies = [1, 2, 3, 4, 5].map((copy) => body.replace(/\{[#.][^}]*\}/g, (group) => group.replace(/#([\w-]+)/g, `#$1-c${copy}`)));
    fs.writeFileSync(path.join(dir, name), `${head}${copies.join("\n\n")}`);
  }
  return dir;
}

async function startTree(name: string, dir: string, corpus: string): Promise<Tree> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-weight-"));
  fs.chmodSync(dataDir, 0o755);
  const database = await bootDatabase({ dataDir, pgPort: await freePort(), seedDemo: true, log: () => undefined });
  const db = createPrismaClient(database.url);
  try {
    await seedDemo(db, corpus);
  } catch (error) {
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    await db.$disconnect();
  }
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: database.authSecret, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (let attempt = 0; ; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) break;
    if (attempt > 600) throw new Error(`${name}: the app did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name, dir, database, dataDir, server, port };
}

async function stopTree(tree: Tree) {
  tree.server.kill("SIGTERM");
  await new Promise((resolve) => tree.server.once("exit", resolve));
  await tree.database.stop();
  fs.rmSync(tree.dataDir, { recursive: true, force: true });
}

async function fetchPage(url: string): Promise<{ ms: number; html: string }> {
  const start = performance.now();
  const response = await fetch(url);
  const html = await response.text();
  const ms = performance.now() - start;
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return { ms, html };
}

interface Weight {
  html: number;
  flight: number;
  servedText: number;
  visibleText: number;
  visibleChars: number;
  rows: number;
}

/** The text a parser would take from the served HTML: no scripts, styles or tags; entities decoded. */
function servedText(html: string): string {
  const body = html.slice(html.indexOf("<body"));
  return body
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (entity, code: string) => {
      if (code[0] === "#") return String.fromCodePoint(code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
      return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" } as Record<string, string>)[code] ?? entity;
    });
}

async function weigh(browser: Browser, url: string, html: string): Promise<Weight> {
  const flight = (html.match(/<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g) ?? []).reduce((sum, script) => sum + utf8(script), 0);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(url, { waitUntil: "load" });
    const text = await page.evaluate(() => document.body.innerText);
    return { html: utf8(html), flight, servedText: utf8(servedText(html)), visibleText: utf8(text), visibleChars: text.length, rows: html.match(/class="grid-row"/g)?.length ?? 0 };
  } finally {
    await page.close();
  }
}

function weightLine(weight: Weight): string {
  return (
    `HTML ${kib(weight.html)} (RSC payload ${kib(weight.flight)}, the rest ${kib(weight.html - weight.flight)}) · ` +
    `visible text ${kib(weight.visibleText)} (${weight.visibleChars.toLocaleString("en")} chars; served HTML's text ${kib(weight.servedText)}) · ` +
    `HTML / visible text ${(weight.html / weight.visibleText).toFixed(2)}×`
  );
}

/** Warm sequential requests, the trees taking turns request by request. */
async function timings(trees: Tree[], pathOf: string): Promise<number[][]> {
  const times = trees.map(() => [] as number[]);
  for (let round = 0; round < WARMUP + REQUESTS; round++) {
    for (const [index, tree] of trees.entries()) {
      const { ms } = await fetchPage(`http://127.0.0.1:${tree.port}${pathOf}`);
      if (round >= WARMUP) times[index].push(ms);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b));
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: projectRoot,
      stdio: "ignore",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const corpus = longCorpus();
  const baselineDir = process.env.BENCH_BASELINE_TREE;
  const trees: Tree[] = [];
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => fs.existsSync(candidate));
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    trees.push(await startTree("this checkout", projectRoot, corpus));
    if (baselineDir) {
      const commit = spawnSync("git", ["log", "-n1", "--format=%h %s"], { cwd: baselineDir, encoding: "utf8" }).stdout.trim();
      trees.push(await startTree(`baseline ${commit.slice(0, 70)}`, path.resolve(baselineDir), corpus));
    } else console.log("(no baseline: set BENCH_BASELINE_TREE to a built checkout to measure one in the same run)");

    const demo = "/works/thirst-for-power/compare";
    const long = `/works/${LONG_WORK}/compare`;
    console.log(`compare view, as it opens by default (five editions, word links and word differences on); ${REQUESTS} warm requests per figure`);
    for (const tree of trees) {
      const first = await fetchPage(`http://127.0.0.1:${tree.port}${demo}`);
      const firstLong = await fetchPage(`http://127.0.0.1:${tree.port}${long}`);
      console.log(`  ${tree.name}:`);
      console.log(`    first request of a fresh server: demo ${first.ms.toFixed(0)} ms, ${kib(utf8(first.html))}; the ${LONG_WORK} page ${firstLong.ms.toFixed(0)} ms, ${kib(utf8(firstLong.html))}`);
      const warm = await fetchPage(`http://127.0.0.1:${tree.port}${demo}`);
      const warmLong = await fetchPage(`http://127.0.0.1:${tree.port}${long}`);
      if (process.env.BENCH_SAVE_DIR) {
        fs.writeFileSync(path.join(process.env.BENCH_SAVE_DIR, `${tree.name.split(" ")[0]}-demo.html`), warm.html);
        fs.writeFileSync(path.join(process.env.BENCH_SAVE_DIR, `${tree.name.split(" ")[0]}-long.html`), warmLong.html);
      }
      const demoWeight = await weigh(browser, `http://127.0.0.1:${tree.port}${demo}`, warm.html);
      const longWeight = await weigh(browser, `http://127.0.0.1:${tree.port}${long}`, warmLong.html);
      console.log(`    demo chapter, ${demoWeight.rows} rows: ${weightLine(demoWeight)}`);
      console.log(`    ${LONG_WORK}, page 1, ${longWeight.rows} rows: ${weightLine(longWeight)}`);
    }
    for (const [label, pathOf] of [
      ["demo chapter", demo],
      [`${LONG_WORK}, a 200-row page`, long],
    ] as const) {
      const times = await timings(trees, pathOf);
      console.log(`  server time, ${label} (request to last byte, warm, sequential, trees taking turns):`);
      for (const [index, tree] of trees.entries()) {
        console.log(`    ${tree.name.padEnd(24)} median ${percentile(times[index], 50).toFixed(1)} ms  p90 ${percentile(times[index], 90).toFixed(1)} ms`);
      }
    }
    console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")} at the end; the databases on the same machine)`);
  } finally {
    await browser.close();
    for (const tree of trees) await stopTree(tree);
    fs.rmSync(corpus, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
