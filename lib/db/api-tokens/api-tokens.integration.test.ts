import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { currentUser, hashApiToken } from "../auth/current-user";
import { createApiToken, listApiTokens, MAX_TOKENS_PER_USER, revokeApiToken, TOKEN_PREFIX } from "./api-tokens";

describe("API tokens", () => {
  let database: TestDatabase;
  const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    await database.prisma.user.createMany({
      data: [
        { id: "u-editor", name: "Eda", email: "eda@example.test", role: "editor" },
        { id: "u-other", name: "Otto", email: "otto@example.test", role: "scholar" },
      ],
    });
  });
  afterAll(async () => {
    await database.drop();
  });

  it("creates a token shown once, stores only its hash, and lets a script act as its user", async () => {
    const created = await createApiToken(database.prisma, "u-editor", { name: "nightly export" });
    expect(created.token.startsWith(TOKEN_PREFIX)).toBe(true);
    const stored = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token.slice(TOKEN_PREFIX.length));
    expect(await currentUser(bearer(created.token))).toMatchObject({ id: "u-editor", role: "editor" });
    const [listed] = await listApiTokens(database.prisma, "u-editor");
    expect(listed).toEqual({ id: created.id, name: "nightly export", scope: "write", createdAt: created.createdAt, lastUsedAt: expect.any(String), expiresAt: created.expiresAt });
    const days = (new Date(created.expiresAt).getTime() - Date.now()) / (24 * 60 * 60 * 1000);
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    expect(listed).not.toHaveProperty("token");
  });

  it("stops accepting a revoked token, and does not let another user revoke it", async () => {
    const created = await createApiToken(database.prisma, "u-editor", { name: "to revoke" });
    await expect(revokeApiToken(database.prisma, "u-other", created.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await currentUser(bearer(created.token))).not.toBeNull();
    await revokeApiToken(database.prisma, "u-editor", created.id);
    expect(await currentUser(bearer(created.token))).toBeNull();
  });

  it("stops accepting an expired token", async () => {
    const created = await createApiToken(database.prisma, "u-other", { name: "short", expiresInDays: 1 });
    expect(new Date(created.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 23 * 60 * 60 * 1000);
    await database.prisma.apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await currentUser(bearer(created.token))).toBeNull();
  });

  it("refuses a token without a name or beyond the limit, writing nothing", async () => {
    const before = await tableContents(database.prisma);
    await expect(createApiToken(database.prisma, "u-other", { name: "  " })).rejects.toBeInstanceOf(ZodError);
    expect(await tableContents(database.prisma)).toEqual(before);
    const existing = await database.prisma.apiToken.count({ where: { userId: "u-other" } });
    for (let i = existing; i < MAX_TOKENS_PER_USER; i++) await createApiToken(database.prisma, "u-other", { name: `t${i}` });
    const full = await tableContents(database.prisma);
    await expect(createApiToken(database.prisma, "u-other", { name: "one too many" })).rejects.toMatchObject({ code: "conflict" });
    expect(await tableContents(database.prisma)).toEqual(full);
  });
});
