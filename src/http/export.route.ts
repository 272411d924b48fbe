import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { requireRole } from '../auth/auth-checker';
import type { Principal } from '../auth/roles';
import { httpErrorResponse } from '../common/errors';
import type { TraceService } from '../trace/trace.service';
import { scopeOf } from './request-scope';

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * GET /export?format=graphml|gexf&focus=<id>&depth=<n>[&limit=<n>]: the focus entity's
 * neighbourhood (same rules and caps as the `neighborhood` query) as a file for Gephi, yEd,
 * Cytoscape desktop or NetworkX. Errors are JSON in the GraphQL error shape, with the HTTP status
 * of their code (ERROR_STATUS) and `extensions.field` naming the bad parameter. Authentication
 * follows /graphql: a bad bearer token is 401, and with REQUIRE_AUTH_FOR_READS a reader role is
 * needed. Mounted after `requestScope`, like /graphql.
 */
export interface ExportDeps {
  trace: TraceService;
  logger: Logger;
  authenticate: (authorization: string | undefined) => Promise<Principal | undefined>;
  requireAuthForReads: boolean;
}

export function exportHandler(deps: ExportDeps): RequestHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.status(405).set('Allow', 'GET, HEAD').json({ errors: [{ message: 'Use GET', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
      return;
    }
    const q = req.query;
    try {
      const user = await deps.authenticate(one(req.headers.authorization));
      scopeOf(res).userId = user?.id;
      if (deps.requireAuthForReads) requireRole(user, 'reader', 'exports (REQUIRE_AUTH_FOR_READS is set)');
      const file = await deps.trace.exportFile({ format: one(q.format), focus: one(q.focus), depth: one(q.depth), limit: one(q.limit) });
      res
        .status(200)
        .set('Content-Type', file.contentType)
        .set('Content-Disposition', `attachment; filename="${file.filename}"`)
        .set('Cache-Control', 'no-store')
        .send(file.body);
    } catch (err) {
      const answer = httpErrorResponse(err);
      if (answer.status === 500) deps.logger.error({ err, requestId: scopeOf(res).requestId }, 'export failed');
      for (const [name, value] of answer.headers) res.set(name, value);
      res.status(answer.status).json(answer.body);
    }
  };
}
