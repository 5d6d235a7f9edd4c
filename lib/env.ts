/** The environment Hexapla reads, validated in one place. */
import { z } from "zod";
import { MAX_TOKEN_DAYS } from "./auth/roles";

/** A TCP port written in decimal digits: "1e3" or "0x50" are mistakes, not ports 1000 and 80. */
const port = (fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a port number (1–65535) in decimal digits")
    .transform(Number)
    .pipe(z.number().int().min(1, "must be a port number (1–65535)").max(65535, "must be a port number (1–65535)"))
    .default(fallback);

const EnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "DATABASE_URL must be a postgres:// or postgresql:// URL" }).optional(),
  /** A read replica for the reads of pages (may lag behind DATABASE_URL); unset: every read on DATABASE_URL. */
  DATABASE_READ_URL: z.url({ protocol: /^postgres(ql)?$/, message: "DATABASE_READ_URL must be a postgres:// or postgresql:// URL" }).optional(),
  PORT: port(3000),
  HEXAPLA_DATA_DIR: z.string().min(1).optional(),
  HEXAPLA_PG_PORT: port(54329),
  HEXAPLA_SKIP_DEMO: z.enum(["0", "1"]).default("0"),
  /** Sign-in attempts per client address per minute; applies only when HEXAPLA_TRUSTED_IP_HEADER says where the address is. */
  HEXAPLA_SIGNIN_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
  /**
   * The app server's JavaScript heap (V8's old space) in MB. Left to itself V8 lets the heap grow to a share of the
   * machine's memory before collecting in earnest (500+ MB after serving a 10,000-row work whose pages need far less).
   */
  HEXAPLA_SERVER_HEAP_MB: z.coerce.number().int().min(128).max(65_536).default(320),
  /**
   * Pages (React Server Component renders of a work's data) one app server renders at once; the others wait their
   * turn. A render is CPU work on the one event loop: a few at a time keep API writes and light requests answered
   * promptly beside many readers, at the same pages per second.
   */
  HEXAPLA_PAGE_RENDERS: z.coerce.number().int().min(1).max(1000).default(2),
  /**
   * How long one SQL statement of the app server may run (PostgreSQL's statement_timeout) before the request fails
   * with 503 instead of waiting on: a lock held by a stuck transaction, a server that stopped answering. 0: none
   * (e.g. behind a pooler that refuses the startup parameter).
   */
  HEXAPLA_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  /** Jobs a worker process runs at once (each uses at most one thread for the aligner). */
  HEXAPLA_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Failed sign-ins of one account before it is locked for a while that doubles with each further failure. */
  HEXAPLA_SIGNIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).max(1000).default(5),
  /** The request header a proxy in front of the app sets to the client's address (e.g. x-real-ip); none by default. */
  HEXAPLA_TRUSTED_IP_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, "must be a header name, e.g. x-real-ip")
    .transform((name) => name.toLowerCase())
    .optional(),
  /** Live-update streams one app process keeps open at most. */
  HEXAPLA_STREAMS_MAX: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Live-update streams one signed-in user (or one trusted client address) may hold open on one app process. */
  HEXAPLA_STREAMS_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Live-update streams of readers who cannot be told apart (no account, no trusted address) together; default half of HEXAPLA_STREAMS_MAX. */
  HEXAPLA_STREAMS_ANONYMOUS: z.coerce.number().int().min(0).max(100_000).optional(),
  /** A live-update stream that has sent no change for this long is closed (the page reopens it when used again). */
  HEXAPLA_STREAM_IDLE_MINUTES: z.coerce.number().positive().max(10_080).default(30),
  HEXAPLA_TOKEN_DAYS: z.coerce.number().int().min(1).max(MAX_TOKEN_DAYS).default(90),
  /** The public URL the app is reached at (https://… behind TLS); unset: this machine only, http://localhost. */
  HEXAPLA_BASE_URL: z
    .url({ protocol: /^https?$/, message: "HEXAPLA_BASE_URL must be an http:// or https:// URL" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** The address `npm start` listens on: 127.0.0.1 unless HEXAPLA_BASE_URL is set (then all interfaces). */
  HEXAPLA_HOST: z.string().min(1).optional(),
  /** Grid snapshots (the grid an alignment, import or restore replaced): the newest kept per work, whatever their age. */
  HEXAPLA_SNAPSHOTS_KEEP: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Grid snapshots younger than this many days are kept, however many a work has. */
  HEXAPLA_SNAPSHOTS_DAYS: z.coerce.number().int().min(1).max(36_500).default(30),
  /** Where `npm run backup` writes its files (default: backups/ in the checkout). */
  HEXAPLA_BACKUP_DIR: z.string().min(1).optional(),
  /**
   * Exports larger than this many cells (rows × editions written; variants × editions for the variant register) are
   * made by a job (export-work) and downloaded when ready, instead of being written on the request.
   */
  HEXAPLA_EXPORT_JOB_CELLS: z.coerce.number().int().min(0).max(1_000_000_000).default(20_000),
  /** Hours an export file made by a job is kept for download before workers prune it. */
  HEXAPLA_EXPORT_KEEP_HOURS: z.coerce.number().positive().max(24 * 365).default(24),
  /** The Chromium workers print PDFs with; unset: Debian's /usr/bin/chromium (or chromium-browser). */
  HEXAPLA_CHROMIUM: z.string().startsWith("/", "HEXAPLA_CHROMIUM must be an absolute path").optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "")));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

