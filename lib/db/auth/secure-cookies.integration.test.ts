/**
 * Served over https (HEXAPLA_BASE_URL=https://…), the session cookie is Secure (and __Secure- prefixed), so a
 * browser never sends it over plain http; without a public URL (this machine only, plain http) it cannot be.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createUser } from "../users/create-user";

describe("session cookies behind https", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: "integration-test-secret-integration-test-secret",
      HEXAPLA_BASE_URL: "https://hexapla.example.org",
    });
    await createUser(database.prisma, { email: "ada@example.org", name: "Ada", role: "scholar", password: "a long enough password" });
  });
  afterAll(async () => {
    delete process.env.HEXAPLA_BASE_URL;
    await database.drop();
  });

  it("are Secure when the public URL is https", async () => {
    const { POST } = await import("@/app/api/auth/[...all]/route");
    const response = await POST(
      new Request("https://hexapla.example.org/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://hexapla.example.org" },
        body: JSON.stringify({ email: "ada@example.org", password: "a long enough password" }),
      }),
    );
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__Secure-/);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
    }
  });
});
