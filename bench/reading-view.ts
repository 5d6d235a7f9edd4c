/**
 * `npm run bench:reading`: the compare view of the demo chapter as a phone (390 × 844, touch) and a laptop
 * (1440 × 900) load it in Chromium, against a production build made first (set BENCH_SKIP_BUILD=1 to measure the
 * existing build) on a fresh embedded PostgreSQL. For five and for two editions it prints the HTML's size (as sent,
 * compressed, and decoded), the server's time (request to first byte, and to the last byte of the HTML, median of
 * warm loads, the two screens taking turns) and whether anything overflows the screen sideways; the laptop figures of
 * the same run are the baseline. The layout is CSS only, so both receive the same document: the figures differ only by noise.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { freePort } from "../test/global-setup";

const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
const screens = [
  { name: "phone 390×844", viewport: { width: 390, height: 844 }, hasTouch: true },
  { name: "laptop 1440×900 (baseline)", viewport: { width: 1440, height: 900 }, hasTouch: false },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Figures {
  firstByte: number[];
  lastByte: number[];
  encoded: number;
  decoded: number;
  overflow: number;
}

/** Loads the page on every screen in turn, `LOADS` times after two warm-up rounds, so that both meet the same load. */
async function measure(browser: Browser, url: string): Promise<Figures[]> {
  const pages = await Promise.all(screens.map((screen) => browser.newContext({ viewport: screen.viewport, hasTouch: screen.hasTouch }).then((context) => context.newPage())));
  const figures: Figures[] = screens.map(() => ({ firstByte: [], lastByte: [], encoded: 0, decoded: 0, overflow: 0 }));
  for (let round = 0; round < LOADS + 2; round++) {
    for (const [index, page] of pages.entries()) {
      await page.goto(url, { waitUntil: "load" });
      const timing = await page.evaluate(() => {
        const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
        return {
          firstByte: entry.responseStart - entry.requestStart,
          lastByte: entry.responseEnd - entry.requestStart,
          encoded: entry.encodedBodySize,
          decoded: entry.decodedBodySize,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      if (round < 2) continue;
      const own = figures[index];
      own.firstByte.push(timing.firstByte);
      own.lastByte.push(timing.lastByte);
      own.encoded = timing.encoded;
      own.decoded = timing.decoded;
      own.overflow = Math.max(own.overflow, timing.overflow);
    }
  }
  await Promise.all(pages.map((page) => page.context().close()));
  return figures;
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: projectRoot, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-"));
  fs.chmodSync(dataDir, 0o755);
  const database = await bootDatabase({ dataDir, pgPort: await freePort(), seedDemo: true, log: () => undefined });
  const port = await freePort();
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: database.authSecret, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => fs.existsSync(candidate));
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (let attempt = 0; ; attempt++) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then((response) => response.ok, () => false);
      if (ok) break;
      if (attempt > 600) throw new Error("the app did not start");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`compare view of the demo chapter, ${LOADS} warm loads per line (median), Chromium, next start on this machine`);
    for (const editions of ["ru,fr,es,it,en", "ru,en"]) {
      const url = `http://127.0.0.1:${port}/works/thirst-for-power/compare?editions=${editions}`;
      console.log(`  editions=${editions}`);
      const figures = await measure(browser, url);
      for (const [index, screen] of screens.entries()) {
        const { firstByte, lastByte, encoded, decoded, overflow } = figures[index];
        console.log(
          `    ${screen.name.padEnd(27)} HTML ${(decoded / 1024).toFixed(0)} KiB (${(encoded / 1024).toFixed(0)} KiB sent)  ` +
            `server: first byte ${median(firstByte).toFixed(0)} ms, whole HTML ${median(lastByte).toFixed(0)} ms  sideways overflow ${overflow} px`,
        );
      }
    }
    console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at the end)`);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
