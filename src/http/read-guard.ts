import type { RequestHandler } from 'express';
import { requireRole } from '../auth/auth-checker';
import type { Principal } from '../auth/roles';
import { httpErrorResponse } from '../common/errors';

/**
 * For plain HTTP routes that show data about the graph or its use (/metrics: operation names,
 * counts, timings): with REQUIRE_AUTH_FOR_READS they need a reader's token, as /graphql and
 * /export do; the answer to a missing or bad one is the same 401/403 with a GraphQL-shaped body.
 */
export function readerGuard(opts: {
  required: boolean;
  what: string;
  authenticate: (authorization: string | undefined) => Promise<Principal | undefined>;
}): RequestHandler {
  return (req, res, next) => {
    if (!opts.required) return next();
    opts
      .authenticate(req.headers.authorization)
      .then((user) => {
        requireRole(user, 'reader', `${opts.what} (REQUIRE_AUTH_FOR_READS is set)`);
        next();
      })
      .catch((err: unknown) => {
        const answer = httpErrorResponse(err);
        for (const [name, value] of answer.headers) res.set(name, value);
        res.status(answer.status).json(answer.body);
      });
  };
}
