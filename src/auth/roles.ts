import type { Role } from '../config';

/**
 * Roles are ranked: an admin may do everything an editor may, an editor everything a reader may.
 * A principal carries the expanded list, so a check is a simple `includes`.
 */
const RANK: Readonly<Record<Role, number>> = { reader: 1, editor: 2, admin: 3 };

export interface Principal {
  /** who made a write: `apikey:<name>` or the JWT's `sub`, recorded as createdBy / updatedBy */
  id: string;
  /** the granted role and every role below it */
  roles: Role[];
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && v in RANK;
}

/** The granted role and every lesser role: editor → [reader, editor]. */
export function expandRole(role: Role): Role[] {
  return (Object.keys(RANK) as Role[]).filter((r) => RANK[r] <= RANK[role]);
}

/** The highest known role among the given names; unknown names are ignored. */
export function highestRole(names: readonly unknown[]): Role | undefined {
  return names.filter(isRole).sort((a, b) => RANK[b] - RANK[a])[0];
}

export function hasRole(principal: { roles: readonly string[] } | undefined, role: Role): boolean {
  return !!principal && principal.roles.includes(role);
}
