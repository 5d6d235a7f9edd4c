// Runs `prisma generate` without letting Prisma's CLI download its schema engine, which generating the
// client does not need (only Migrate does, and Hexapla applies migrations itself: lib/db/migrate.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
