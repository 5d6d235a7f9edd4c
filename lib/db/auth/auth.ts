/**
 * Accounts and sessions through Better Auth: email and password (hashed by the library), sessions stored in
 * PostgreSQL. There is no self sign-up: admins create accounts (`npm run user:create`, /admin), and a disabled
 * account cannot sign in. Sign-ins are limited per account with back-off (sign-in-throttle.ts, applied by the
 * route handler) and per client address — but only when the deployment names the header its proxy sets to that
 * address (HEXAPLA_TRUSTED_IP_HEADER): any other header, X-Forwarded-For included, is the client's to forge.
 */
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { readEnv } from "../../env";
import { db } from "../client";
import { publicUrlSettings } from "../../http/public-url";

export const SESSION_DAYS = 7;

function createAuth() {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set: start the app with `npm start`, which provides it.");
  const env = readEnv();
  const publicUrl = publicUrlSettings(env);
  return betterAuth({
    secret,
    baseURL: env.HEXAPLA_BASE_URL,
    database: prismaAdapter(db(), { provider: "postgresql", transaction: true }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "scholar" },
        disabledAt: { type: "date", input: false, required: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account gets no session, whichever way it signs in.
          before: async (session) => {
            const user = await db().user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            if (!user || user.disabledAt) throw new APIError("FORBIDDEN", { message: "This account is disabled; ask an admin." });
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: env.HEXAPLA_SIGNIN_LIMIT } },
    },
    // Same-origin requests are trusted whatever host name the app is reached by (CSRF protection stays on).
    trustedOrigins: (request) => {
      const host = request?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    telemetry: { enabled: false },
    advanced: {
      useSecureCookies: publicUrl.secure,
      ipAddress: env.HEXAPLA_TRUSTED_IP_HEADER ? { ipAddressHeaders: [env.HEXAPLA_TRUSTED_IP_HEADER] } : { disableIpTracking: true },
    },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { hexaplaAuth?: Auth };

export function auth(): Auth {
  globalForAuth.hexaplaAuth ??= createAuth();
  return globalForAuth.hexaplaAuth;
}
