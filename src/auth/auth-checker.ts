import type { AuthChecker } from 'type-graphql';
import type { Role } from '../config';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { hasRole, isRole } from './roles';

interface WithUser {
  user?: { id: string; roles: string[] };
}

/** Throws the contract's error when the caller lacks `role`: no principal → UNAUTHENTICATED, too low a role → FORBIDDEN. */
export function requireRole(user: WithUser['user'], role: Role, what = 'this operation'): void {
  if (!user) throw new UnauthenticatedError(`Sign in (Authorization: Bearer <token>) with the ${role} role to perform ${what}`);
  if (!hasRole(user, role)) throw new ForbiddenError(`${what} needs the ${role} role; ${user.id} does not have it`);
}

/**
 * type-graphql's check behind `@Authorized('editor')`. It throws our coded errors itself instead
 * of returning false, because type-graphql's own errors carry no contract code.
 */
export const authChecker: AuthChecker<WithUser> = ({ context, info }, roles) => {
  const wanted = roles.filter(isRole);
  const what = `${info.parentType.name}.${info.fieldName}`;
  if (wanted.length === 0) {
    requireRole(context.user, 'reader', what);
    return true;
  }
  if (!context.user) requireRole(undefined, wanted[0], what);
  if (!wanted.some((r) => hasRole(context.user, r))) requireRole(context.user, wanted[0], what);
  return true;
};
