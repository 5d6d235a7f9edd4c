import { describe, expect, it } from "vitest";
import { StreamAdmission } from "./stream-admission";

describe("stream admission", () => {
  it("caps streams per client with 429, gives the place back on release, and counts each client apart", () => {
    const admission = new StreamAdmission({ total: 10, perClient: 2, anonymous: 5 });
    const eda = { kind: "user", id: "eda" } as const;
    const first = admission.admit(eda);
    expect(admission.admit(eda).admitted).toBe(true);
    const third = admission.admit(eda);
    expect(third).toMatchObject({ admitted: false, refusal: { status: 429, retryAfterSeconds: 60 } });
    expect(!third.admitted && third.refusal.message).toMatch(/2 live-update streams open, the most one account may/);
    expect(admission.admit({ kind: "user", id: "sasha" }).admitted).toBe(true);
    expect(admission.admit({ kind: "address", address: "203.0.113.5" }).admitted).toBe(true);
    if (!first.admitted) throw new Error("the first stream was refused");
    first.release();
    first.release();
    expect(admission.openStreams).toBe(3);
    expect(admission.admit(eda).admitted).toBe(true);
  });

  it("refuses with 503 when the process is full, and keeps room beyond the anonymous share for signed-in readers", () => {
    const admission = new StreamAdmission({ total: 4, perClient: 4, anonymous: 2 });
    expect(admission.admit({ kind: "anonymous" }).admitted).toBe(true);
    expect(admission.admit({ kind: "anonymous" }).admitted).toBe(true);
    expect(admission.admit({ kind: "anonymous" })).toMatchObject({ admitted: false, refusal: { status: 503 } });
    expect(admission.admit({ kind: "user", id: "eda" }).admitted).toBe(true);
    expect(admission.admit({ kind: "user", id: "eda" }).admitted).toBe(true);
    expect(admission.full()).toMatchObject({ status: 503, retryAfterSeconds: 30 });
    expect(admission.admit({ kind: "user", id: "sasha" })).toMatchObject({ admitted: false, refusal: { status: 503 } });
  });
});
