/** Who may do what: scholars record variants; editors also align, edit text and import; admins also manage users and works. */

export const ROLES = ["scholar", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { scholar: 1, editor: 2, admin: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}
