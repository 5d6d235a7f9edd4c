/** The environment Hexapla reads, validated in one place. */
import { z } from "zod";

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
  PORT: port(3000),
  HEXAPLA_DATA_DIR: z.string().min(1).optional(),
  HEXAPLA_PG_PORT: port(54329),
  HEXAPLA_SKIP_DEMO: z.enum(["0", "1"]).default("0"),
  HEXAPLA_SIGNIN_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
  /** Jobs a worker process runs at once (each uses at most one thread for the aligner). */
  HEXAPLA_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
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

