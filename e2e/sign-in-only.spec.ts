/**
 * Reading made sign-in only holds on every path, at the HTTP level and in Chromium: full page loads, React Server
 * Component requests (a client navigation's `RSC` and `Next-Router-State-Tree` headers), every read route the
 * OpenAPI document describes, exports, search and variants — none carries the work's text to an anonymous
 * client — and open live-update streams are closed when reading becomes sign-in only, when their user signs out
 * and when their user is disabled. This file switches the instance-wide setting, so its project runs after all
 * the others (playwright.config.ts).
 */
import { randomBytes } from "node:crypto";
import { openApiDocument } from "../lib/api/openapi";
import { createApiToken } from "../lib/db/api-tokens/api-tokens";
import { createUser } from "../lib/db/users/create-user";
import type { Db } from "../lib/db/client";
import { expect, test, userOf } from "./fixtures";
import { E2E_PASSWORD } from "./users";

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
const WORK = "/works/thirst-for-power";

test.describe.configure({ mode: "serial" });

const setReadingPublic = (db: Db, value: boolean) =>
  db.appSetting.upsert({ where: { key: "reading.public" }, create: { key: "reading.public", value }, update: { value } });

/** Texts that must never reach an anonymous client: the work's title and the first sentences of every edition. */
async function secrets(db: Db): Promise<string[]> {
  const segments = await db.segment.findMany({ where: { work: { slug: "thirst-for-power" }, position: { lte: 5000 } }, select: { text: true }, take: 40 });
  return ["Thirst for Power", "Жажда власти", ...segments.map((segment) => segment.text.slice(0, 40)).filter((text) => text.length >= 20)];
}

function leaks(body: string, texts: string[]): string[] {
  const unescaped = body.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\"/g, '"');
  return texts.filter((text) => unescaped.includes(text));
}

/** A Server-Sent Events stream read from Node, with its text so far and whether it has ended. */
async function openStream(headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE_URL}/api/works/thirst-for-power/grid/events`, { headers });
  const stream = { status: response.status, text: "", ended: false };
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        stream.text += decoder.decode(value);
      }
      stream.ended = true;
    })();
  } else stream.ended = true;
  return stream;
}

const notifyChange = (db: Db, workId: string, operationId: string) =>
  db.$executeRaw`SELECT pg_notify('hexapla_grid', ${JSON.stringify({ workId, version: 999, operationId, kind: "confirm", userId: null, userName: "Eda Editor", summary: "a secret correction reason" })})`;

async function sessionCookie(email: string): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE_URL },
    body: JSON.stringify({ email, password: E2E_PASSWORD }),
  });
  expect(response.status, `sign-in of ${email}`).toBe(200);
  return response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

test.afterEach(async ({ db }) => {
  await setReadingPublic(db, true);
});

test("an anonymous request gets no page, RSC payload or API answer that carries the work", async ({ page, request, db }) => {
  test.setTimeout(120_000);
  const texts = await secrets(db);
  const row = await db.alignmentRow.findFirstOrThrow({ where: { work: { slug: "thirst-for-power" } }, orderBy: { position: "asc" } });
  const segment = await db.segment.findFirstOrThrow({ where: { work: { slug: "thirst-for-power" } } });
  const pages = ["/", `${WORK}/compare`, `${WORK}/editions/ru`, `${WORK}/search?q=Stalin`, `${WORK}/variants`, `${WORK}/journal`, `${WORK}/align`, `${WORK}/alignment`, `${WORK}/export`, `${WORK}/diff/1`, `${WORK}/rows/${row.id}`];

  // A client navigation's React Server Component requests (prefetches and the navigation), captured while reading is public.
  const captured: { url: string; headers: Record<string, string> }[] = [];
  page.on("request", (r) => {
    if (r.headers()["rsc"] === "1") captured.push({ url: r.url(), headers: Object.fromEntries(Object.entries(r.headers()).filter(([name]) => name === "rsc" || name.startsWith("next-"))) });
  });
  await page.goto(`${WORK}/editions/en`);
  await page.getByRole("link", { name: "Compare with the other editions" }).click();
  await expect(page.locator(".grid-row").first()).toBeVisible();
  const navigation = captured.find((r) => r.headers["next-router-state-tree"] && !r.headers["next-router-prefetch"] && new URL(r.url).pathname === `${WORK}/compare`);
  expect(navigation, JSON.stringify(captured)).toBeTruthy();

  await setReadingPublic(db, false);
  for (const path of pages) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    expect(leaks(await response.text(), texts), path).toEqual([]);
    const asRsc = await request.get(path, { maxRedirects: 0, headers: { rsc: "1", "next-router-state-tree": navigation!.headers["next-router-state-tree"] } });
    expect(leaks(await asRsc.text(), texts), `${path} (RSC)`).toEqual([]);
  }
  for (const { url, headers } of captured) {
    const replayed = await request.get(url, { headers, maxRedirects: 0 });
    expect(leaks(await replayed.text(), texts), `${url} ${JSON.stringify(headers)}, replayed`).toEqual([]);
  }
  const replayed = await request.get(navigation!.url, { headers: navigation!.headers, maxRedirects: 0 });
  expect(await replayed.text(), "the captured navigation, replayed, redirects to sign in").toContain(`NEXT_REDIRECT;replace;/sign-in?next=${encodeURIComponent(`${WORK}/compare`)}`);

  // Every read the OpenAPI document describes, exports and variants included.
  const fill = { work: "thirst-for-power", edition: "ru", segment: segment.id, job: row.id, variant: row.id, kind: "work-json", all: "get-session" };
  const reads = Object.entries(openApiDocument().paths as Record<string, Record<string, { description?: string }>>)
    .filter(([, methods]) => methods.get?.description?.includes("Anyone while reading is public"))
    .map(([path]) => path.replace(/\{(\w+)\}/g, (_, name: keyof typeof fill) => fill[name]));
  expect(reads.length).toBeGreaterThan(12);
  const kinds = ["tei-edition?edition=ru", "tei-alignment", "tei-parallel", "tmx", "grid-csv", "grid-json", "variants-csv", "variants-json", "work-json"];
  for (const path of [...reads, ...kinds.map((kind) => `/api/works/thirst-for-power/export/${kind}`), "/api/works/thirst-for-power/search?q=Stalin", "/api/works/thirst-for-power/variants/export?format=csv"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(leaks(await response.text(), texts), path).toEqual([]);
  }

  // Signed in, the same reads work.
  const token = (await createApiToken(db, (await db.user.findUniqueOrThrow({ where: { email: userOf("scholar").email } })).id, { name: "e2e reader", scope: "read" })).token;
  for (const path of ["/api/works/thirst-for-power/rows?limit=5", "/api/works/thirst-for-power/export/tmx"]) {
    expect((await request.get(path, { headers: { authorization: `Bearer ${token}` } })).status(), path).toBe(200);
  }
});

test("a client navigation after reading became sign-in only lands on the sign-in page, with nothing of the work", async ({ page, db }) => {
  const texts = await secrets(db);
  await page.goto(`${WORK}/editions/en`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await setReadingPublic(db, false);
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().headers()["rsc"] === "1") bodies.push(response.text().catch(() => ""));
  });
  await page.getByRole("link", { name: "Compare with the other editions" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator(".grid-row")).toHaveCount(0);
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of await Promise.all(bodies)) expect(leaks(body, texts)).toEqual([]);
});

test("open live-update streams are closed when reading becomes sign-in only, on sign-out and when the user is disabled", async ({ db }) => {
  const work = await db.work.findUniqueOrThrow({ where: { slug: "thirst-for-power" } });
  const waitFor = async (stream: { text: string; ended: boolean }, what: (s: { text: string; ended: boolean }) => boolean, label: string) => {
    await expect.poll(() => what(stream), { message: label, timeout: 10_000 }).toBe(true);
  };

  // Anonymous, while reading is public: it hears changes, then is closed when reading becomes sign-in only.
  const anonymous = await openStream();
  expect(anonymous.status).toBe(200);
  await waitFor(anonymous, (s) => s.text.includes("event: ready"), "ready");
  await notifyChange(db, work.id, "before");
  await waitFor(anonymous, (s) => s.text.includes('"operationId":"before"'), "the change while public");
  await setReadingPublic(db, false);
  await waitFor(anonymous, (s) => s.ended, "closed when reading became sign-in only");
  expect(anonymous.text).toContain("event: denied");
  await notifyChange(db, work.id, "after");
  expect(anonymous.text).not.toContain('"operationId":"after"');
  expect((await openStream()).status).toBe(401);

  // A signed-in reader's stream ends when they sign out.
  const email = `reader-${randomBytes(4).toString("hex")}@e2e.test`;
  const reader = await createUser(db, { email, name: "Rea Reader", role: "scholar", password: E2E_PASSWORD });
  const cookie = await sessionCookie(email);
  const signedIn = await openStream({ cookie });
  await waitFor(signedIn, (s) => s.text.includes("event: ready"), "ready with a session");
  const signOut = await fetch(`${BASE_URL}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: BASE_URL, "content-type": "application/json" }, body: "{}" });
  expect(signOut.status).toBe(200);
  await waitFor(signedIn, (s) => s.ended, "closed on sign-out");
  expect(signedIn.text).toContain("event: denied");

  // A token's stream ends when an admin disables its user.
  const token = (await createApiToken(db, reader.id, { name: "stream", scope: "read" })).token;
  const scripted = await openStream({ authorization: `Bearer ${token}` });
  await waitFor(scripted, (s) => s.text.includes("event: ready"), "ready with a token");
  const admin = await db.user.findUniqueOrThrow({ where: { email: userOf("admin").email } });
  const adminToken = (await createApiToken(db, admin.id, { name: "e2e disable", scope: "admin" })).token;
  const disabled = await fetch(`${BASE_URL}/api/admin/users/${reader.id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ disabled: true }),
  });
  expect(disabled.status).toBe(200);
  await waitFor(scripted, (s) => s.ended, "closed when the user was disabled");
  await notifyChange(db, work.id, "disabled");
  expect(scripted.text).not.toContain('"operationId":"disabled"');
});
