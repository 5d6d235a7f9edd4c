import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { DomainError } from "../errors";
import { changeRole } from "./change-role";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe("user management", () => {
  it("lists users with their roles and changes a role", async () => {
    const user = await createUser(database.prisma, { email: "Sam@Example.org", name: "Sam", role: "scholar", password: "long-enough-password" });
    expect((await listUsers(database.prisma)).find((u) => u.id === user.id)).toMatchObject({ email: "sam@example.org", role: "scholar" });
    await changeRole(database.prisma, user.id, "editor");
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("editor");
  });

  it("refuses to demote the last admin, and allows it once there is another", async () => {
    const admin = await createUser(database.prisma, { email: "admin@example.org", name: "Ada", role: "admin", password: "long-enough-password" });
    const error = await changeRole(database.prisma, admin.id, "editor").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("conflict");
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    const second = await createUser(database.prisma, { email: "second@example.org", name: "Bo", role: "editor", password: "long-enough-password" });
    await changeRole(database.prisma, second.id, "admin");
    await changeRole(database.prisma, admin.id, "editor");
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("editor");
  });

  it("refuses an unknown user", async () => {
    const error = await changeRole(database.prisma, "nobody", "editor").catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("not_found");
  });
});
