/** Who may do what: scholars record variants; editors also align, edit text and import; admins also manage users and works. */

export const ROLES = ["scholar", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an API token may do: `read` only reads; `write` does what its user's role allows except managing users
 * and settings; `admin` does everything its user's role allows (only admins create such tokens).
 */
export const TOKEN_SCOPES = ["read", "write", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The longest a token may live: every token expires. */
export const MAX_TOKEN_DAYS = 366;

const RANK: Record<Role, number> = { scholar: 1, editor: 2, admin: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Set when the request carries an API token: what the token may do. */
  tokenScope?: TokenScope;
}

/** Why the user may not act with `role` on this request (their role, or their token's scope), or null when they may. */
export function refusalOf(user: SessionUser, role: Role): string | null {
  if (!hasRole(user.role, role)) return `This needs the ${role} role; you are signed in as ${user.role}.`;
  if (user.tokenScope === "read") return "This API token may only read; create a token with the write scope at /account/tokens.";
  if (user.tokenScope === "write" && role === "admin") {
    return "This API token cannot manage users or settings; an admin creates a token with the admin scope for that.";
  }
  return null;
}
