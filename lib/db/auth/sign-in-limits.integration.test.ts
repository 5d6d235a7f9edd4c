/**
 * Sign-in limits through the real route handler (app/api/auth/[...all]/route.ts) and a real database: per client
 * address only from the header the deployment trusts (here x-real-ip), so forged X-Forwarded-For values change
 * nothing; and per account with back-off, whatever address the attempts come from.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createUser } from "../users/create-user";

const PASSWORD = "a long enough password";
const WRONG = "wrong password, long enough";

describe("sign-in limits", () => {
  let database: TestDatabase;
  let post: (request: Request) => Promise<Response>;

  const signIn = (email: string, password: string, headers: Record<string, string>) =>
    post(
      new Request("http://hexapla.test/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://hexapla.test", host: "hexapla.test", ...headers },
        body: JSON.stringify({ email, password }),
      }),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: "integration-test-secret-integration-test-secret",
      HEXAPLA_TRUSTED_IP_HEADER: "x-real-ip",
      HEXAPLA_SIGNIN_LIMIT: "5",
      HEXAPLA_SIGNIN_ACCOUNT_LIMIT: "5",
    });
    post = (await import("@/app/api/auth/[...all]/route")).POST;
    for (const name of ["ada", "bea", "cy"]) await createUser(database.prisma, { email: `${name}@example.org`, name, role: "scholar", password: PASSWORD });
  });
  afterAll(async () => {
    await database.drop();
  });

  it("limits a client address taken from the trusted header; 30 forged X-Forwarded-For values do not reset it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await signIn(`nobody-${i}@example.org`, WRONG, { "x-real-ip": "203.0.113.7", "x-forwarded-for": `198.51.100.${i}` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(25).fill(429));
    expect((await signIn("nobody-else@example.org", WRONG, { "x-real-ip": "203.0.113.8" })).status).toBe(401);
  });

  it("locks an account after 5 failures from anywhere, with back-off, and a success clears it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await signIn("ada@example.org", WRONG, { "x-real-ip": `192.0.2.${i + 1}`, "x-forwarded-for": `198.51.100.${i}` })).status);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual(Array(25).fill(429));
    const locked = await signIn("ADA@example.org", PASSWORD, { "x-real-ip": "192.0.2.200" });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await locked.json()).message).toMatch(/try again in \d+ seconds/);

    const past = new Date(Date.now() - 1000);
    await database.prisma.signInThrottle.update({ where: { key: "ada@example.org" }, data: { lockedUntil: past } });
    expect((await signIn("ada@example.org", WRONG, { "x-real-ip": "192.0.2.201" })).status).toBe(401);
    const relocked = await database.prisma.signInThrottle.findUniqueOrThrow({ where: { key: "ada@example.org" } });
    expect(relocked.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(50_000);

    await database.prisma.signInThrottle.update({ where: { key: "ada@example.org" }, data: { lockedUntil: past } });
    expect((await signIn("ada@example.org", PASSWORD, { "x-real-ip": "192.0.2.202" })).status).toBe(200);
    expect(await database.prisma.signInThrottle.count({ where: { key: "ada@example.org" } })).toBe(0);
  });

  it("lets exactly the free attempts through when 20 guesses arrive at once", async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn("bea@example.org", WRONG, { "x-real-ip": `192.0.2.${100 + i}` })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it("limits an email that has no account the same way, so the answers do not tell which accounts exist", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn("ghost@example.org", WRONG, { "x-real-ip": `192.0.2.${150 + i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});
