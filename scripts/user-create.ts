/**
 * `npm run user:create -- --email you@example.org --role admin [--name "Your Name"] [--password …]`:
 * creates an account (the first admin on a fresh install). Without --password one is generated and printed once.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { createPrismaClient } from "../lib/db/client";
import { DomainError } from "../lib/db/errors";
import { createUser } from "../lib/db/users/create-user";
import { readEnv } from "../lib/env";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run user:create -- --email you@example.org --role admin|editor|scholar [--name "Name"] [--password …]`);
    return 2;
  }
  const password = values.password ?? randomBytes(12).toString("base64url");
  const env = readEnv();
  const database = await bootDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.HEXAPLA_DATA_DIR ?? path.join(projectRoot, ".data"),
    pgPort: env.HEXAPLA_PG_PORT,
    seedDemo: false,
    log: (line) => console.error(line),
  });
  const prisma = createPrismaClient(database.url);
  try {
    const user = await createUser(prisma, { email: values.email ?? "", name: values.name ?? values.email?.split("@")[0] ?? "", role: values.role as never, password });
    console.log(`Created ${user.role} ${user.email}.${values.password ? "" : ` Password: ${password}`}`);
    return 0;
  } catch (error) {
    if (error instanceof ZodError) {
      console.error(error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
      return 2;
    }
    if (error instanceof DomainError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
