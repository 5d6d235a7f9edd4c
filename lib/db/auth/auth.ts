/**
 * Accounts and sessions through Better Auth: email and password (hashed by the library), sessions stored in
 * PostgreSQL, sign-in attempts limited per client with counters in PostgreSQL, so any app server can serve any
 * request. There is no self sign-up: admins create accounts (`npm run user:create`).
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { readEnv } from "../../env";
import { db } from "../client";

export const SESSION_DAYS = 7;

function createAuth() {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set: start the app with `npm start`, which provides it.");
  return betterAuth({
    secret,
    baseURL: process.env.HEXAPLA_BASE_URL,
    database: prismaAdapter(db(), { provider: "postgresql", transaction: true }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    user: { additionalFields: { role: { type: "string", input: false, defaultValue: "scholar" } } },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: readEnv().HEXAPLA_SIGNIN_LIMIT } },
    },
    // Same-origin requests are trusted whatever host name the app is reached by (CSRF protection stays on).
    trustedOrigins: (request) => {
      const host = request?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    telemetry: { enabled: false },
    // Secure cookies need https; behind https set HEXAPLA_BASE_URL=https://… (plain http works on localhost only).
    advanced: { useSecureCookies: process.env.HEXAPLA_BASE_URL?.startsWith("https://") ?? false },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { hexaplaAuth?: Auth };

export function auth(): Auth {
  globalForAuth.hexaplaAuth ??= createAuth();
  return globalForAuth.hexaplaAuth;
}
