import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { requireRole } from '../auth/auth-checker';
import type { Principal } from '../auth/roles';
import { AppError } from '../common/errors';
import { RequestScope, runInScope } from '../common/request-context';
import type { Database } from '../db/database';
import { TraceRepository } from '../trace/trace.repository';
import { TraceService } from '../trace/trace.service';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
};

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * GET /export?format=graphml|gexf&focus=<id>&depth=<n>[&limit=<n>]: the focus entity's
 * neighbourhood (same rules and caps as the `neighborhood` query) as a file for Gephi, yEd,
 * Cytoscape desktop or NetworkX. Errors are JSON in the GraphQL error shape, with the HTTP status
 * of their code and `extensions.field` naming the bad parameter. Authentication follows /graphql:
 * a bad bearer token is 401, and with REQUIRE_AUTH_FOR_READS a reader role is needed.
 */
export interface ExportDeps {
  db: Database;
  logger: Logger;
  authenticate: (authorization: string | undefined) => Promise<Principal | undefined>;
  requireAuthForReads: boolean;
}

export function exportHandler(deps: ExportDeps): RequestHandler {
  const service = new TraceService(new TraceRepository(deps.db));
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.status(405).set('Allow', 'GET, HEAD').json({ errors: [{ message: 'Use GET', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
      return;
    }
    const requestId = one(req.headers['x-request-id'])?.slice(0, 64) || randomUUID();
    const scope: RequestScope = { requestId, dbQueries: 0, operationName: 'export' };
    res.setHeader('x-request-id', requestId);
    const q = req.query;
    runInScope(scope, async () => {
      try {
        const user = await deps.authenticate(one(req.headers.authorization));
        if (deps.requireAuthForReads) requireRole(user, 'reader', 'exports (REQUIRE_AUTH_FOR_READS is set)');
        const file = await service.exportFile({ format: one(q.format), focus: one(q.focus), depth: one(q.depth), limit: one(q.limit) });
        res
          .status(200)
          .set('Content-Type', file.contentType)
          .set('Content-Disposition', `attachment; filename="${file.filename}"`)
          .set('Cache-Control', 'no-store')
          .send(file.body);
      } catch (err) {
        if (err instanceof AppError && STATUS[err.code]) {
          const { http: _http, ...extensions } = err.extensions as Record<string, unknown>;
          if (err.code === 'UNAUTHENTICATED') res.set('WWW-Authenticate', 'Bearer');
          res.status(STATUS[err.code]).json({ errors: [{ message: err.message, extensions }] });
          return;
        }
        deps.logger.error({ err, requestId }, 'export failed');
        res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      }
    });
  };
}
