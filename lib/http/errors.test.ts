import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { GridOperationError } from "../alignment/operations";
import { DomainError } from "../db/errors";
import { describeError, errorResponse } from "./errors";

describe("describeError", () => {
  it.each([
    ["unauthorized", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["stale", 409],
    ["invalid", 422],
  ] as const)("answers a DomainError %s with HTTP %i, its message and details", (code, status) => {
    const { status: actual, body } = describeError(new DomainError(code, "Because.", { currentVersion: 3 }));
    expect(actual).toBe(status);
    expect(body).toEqual({ error: { code, message: "Because.", details: { currentVersion: 3 } } });
  });

  it("answers a validation error with 422 naming each field", () => {
    const result = z.object({ baseVersion: z.int() }).safeParse({ baseVersion: "x" });
    const { status, body } = describeError(result.error);
    expect(status).toBe(422);
    expect(body.error.code).toBe("invalid");
    expect(body.error.message).toContain("baseVersion");
  });

  it("answers a refused grid operation with 422 and the reason", () => {
    const { status, body } = describeError(new GridOperationError("no-next-row", "Row 3 is the last row."));
    expect(status).toBe(422);
    expect(body.error).toEqual({ code: "invalid", message: "Row 3 is the last row.", details: { reason: "no-next-row" } });
  });

  it("answers the database being unreachable or too busy with 503, Retry-After and a message to try again", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const down = errorResponse(Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }));
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(await down.json()).toEqual({ error: { code: "unavailable", message: expect.stringContaining("cannot be reached") } });
    const busy = describeError(new Error("timeout exceeded when trying to connect"));
    expect(busy).toEqual({ status: 503, body: { error: { code: "unavailable", message: expect.stringContaining("too busy") } } });
    log.mockRestore();
  });

  it("answers anything else with a 500 that reveals nothing, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = errorResponse(new Error("password=hunter2"));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("hunter2");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
