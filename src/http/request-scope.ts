import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { RequestScope, runInScope } from '../common/request-context';

/**
 * Opens the request's scope, for /graphql and /export alike: the request id (taken from
 * `x-request-id` or generated, echoed back, logged, and sent as transaction metadata) and the count
 * of database round trips. Everything the request does afterwards (auth, resolvers, loaders,
 * queries) runs inside it; later handlers find it with `scopeOf(res)`.
 */
export function requestScope(operationName: (req: Request) => string | undefined): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-request-id'];
    const requestId = (typeof header === 'string' ? header.slice(0, 64) : '') || randomUUID();
    const scope: RequestScope = { requestId, dbQueries: 0, operationName: operationName(req), client: req.ip };
    res.locals.scope = scope;
    res.setHeader('x-request-id', requestId);
    runInScope(scope, () => next());
  };
}

export function scopeOf(res: Response): RequestScope {
  return res.locals.scope as RequestScope;
}
