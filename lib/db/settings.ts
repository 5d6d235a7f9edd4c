/** Instance-wide settings kept in PostgreSQL (so every app server sees the same). */
import { randomBytes } from "node:crypto";
import type { Db } from "./client";
import { db } from "./client";

export const SETTING_PUBLIC_READING = "reading.public";
const SETTING_AUTH_SECRET = "auth.secret";

/** The secret that signs sessions: created once per database, shared by every app server. */
export async function ensureAuthSecret(prisma: Db): Promise<string> {
  const existing = await prisma.appSetting.findUnique({ where: { key: SETTING_AUTH_SECRET } });
  if (existing && typeof existing.value === "string") return existing.value;
  const secret = randomBytes(32).toString("base64url");
  await prisma.appSetting.upsert({ where: { key: SETTING_AUTH_SECRET }, create: { key: SETTING_AUTH_SECRET, value: secret }, update: {} });
  const stored = await prisma.appSetting.findUniqueOrThrow({ where: { key: SETTING_AUTH_SECRET } });
  return stored.value as string;
}

/** Whether reading needs no account (the default). */
export async function isReadingPublic(): Promise<boolean> {
  const setting = await db().appSetting.findUnique({ where: { key: SETTING_PUBLIC_READING } });
  return setting?.value !== false;
}

export async function setReadingPublic(value: boolean): Promise<void> {
  await db().appSetting.upsert({ where: { key: SETTING_PUBLIC_READING }, create: { key: SETTING_PUBLIC_READING, value }, update: { value } });
}
