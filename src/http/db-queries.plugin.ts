import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentScope } from '../common/request-context';

/**
 * Sends the request's database round trips as the `x-db-queries` response header, so tests and
 * the benchmark can see that nested fields are batched (the count stays flat as pages grow)
 * without reading logs.
 */
export function dbQueriesHeaderPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const scope = currentScope();
      return {
        async willSendResponse({ response }) {
          if (scope) response.http.headers.set('x-db-queries', String(scope.dbQueries));
        },
      };
    },
  };
}
