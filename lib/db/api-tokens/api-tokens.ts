/**
 * API tokens for scripts: a user creates a named token (shown once: only its SHA-256 hash is stored, and
 * `currentUser` finds the user by that hash from `Authorization: Bearer <token>`), lists their tokens and
 * revokes them. A token acts with its user's role.
 */
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { CreateApiTokenSchema } from "../../api/schemas";
import { hashApiToken } from "../auth/current-user";
import type { Db } from "../client";
import { ConflictError, NotFoundError } from "../errors";

/** Recognisable prefix of Hexapla tokens (secret scanners and people can tell what a leaked string is). */
export const TOKEN_PREFIX = "hxp_";
export const MAX_TOKENS_PER_USER = 20;

export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface CreatedApiToken extends ApiTokenInfo {
  /** The token itself: shown once, never stored. */
  token: string;
}

type StoredToken = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null };

function info(token: StoredToken): ApiTokenInfo {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
  };
}

export async function createApiToken(db: Db, userId: string, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const { name, expiresInDays } = CreateApiTokenSchema.parse(input);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 24 * 60 * 60 * 1000) : null;
  const created = await db.$transaction(async (tx) => {
    if ((await tx.apiToken.count({ where: { userId } })) >= MAX_TOKENS_PER_USER) {
      throw new ConflictError(`You have ${MAX_TOKENS_PER_USER} tokens already; revoke one you no longer use first.`);
    }
    return tx.apiToken.create({ data: { userId, name, tokenHash: hashApiToken(token), expiresAt } });
  });
  return { ...info(created), token };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  const tokens = await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return tokens.map(info);
}

/** Revokes one of the user's own tokens; another user's token is reported as not found. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<void> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tokenId);
  const { count } = isUuid ? await db.apiToken.deleteMany({ where: { id: tokenId, userId } }) : { count: 0 };
  if (count === 0) throw new NotFoundError("You have no token with that id.");
}
