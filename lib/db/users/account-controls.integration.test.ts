/**
 * Shutting accounts off, through the admin API's route handlers and a real database: disabling signs a user out
 * and stops their tokens at once; sessions and tokens can be revoked; tokens are scoped (an admin's token manages
 * users only when created with the admin scope) and show when they were last used.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createApiToken } from "../api-tokens/api-tokens";
import { auth } from "../auth/auth";
import { currentUser } from "../auth/current-user";
import { setUserDisabled } from "./account-controls";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";

const PASSWORD = "a long enough password";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("account controls", () => {
  let database: TestDatabase;
  let users: Record<string, Handler>;
  let user: Record<string, Handler>;
  let revoke: Record<string, Handler>;
  const ids: Record<string, string> = {};

  const call = (handler: Handler, token: string, body: unknown, params: Record<string, string> = {}) =>
    handler(new Request("http://hexapla.test/api/admin", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }), {
      params: Promise.resolve(params),
    });
  const signIn = async (email: string) => {
    const response = await auth().handler(
      new Request("http://hexapla.test/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://hexapla.test", host: "hexapla.test" },
        body: JSON.stringify({ email, password: PASSWORD }),
      }),
    );
    return { status: response.status, headers: new Headers({ cookie: response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ") }) };
  };
  const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.BETTER_AUTH_SECRET = "integration-test-secret-integration-test-secret";
    for (const [name, role] of [["ada", "admin"], ["abe", "admin"], ["eda", "editor"], ["sol", "scholar"]] as const) {
      ids[name] = (await createUser(database.prisma, { email: `${name}@example.org`, name, role, password: PASSWORD })).id;
    }
    users = (await import("@/app/api/admin/users/route")) as unknown as Record<string, Handler>;
    user = (await import("@/app/api/admin/users/[user]/route")) as unknown as Record<string, Handler>;
    revoke = (await import("@/app/api/admin/users/[user]/revoke/route")) as unknown as Record<string, Handler>;
  });
  afterAll(async () => {
    await database.drop();
  });

  it("keeps an admin's write token from managing users; an admin-scoped token may; a read token writes nothing", async () => {
    const newAdmin = { email: "intruder@example.org", name: "Intruder", role: "admin", password: "chosen-password" };
    const write = (await createApiToken(database.prisma, ids.ada, { name: "write" })).token;
    const refused = await call(users.POST, write, newAdmin);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch("admin scope");
    expect(await database.prisma.user.count({ where: { email: newAdmin.email } })).toBe(0);

    const read = (await createApiToken(database.prisma, ids.ada, { name: "read", scope: "read" })).token;
    expect((await call(users.POST, read, newAdmin)).status).toBe(403);
    expect(await currentUser(bearer(read))).toMatchObject({ id: ids.ada, tokenScope: "read" });

    const admin = (await createApiToken(database.prisma, ids.ada, { name: "admin", scope: "admin" })).token;
    expect((await call(users.POST, admin, { ...newAdmin, email: "second-admin@example.org" })).status).toBe(201);

    await expect(createApiToken(database.prisma, ids.eda, { name: "escalate", scope: "admin" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("disables a user: signed out and tokens refused at once, no sign-in; enabling brings the tokens back", async () => {
    const admin = (await createApiToken(database.prisma, ids.ada, { name: "admin 2", scope: "admin" })).token;
    const session = await signIn("eda@example.org");
    const token = (await createApiToken(database.prisma, ids.eda, { name: "script" })).token;
    expect(await currentUser(session.headers)).toMatchObject({ id: ids.eda });
    expect(await currentUser(bearer(token))).toMatchObject({ id: ids.eda });

    const disabled = await call(user.PATCH, admin, { disabled: true }, { user: ids.eda });
    expect(disabled.status).toBe(200);
    expect((await disabled.json()).user.disabledAt).toEqual(expect.any(String));
    expect(await currentUser(session.headers)).toBeNull();
    expect(await currentUser(bearer(token))).toBeNull();
    expect(await database.prisma.session.count({ where: { userId: ids.eda } })).toBe(0);
    expect((await signIn("eda@example.org")).status).toBe(403);

    expect((await call(user.PATCH, admin, { disabled: false }, { user: ids.eda })).status).toBe(200);
    expect(await currentUser(bearer(token))).toMatchObject({ id: ids.eda });
    expect((await signIn("eda@example.org")).status).toBe(200);
  });

  it("revokes every session and token of a user", async () => {
    const admin = (await createApiToken(database.prisma, ids.ada, { name: "admin 3", scope: "admin" })).token;
    const session = await signIn("sol@example.org");
    const token = (await createApiToken(database.prisma, ids.sol, { name: "script" })).token;
    const response = await call(revoke.POST, admin, { sessions: true, tokens: true }, { user: ids.sol });
    expect(await response.json()).toEqual({ sessions: 1, tokens: 1 });
    expect(await currentUser(session.headers)).toBeNull();
    expect(await currentUser(bearer(token))).toBeNull();
  });

  it("shows each token's scope and when it was last used", async () => {
    const { token, id } = await createApiToken(database.prisma, ids.sol, { name: "nightly", scope: "read", expiresInDays: 7 });
    let listed = (await listUsers(database.prisma)).find((u) => u.id === ids.sol)!.tokens.find((t) => t.id === id)!;
    expect(listed).toMatchObject({ name: "nightly", scope: "read", lastUsedAt: null });
    await currentUser(bearer(token));
    listed = (await listUsers(database.prisma)).find((u) => u.id === ids.sol)!.tokens.find((t) => t.id === id)!;
    expect(Date.now() - new Date(listed.lastUsedAt!).getTime()).toBeLessThan(60_000);
  });

  it("keeps someone able to manage accounts: no disabling oneself or the last enabled admin", async () => {
    await expect(setUserDisabled(database.prisma, ids.ada, ids.ada, true)).rejects.toMatchObject({ code: "conflict" });
    const second = await database.prisma.user.findUniqueOrThrow({ where: { email: "second-admin@example.org" } });
    await setUserDisabled(database.prisma, ids.ada, second.id, true);
    await setUserDisabled(database.prisma, ids.ada, ids.abe, true);
    await expect(setUserDisabled(database.prisma, ids.abe, ids.ada, true)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching("only admin") });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: ids.ada } })).disabledAt).toBeNull();
  });
});
