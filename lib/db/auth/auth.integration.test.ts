import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { DomainError } from "../errors";
import { createUser } from "../users/create-user";
import { auth } from "./auth";
import { currentUser, hashApiToken, requireRole } from "./current-user";

const PASSWORD = "a long enough password";

async function signIn(email: string, password: string): Promise<Response> {
  return auth().handler(
    new Request("http://hexapla.test/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://hexapla.test", host: "hexapla.test" },
      body: JSON.stringify({ email, password }),
    }),
  );
}

function sessionHeaders(response: Response): Headers {
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return new Headers({ cookie });
}

describe("accounts and sessions", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.BETTER_AUTH_SECRET = "integration-test-secret-integration-test-secret";
    await createUser(database.prisma, { email: "Editor@Example.org", name: "Eda", role: "editor", password: PASSWORD });
  });
  afterAll(async () => {
    await database.drop();
  });

  it("stores only a hash of the password", async () => {
    const account = await database.prisma.account.findFirstOrThrow({ where: { user: { email: "editor@example.org" } } });
    expect(account.password).not.toContain(PASSWORD);
    expect(account.password!.length).toBeGreaterThan(40);
  });

  it("signs in with the right password, and the session (stored in PostgreSQL) identifies the user and role", async () => {
    const response = await signIn("editor@example.org", PASSWORD);
    expect(response.status).toBe(200);
    const user = await currentUser(sessionHeaders(response));
    expect(user).toMatchObject({ email: "editor@example.org", role: "editor", name: "Eda" });
    expect(await database.prisma.session.count()).toBeGreaterThan(0);
  });

  it("refuses a wrong password and creates no session", async () => {
    const before = await database.prisma.session.count();
    const response = await signIn("editor@example.org", "wrong password, long enough");
    expect(response.status).toBe(401);
    expect(await database.prisma.session.count()).toBe(before);
  });

  it("checks roles: a visitor is unauthorized, an editor may edit but not administer", async () => {
    await expect(requireRole(new Headers(), "scholar")).rejects.toMatchObject({ code: "unauthorized" });
    const headers = sessionHeaders(await signIn("editor@example.org", PASSWORD));
    await expect(requireRole(headers, "editor")).resolves.toMatchObject({ role: "editor" });
    await expect(requireRole(headers, "admin")).rejects.toBeInstanceOf(DomainError);
  });

  it("accepts an API token in the Authorization header", async () => {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "editor@example.org" } });
    await database.prisma.apiToken.create({ data: { userId: user.id, name: "script", tokenHash: hashApiToken("secret-token-value") } });
    expect(await currentUser(new Headers({ authorization: "Bearer secret-token-value" }))).toMatchObject({ id: user.id, role: "editor" });
    expect(await currentUser(new Headers({ authorization: "Bearer not-a-token" }))).toBeNull();
  });

  it("refuses a second account with the same email and writes nothing", async () => {
    const before = await tableContents(database.prisma);
    await expect(createUser(database.prisma, { email: "editor@example.org", name: "Other", role: "scholar", password: PASSWORD })).rejects.toThrow(/already exists/);
    expect(await tableContents(database.prisma)).toEqual(before);
  });
  it("refuses to sign in a disabled account, and signs it out at once", async () => {
    const headers = sessionHeaders(await signIn("editor@example.org", PASSWORD));
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "editor@example.org" } });
    await database.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await currentUser(headers)).toBeNull();
    const sessions = await database.prisma.session.count({ where: { userId: user.id } });
    const refused = await signIn("editor@example.org", PASSWORD);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch("disabled");
    expect(await database.prisma.session.count({ where: { userId: user.id } })).toBe(sessions);
    await database.prisma.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect((await signIn("editor@example.org", PASSWORD)).status).toBe(200);
  });
});
