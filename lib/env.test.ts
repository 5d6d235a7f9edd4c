import { describe, expect, it } from "vitest";
import { readEnv as readProcessEnv } from "./env";

/** Next.js types make NODE_ENV required in NodeJS.ProcessEnv; these tests pass only the variables they are about. */
const readEnv = (vars: Record<string, string>) => readProcessEnv(vars as NodeJS.ProcessEnv);

function envError(source: Record<string, string>): string {
  try {
    readEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected readEnv to throw");
}

const LIMIT_DEFAULTS = { HEXAPLA_STREAMS_MAX: 1000, HEXAPLA_STREAMS_PER_CLIENT: 20, HEXAPLA_STREAM_IDLE_MINUTES: 30, HEXAPLA_SNAPSHOTS_KEEP: 20, HEXAPLA_SNAPSHOTS_DAYS: 30, HEXAPLA_EXPORT_JOB_CELLS: 20_000, HEXAPLA_EXPORT_KEEP_HOURS: 24, HEXAPLA_PAGE_RENDERS: 2, HEXAPLA_STATEMENT_TIMEOUT_SECONDS: 60 };

describe("readEnv", () => {
  it("gives the defaults for an empty environment", () => {
    expect(readEnv({})).toEqual({ PORT: 3000, HEXAPLA_PG_PORT: 54329, HEXAPLA_SKIP_DEMO: "0", HEXAPLA_SIGNIN_LIMIT: 5, HEXAPLA_SIGNIN_ACCOUNT_LIMIT: 5, HEXAPLA_TOKEN_DAYS: 90, HEXAPLA_WORKER_CONCURRENCY: 2, HEXAPLA_SERVER_HEAP_MB: 320, ...LIMIT_DEFAULTS });
  });

  it("treats empty values as unset", () => {
    expect(readEnv({ PORT: "", DATABASE_URL: "", HEXAPLA_DATA_DIR: "" })).toEqual({ PORT: 3000, HEXAPLA_PG_PORT: 54329, HEXAPLA_SKIP_DEMO: "0", HEXAPLA_SIGNIN_LIMIT: 5, HEXAPLA_SIGNIN_ACCOUNT_LIMIT: 5, HEXAPLA_TOKEN_DAYS: 90, HEXAPLA_WORKER_CONCURRENCY: 2, HEXAPLA_SERVER_HEAP_MB: 320, ...LIMIT_DEFAULTS });
  });

  it("reads the read replica's URL and the live-update stream limits, and refuses nonsense in them", () => {
    expect(
      readEnv({
        DATABASE_READ_URL: "postgresql://reader@replica.example/hexapla",
        HEXAPLA_STREAMS_MAX: "5000",
        HEXAPLA_STREAMS_PER_CLIENT: "8",
        HEXAPLA_STREAMS_ANONYMOUS: "100",
        HEXAPLA_STREAM_IDLE_MINUTES: "0.5",
      }),
    ).toMatchObject({ DATABASE_READ_URL: "postgresql://reader@replica.example/hexapla", HEXAPLA_STREAMS_MAX: 5000, HEXAPLA_STREAMS_PER_CLIENT: 8, HEXAPLA_STREAMS_ANONYMOUS: 100, HEXAPLA_STREAM_IDLE_MINUTES: 0.5 });
    expect(envError({ DATABASE_READ_URL: "mysql://replica/hexapla" })).toMatch(/DATABASE_READ_URL must be a postgres/);
    expect(envError({ HEXAPLA_STREAMS_MAX: "0" })).toMatch(/HEXAPLA_STREAMS_MAX/);
    expect(envError({ HEXAPLA_STREAM_IDLE_MINUTES: "-1" })).toMatch(/HEXAPLA_STREAM_IDLE_MINUTES/);
  });

  it("reads the grid snapshots' retention, and refuses nonsense in it", () => {
    expect(readEnv({ HEXAPLA_SNAPSHOTS_KEEP: "5", HEXAPLA_SNAPSHOTS_DAYS: "365" })).toMatchObject({ HEXAPLA_SNAPSHOTS_KEEP: 5, HEXAPLA_SNAPSHOTS_DAYS: 365 });
    expect(envError({ HEXAPLA_SNAPSHOTS_KEEP: "0" })).toMatch(/HEXAPLA_SNAPSHOTS_KEEP/);
    expect(envError({ HEXAPLA_SNAPSHOTS_DAYS: "1.5" })).toMatch(/HEXAPLA_SNAPSHOTS_DAYS/);
  });

  it("reads the export job's limit and the files' keeping time, and refuses nonsense in them", () => {
    expect(readEnv({ HEXAPLA_EXPORT_JOB_CELLS: "0", HEXAPLA_EXPORT_KEEP_HOURS: "0.5" })).toMatchObject({ HEXAPLA_EXPORT_JOB_CELLS: 0, HEXAPLA_EXPORT_KEEP_HOURS: 0.5 });
    expect(envError({ HEXAPLA_EXPORT_JOB_CELLS: "many" })).toMatch(/HEXAPLA_EXPORT_JOB_CELLS/);
    expect(envError({ HEXAPLA_EXPORT_KEEP_HOURS: "0" })).toMatch(/HEXAPLA_EXPORT_KEEP_HOURS/);
  });

  it("ignores variables it does not know", () => {
    expect(readEnv({ PATH: "/usr/bin", NODE_ENV: "test" })).not.toHaveProperty("PATH");
  });

  it("reads postgres:// and postgresql:// URLs, ports, the data directory, the demo switch, the sign-in limits, the trusted header, token days, the public URL, the worker's concurrency and the server's heap", () => {
    expect(
      readEnv({
        DATABASE_URL: "postgresql://hexapla:secret@db.example:5432/hexapla",
        PORT: "8080",
        HEXAPLA_PG_PORT: "5433",
        HEXAPLA_DATA_DIR: "/var/lib/hexapla",
        HEXAPLA_SKIP_DEMO: "1",
        HEXAPLA_SIGNIN_LIMIT: "20",
        HEXAPLA_WORKER_CONCURRENCY: "4",
        HEXAPLA_SIGNIN_ACCOUNT_LIMIT: "8",
        HEXAPLA_TRUSTED_IP_HEADER: "X-Real-IP",
        HEXAPLA_TOKEN_DAYS: "30",
        HEXAPLA_BASE_URL: "https://hexapla.example.org/",
        HEXAPLA_HOST: "0.0.0.0",
        HEXAPLA_SERVER_HEAP_MB: "512",
      }),
    ).toEqual({
      DATABASE_URL: "postgresql://hexapla:secret@db.example:5432/hexapla",
      PORT: 8080,
      HEXAPLA_PG_PORT: 5433,
      HEXAPLA_DATA_DIR: "/var/lib/hexapla",
      HEXAPLA_SKIP_DEMO: "1",
      HEXAPLA_SIGNIN_LIMIT: 20,
      HEXAPLA_WORKER_CONCURRENCY: 4,
      HEXAPLA_SIGNIN_ACCOUNT_LIMIT: 8,
      HEXAPLA_TRUSTED_IP_HEADER: "x-real-ip",
      HEXAPLA_TOKEN_DAYS: 30,
      HEXAPLA_BASE_URL: "https://hexapla.example.org",
      HEXAPLA_HOST: "0.0.0.0",
      HEXAPLA_SERVER_HEAP_MB: 512,
      ...LIMIT_DEFAULTS,
    });
    expect(readEnv({ DATABASE_URL: "postgres://localhost/hexapla" }).DATABASE_URL).toBe("postgres://localhost/hexapla");
  });

  it.each([["mysql://localhost/hexapla"], ["https://localhost/hexapla"], ["localhost:5432"]])(
    "rejects the database URL %j, saying which URLs it takes",
    (url) => {
      expect(envError({ DATABASE_URL: url })).toBe("Invalid environment:\n  DATABASE_URL: DATABASE_URL must be a postgres:// or postgresql:// URL");
    },
  );

  it.each([["ftp://hexapla.example.org"], ["hexapla.example.org"]])("rejects the public URL %j", (url) => {
    expect(envError({ HEXAPLA_BASE_URL: url })).toBe("Invalid environment:\n  HEXAPLA_BASE_URL: HEXAPLA_BASE_URL must be an http:// or https:// URL");
  });

  it.each([["abc"], ["0"], ["65536"], ["80.5"], ["-1"], ["1e3"], ["0x50"], [" "]])("rejects the port %j, naming the variable", (port) => {
    expect(envError({ PORT: port })).toMatch(/^Invalid environment:\n {2}PORT: must be a port number \(1–65535\)/);
  });

  it("accepts the extreme ports 1 and 65535", () => {
    expect(readEnv({ PORT: "1", HEXAPLA_PG_PORT: "65535" })).toMatchObject({ PORT: 1, HEXAPLA_PG_PORT: 65535 });
  });

  it("rejects a demo switch other than 0 or 1", () => {
    expect(envError({ HEXAPLA_SKIP_DEMO: "true" })).toMatch(/^Invalid environment:\n {2}HEXAPLA_SKIP_DEMO: /);
  });

  it("lists every invalid variable, one per line", () => {
    const lines = envError({ PORT: "web", HEXAPLA_PG_PORT: "db", DATABASE_URL: "mysql://x" }).split("\n");
    expect(lines[0]).toBe("Invalid environment:");
    expect(lines.slice(1).map((line) => line.trim().split(":")[0]).sort()).toEqual(["DATABASE_URL", "HEXAPLA_PG_PORT", "PORT"]);
  });
});
