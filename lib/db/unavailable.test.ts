import { describe, expect, it } from "vitest";
import { databaseTrouble } from "./unavailable";

/** The shapes the data layer meets (seen from Prisma 7 on @prisma/adapter-pg and node-postgres against a real server). */
const prismaError = (code: string, cause: object) => Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation"), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("databaseTrouble", () => {
  it.each([
    ["the server is down (Prisma P1001)", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["a raw query while it is down (P2010 wrapping the adapter's kind)", prismaError("P2010", { kind: "DatabaseNotReachable" })],
    ["the server shutting down (57P01 on a pooled connection)", prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["the server starting or stopping (57P03)", prismaError("P2010", { kind: "postgres", code: "57P03" })],
    ["a socket refused (node-postgres)", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 })],
    ["a connection cut", new Error("Connection terminated unexpectedly")],
    ["a worker's wrapped loss", new Error("The worker lost its database connection: x", { cause: Object.assign(new Error("terminating connection"), { code: "57P01" }) })],
  ])("calls %s unreachable", (_, error) => {
    expect(databaseTrouble(error)).toBe("unreachable");
  });

  it.each([
    ["a statement past statement_timeout (57014)", prismaError("P2010", { kind: "postgres", code: "57014", message: "canceling statement due to statement timeout" })],
    ["no connection of a full pool came free in time", new Error("timeout exceeded when trying to connect")],
    ["no connection for a transaction in time (P2028)", Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" })],
  ])("calls %s busy", (_, error) => {
    expect(databaseTrouble(error)).toBe("busy");
  });

  it.each([
    ["a unique violation", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["a wrong password (28P01)", Object.assign(new Error("password authentication failed"), { code: "28P01" })],
    ["a programming error", new TypeError("x is not a function")],
    ["another transaction mistake (P2028)", Object.assign(new Error("Transaction API error: Transaction already closed"), { code: "P2028" })],
    ["nothing", undefined],
  ])("leaves %s alone", (_, error) => {
    expect(databaseTrouble(error)).toBeNull();
  });
});
