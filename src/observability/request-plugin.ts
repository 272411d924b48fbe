import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { AppError } from '../common/errors';
import { currentScope } from '../common/request-context';
import type { ServiceMetrics } from './metrics';

/**
 * One log line and one metrics sample per GraphQL operation: operation name, outcome (success or
 * the first error's code), duration, database round trips, and the request id that is also in
 * every Neo4j transaction's metadata and in the `x-request-id` response header, so a slow or
 * failed request can be followed from the client to `SHOW TRANSACTIONS` / query.log.
 * Errors that are not the client's (no contract code) are logged with their stack.
 */
export function requestObservabilityPlugin<T extends BaseContext>(metrics: ServiceMetrics, logger: Logger): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      const scope = currentScope();
      const requestId = scope?.requestId;
      return {
        async didEncounterErrors({ errors }) {
          for (const err of errors) {
            const known = err.originalError instanceof AppError || (err.extensions?.code && err.extensions.code !== 'INTERNAL_SERVER_ERROR');
            if (!known && err.originalError) logger.error({ requestId, err: err.originalError, path: err.path }, 'unexpected error');
          }
        },
        async willSendResponse({ response, operationName }) {
          const seconds = (performance.now() - started) / 1000;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const outcome = errors?.length ? String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'success';
          const operation = operationName ?? request.operationName ?? null;
          metrics.recordOperation(operation, outcome, seconds);
          // the request id as a field, not a child logger: a child per request costs more than the line
          logger.info(
            { requestId, operation: operation ?? 'anonymous', outcome, ms: Math.round(seconds * 1000), dbQueries: scope?.dbQueries ?? 0, status: response.http.status ?? 200 },
            'graphql request',
          );
        },
      };
    },
  };
}
