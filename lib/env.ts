/** The environment Hexapla reads, validated in one place. */
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "DATABASE_URL must be a postgres:// or postgresql:// URL" }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HEXAPLA_DATA_DIR: z.string().min(1).optional(),
  HEXAPLA_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  HEXAPLA_SKIP_DEMO: z.enum(["0", "1"]).default("0"),
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

