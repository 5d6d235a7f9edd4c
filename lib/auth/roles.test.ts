import { describe, expect, it } from "vitest";
import { refusalOf, type SessionUser } from "./roles";

const user = (role: SessionUser["role"], tokenScope?: SessionUser["tokenScope"]): SessionUser => ({ id: "u", name: "U", email: "u@example.test", role, tokenScope });

describe("refusalOf", () => {
  it("lets a browser session act with its role", () => {
    expect(refusalOf(user("admin"), "admin")).toBeNull();
    expect(refusalOf(user("editor"), "editor")).toBeNull();
    expect(refusalOf(user("scholar"), "editor")).toMatch("needs the editor role");
  });

  it("lets a read token do nothing that needs a role", () => {
    expect(refusalOf(user("admin", "read"), "scholar")).toMatch("may only read");
  });

  it("keeps a write token of an admin from managing users", () => {
    expect(refusalOf(user("admin", "write"), "editor")).toBeNull();
    expect(refusalOf(user("admin", "write"), "admin")).toMatch("cannot manage users");
    expect(refusalOf(user("admin", "admin"), "admin")).toBeNull();
  });

  it("never gives a token more than its user's role", () => {
    expect(refusalOf(user("editor", "admin"), "admin")).toMatch("needs the admin role");
  });
});
