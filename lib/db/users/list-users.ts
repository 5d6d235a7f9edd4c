/** Every account with its role, state, open sessions and API tokens (with when each was last used), for the admin page. */
import { tokenInfo, type ApiTokenInfo } from "../api-tokens/api-tokens";
import type { Db } from "../client";

export interface UserListing {
  id: string;
  name: string;
  email: string;
  role: "scholar" | "editor" | "admin";
  createdAt: string;
  /** When an admin disabled the account, or null. */
  disabledAt: string | null;
  /** Sessions that have not expired. */
  sessions: number;
  tokens: ApiTokenInfo[];
}

export async function listUsers(db: Db): Promise<UserListing[]> {
  const users = await db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      disabledAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
      apiTokens: { orderBy: { createdAt: "desc" } },
    },
  });
  return users.map(({ _count, apiTokens, createdAt, disabledAt, ...user }) => ({
    ...user,
    createdAt: createdAt.toISOString(),
    disabledAt: disabledAt?.toISOString() ?? null,
    sessions: _count.sessions,
    tokens: apiTokens.map(tokenInfo),
  }));
}
