import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { RequestScope, runInScope } from '../common/request-context';

/**
 * A request's scope, for /graphql and /export alike: the request id (taken from `x-request-id` or
 * generated, echoed back, logged, and sent as transaction metadata) and the count of database
 * round trips. Everything the request does afterwards (auth, resolvers, loaders, queries) runs
 * inside it (`runInScope`).
 */
export function openScope(req: IncomingMessage, res: ServerResponse, operationName: string | undefined): RequestScope {
  const header = req.headers['x-request-id'];
  const requestId = (typeof header === 'string' ? header.slice(0, 64) : '') || randomUUID();
  res.setHeader('x-request-id', requestId);
  // the peer's address, as express's req.ip gives it without 'trust proxy'
  return { requestId, dbQueries: 0, operationName, client: req.socket.remoteAddress };
}

/** The scope as express middleware (/export): later handlers find it with `scopeOf(res)`. */
export function requestScope(operationName: string): RequestHandler {
  return (req, res, next) => {
    const scope = openScope(req, res, operationName);
    res.locals.scope = scope;
    runInScope(scope, () => next());
  };
}

export function scopeOf(res: Response): RequestScope {
  return res.locals.scope as RequestScope;
}
