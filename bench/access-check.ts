/**
 * `npm run bench:access`: what the reading check costs, against a fresh embedded PostgreSQL — the live-update stream
 * runs it before every change it sends, so with N open streams one change costs N checks. Prints medians over many
 * calls next to a bare query round trip measured in the same run (the floor any check pays); asserts nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApiToken } from "../lib/db/api-tokens/api-tokens";
import { auth } from "../lib/db/auth/auth";
import { bootDatabase } from "../lib/db/boot";
import { db } from "../lib/db/client";
import { setReadingPublic } from "../lib/db/settings";
import { createUser } from "../lib/db/users/create-user";
import { readAccessOf } from "../lib/db/users/reading-access";
import { freePort } from "../test/global-setup";

const CALLS = 400;

async function median(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-access-"));
  fs.chmodSync(dir, 0o755);
  const database = await bootDatabase({ dataDir: dir, pgPort: await freePort(), seedDemo: false, log: () => undefined });
  try {
    process.env.DATABASE_URL = database.url;
    process.env.BETTER_AUTH_SECRET ??= database.authSecret;
    const user = await createUser(db(), { email: "bench@example.org", name: "Bench", role: "scholar", password: "a long enough password" });
    const token = (await createApiToken(db(), user.id, { name: "bench", scope: "read" })).token;
    const signedIn = await auth().handler(
      new Request("http://localhost/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost" },
        body: JSON.stringify({ email: "bench@example.org", password: "a long enough password" }),
      }),
    );
    const cookie = signedIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const floor = await median(() => db().$queryRaw`SELECT 1`);
    await setReadingPublic(true);
    const anonymous = await median(() => readAccessOf(new Headers()));
    const session = await median(() => readAccessOf(new Headers({ cookie })));
    const bearer = await median(() => readAccessOf(new Headers({ authorization: `Bearer ${token}` })));
    const rows = [
      ["bare query round trip (baseline)", floor],
      ["anonymous reader, reading public", anonymous],
      ["signed in with a session", session],
      ["API token", bearer],
    ] as const;
    console.log(`reading check, median of ${CALLS} calls (ms)`);
    for (const [label, ms] of rows) console.log(`  ${label.padEnd(36)} ${ms.toFixed(3)}  (${(ms / floor).toFixed(1)}× the baseline)`);
  } finally {
    await db().$disconnect();
    await database.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
