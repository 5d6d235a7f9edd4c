/**
 * Requests bodies are bounded while they stream in — also when no Content-Length is sent — on the import routes,
 * a JSON route and the auth library's route: past the limit the answer is 413, the rest of the body is never read,
 * and nothing is written. An Origin that is `null` or not a URL is refused (403), not answered with a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../test/database";
import { createApiToken } from "../db/api-tokens/api-tokens";
import { demoCorpusDir } from "../db/boot";
import { seedDemo } from "../db/demo/seed-demo";
import { createUser } from "../db/users/create-user";
import { MAX_IMPORT_BYTES } from "../formats";

const BASE = "http://hexapla.test";
const MB = 1024 * 1024;
const PASSWORD = "a long enough password";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A body of `total` bytes that streams in 64 KB chunks without a Content-Length, counting what the server pulled. */
function streamed(total: number, chunk: (i: number) => string = () => "x"): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(64 * 1024, total - sent);
      controller.enqueue(new TextEncoder().encode(chunk(sent).repeat(size).slice(0, size)));
      sent += size;
    },
  });
  return { body, pulled: () => sent };
}

function post(url: string, headers: Record<string, string>, body: BodyInit | ReadableStream<Uint8Array>): Request {
  return new Request(`${BASE}${url}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

describe("request bodies and origins", () => {
  let database: TestDatabase;
  let editor: string;
  let importRoute: Handler;
  let worksRoute: Handler;
  let variantsRoute: Handler;
  let authRoute: (request: Request) => Promise<Response>;
  const work = { params: Promise.resolve({ work: "thirst-for-power" }) };

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789";
    await seedDemo(database.prisma, demoCorpusDir);
    const user = await createUser(database.prisma, { email: "eda@example.test", name: "Eda", role: "editor", password: PASSWORD });
    editor = (await createApiToken(database.prisma, user.id, { name: "tests" })).token;
    importRoute = (await import("@/app/api/works/[work]/import/route")).POST as Handler;
    worksRoute = (await import("@/app/api/works/route")).POST as unknown as Handler;
    variantsRoute = (await import("@/app/api/works/[work]/variants/route")).POST as Handler;
    authRoute = (await import("@/app/api/auth/[...all]/route")).POST;
  });
  afterAll(async () => {
    await database.drop();
  });

  it.each(["null", "not a url", "file:///etc/passwd"])("refuses an import with Origin %j as forbidden, not with a 500", async (origin) => {
    const headers = { origin, host: "hexapla.test", "content-type": "multipart/form-data; boundary=x" };
    for (const [route, context] of [
      [importRoute, work],
      [worksRoute, { params: Promise.resolve({}) }],
    ] as const) {
      const response = await route(post("/api/works/thirst-for-power/import", headers, "--x--"), context);
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
    }
  });

  it("refuses an import body streamed past the limit without Content-Length, reading no further, and writes nothing", async () => {
    const before = await tableContents(database.prisma);
    const stream = streamed(MAX_IMPORT_BYTES + 10 * MB);
    const response = await importRoute(
      post("/api/works/thirst-for-power/import", { authorization: `Bearer ${editor}`, "content-type": "multipart/form-data; boundary=x" }, stream.body),
      work,
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe("The file is larger than the import limit of 20.0 MB — split the work into smaller files.");
    expect(stream.pulled()).toBeLessThan(MAX_IMPORT_BYTES + 1 * MB);
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("refuses a JSON body streamed past 1 MB on a JSON route, reading no further", async () => {
    const before = await tableContents(database.prisma);
    const stream = streamed(8 * MB, () => " ");
    const response = await variantsRoute(post("/api/works/thirst-for-power/variants", { authorization: `Bearer ${editor}`, "content-type": "application/json" }, stream.body), work);
    expect(response.status).toBe(413);
    expect(stream.pulled()).toBeLessThan(2 * MB);
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("refuses an oversized body on the auth library's route, streamed or declared, and still signs in", async () => {
    const headers = { "content-type": "application/json", origin: BASE, host: "hexapla.test" };
    const stream = streamed(4 * MB, () => " ");
    const streamedResponse = await authRoute(post("/api/auth/sign-in/email", headers, stream.body));
    expect(streamedResponse.status).toBe(413);
    expect(stream.pulled()).toBeLessThan(1 * MB);
    const declared = await authRoute(post("/api/auth/sign-in/email", { ...headers, "content-length": String(100 * MB) }, "{}"));
    expect(declared.status).toBe(413);
    const signedIn = await authRoute(post("/api/auth/sign-in/email", headers, JSON.stringify({ email: "eda@example.test", password: PASSWORD })));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.getSetCookie().join(";")).toContain("session_token");
  });
});
