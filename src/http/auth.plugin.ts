import type { ApolloServerPlugin } from '@apollo/server';
import type { AppContext } from '../api/context';
import { requireRole } from '../auth/auth-checker';

/**
 * Request-level checks, run after the operation is known and before anything executes, so a
 * refused request does no database work and answers with a real HTTP status (401 / 403):
 * every mutation needs the editor role, and with REQUIRE_AUTH_FOR_READS every operation needs a
 * signed-in caller. Field-level `@Authorized` checks stay in place as a second line.
 */
export function authPlugin(opts: { requireAuthForReads: boolean }): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return;
          if (operation.operation === 'mutation') requireRole(contextValue.user, 'editor', 'mutations');
          else if (opts.requireAuthForReads) requireRole(contextValue.user, 'reader', 'queries (REQUIRE_AUTH_FOR_READS is set)');
        },
      };
    },
  };
}
