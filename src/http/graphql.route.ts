import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { AppContext } from '../api/context';
import { type RequestScope, runInScope } from '../common/request-context';
import { BodyError, byteLimit, readJsonBody } from '../security/http';
import { openScope } from './request-scope';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/** The `cors` package's middleware: it needs only node's request and response. */
type Cors = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export interface GraphqlRouteOptions {
  apollo: ApolloServer<AppContext>;
  cors: Cors;
  /** false once shutdown has begun: new requests get 503 so load balancers go elsewhere */
  accepting: () => boolean;
  /** BODY_LIMIT, as configured (`512kb`) */
  bodyLimit: string;
  /** the request's context, built inside its scope (a bad token fails here: 401) */
  context: (req: IncomingMessage, scope: RequestScope) => Promise<AppContext>;
  logger: Logger;
}

/**
 * Which requests are GraphQL's: `/graphql` and the paths below it, in any case, as
 * express's `app.use('/graphql')` matched them before.
 */
export function isGraphqlPath(url: string | undefined): boolean {
  if (!url || url.length < 8 || url.slice(0, 8).toLowerCase() !== '/graphql') return false;
  const next = url.charCodeAt(8);
  return Number.isNaN(next) || next === 0x2f /* / */ || next === 0x3f /* ? */ || next === 0x23 /* # */;
}

/** The query string as url.parse gave it to Apollo: from `?` up to a `#`, or ''. */
function searchOf(url: string): string {
  const q = url.indexOf('?');
  const hash = url.indexOf('#');
  if (q < 0 || (hash >= 0 && hash < q)) return '';
  return hash > q ? url.slice(q, hash) : url.slice(q);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

const SHUTTING_DOWN = { errors: [{ message: 'The server is shutting down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
const INTERNAL = { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };

/**
 * POST and GET /graphql straight on node's HTTP server, ahead of express: CORS (the `cors`
 * middleware, preflights included), the shutdown 503, the JSON body under BODY_LIMIT, the request
 * scope, then Apollo's `executeHTTPGraphQLRequest` and its answer written as it is. Express's
 * router, body parser and response helpers cost about a tenth of the CPU of a request
 * (bench/RESULTS.md), and /graphql used none of what they offer. WebSocket upgrades on the same
 * path never reach here (live.ws.ts listens for 'upgrade').
 */
export function graphqlRoute(o: GraphqlRouteOptions): Handler {
  const limitBytes = byteLimit(o.bodyLimit);

  async function execute(req: IncomingMessage, res: ServerResponse, body: unknown, scope: RequestScope): Promise<void> {
    // as @as-integrations/express5 builds it: repeated headers joined, the query string for GET
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await o.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: searchOf(req.url ?? ''), body },
      context: () => o.context(req, scope),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status || 200;
    if (response.body.kind === 'complete') {
      const text = response.body.string;
      const type = res.getHeader('content-type');
      // every answer is sent as UTF-8 and says so, as express's res.send said it
      if (typeof type !== 'string') res.setHeader('content-type', 'text/html; charset=utf-8');
      else if (!/;\s*charset=/i.test(type)) res.setHeader('content-type', `${type}; charset=utf-8`);
      res.setHeader('content-length', Buffer.byteLength(text));
      res.end(text);
      return;
    }
    // incremental delivery (@defer/@stream, which our schema does not offer): parts as they come
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!o.accepting()) return sendJson(res, 503, SHUTTING_DOWN, { connection: 'close' });
    let body: unknown;
    try {
      body = await readJsonBody(req, o.bodyLimit, limitBytes);
    } catch (err) {
      if (err instanceof BodyError) return sendJson(res, err.status, err.answer);
      throw err;
    }
    // everything this request does (auth, resolvers, loaders, queries) runs inside its scope
    const operationName = (body as { operationName?: string } | undefined)?.operationName ?? undefined;
    const scope = openScope(req, res, operationName);
    await runInScope(scope, () => execute(req, res, body, scope));
  }

  return (req, res) => {
    // the cors middleware answers preflights itself and calls next for everything else
    o.cors(req, res, () => {
      serve(req, res).catch((err: unknown) => {
        o.logger.error({ err }, 'graphql request failed outside Apollo');
        if (!res.headersSent) sendJson(res, 500, INTERNAL);
        else res.destroy();
      });
    });
  };
}
