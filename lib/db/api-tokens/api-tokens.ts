/**
 * API tokens for scripts: a user creates a named token (shown once: only its SHA-256 hash is stored, and
 * `currentUser` finds the user by that hash from `Authorization: Bearer <token>`), lists their tokens and
 * revokes them. A token acts with its user's role, limited by its scope (read, write, admin: lib/auth/roles.ts),
 * and always expires (after HEXAPLA_TOKEN_DAYS, 90 by default, unless its creator chose fewer days).
 */
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { CreateApiTokenSchema } from "../../api/schemas";
import type { TokenScope } from "../../auth/roles";
import { readEnv } from "../../env";
import { hashApiToken } from "../auth/current-user";
import type { Db } from "../client";
import { ConflictError, DomainError, NotFoundError } from "../errors";

/** Recognisable prefix of Hexapla tokens (secret scanners and people can tell what a leaked string is). */
export const TOKEN_PREFIX = "hxp_";
export const MAX_TOKENS_PER_USER = 20;

export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;

export interface ApiTokenInfo {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
}

export interface CreatedApiToken extends ApiTokenInfo {
  /** The token itself: shown once, never stored. */
  token: string;
}

type StoredToken = { id: string; name: string; scope: TokenScope; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date };

export function tokenInfo(token: StoredToken): ApiTokenInfo {
  return {
    id: token.id,
    name: token.name,
    scope: token.scope,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt.toISOString(),
  };
}

/** A new token of the user; only an admin may create a token with the admin scope. */
export async function createApiToken(db: Db, userId: string, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const { name, expiresInDays, scope } = CreateApiTokenSchema.parse(input);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + (expiresInDays ?? readEnv().HEXAPLA_TOKEN_DAYS) * 24 * 60 * 60 * 1000);
  const created = await db.$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!owner) throw new NotFoundError("There is no such user.");
    if (scope === "admin" && owner.role !== "admin") throw new DomainError("forbidden", "Only admins create tokens with the admin scope.");
    if ((await tx.apiToken.count({ where: { userId } })) >= MAX_TOKENS_PER_USER) {
      throw new ConflictError(`You have ${MAX_TOKENS_PER_USER} tokens already; revoke one you no longer use first.`);
    }
    return tx.apiToken.create({ data: { userId, name, scope, tokenHash: hashApiToken(token), expiresAt } });
  });
  return { ...tokenInfo(created), token };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  const tokens = await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return tokens.map(tokenInfo);
}

/** Revokes one of the user's own tokens; another user's token is reported as not found. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<void> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tokenId);
  const { count } = isUuid ? await db.apiToken.deleteMany({ where: { id: tokenId, userId } }) : { count: 0 };
  if (count === 0) throw new NotFoundError("You have no token with that id.");
}
