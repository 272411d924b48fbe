import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { GraphQLError, type GraphQLSchema, getOperationAST, parse, specifiedRules, validate, type DocumentNode } from 'graphql';
import type { Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import type { AppContext } from '../api/context';
import { requireRole } from '../auth/auth-checker';
import type { Authenticator } from '../auth/authenticator';
import type { Principal } from '../auth/roles';
import { AppError, BadUserInputError, formatError, QueryTooComplexError } from '../common/errors';
import type { RequestScope } from '../common/request-context';
import { CLOSE_CODES, type LiveConnection } from '../live/live.service';
import { ReadWindow } from '../live/read-window';
import { checkOperationCost, type OperationLimits } from '../security/limits';
import type { ValidationRule } from 'graphql';

export interface LiveServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  authenticator: Authenticator;
  requireAuthForReads: boolean;
  limits: OperationLimits;
  validationRules: ValidationRule[];
  maxConnections: number;
  maxSubscriptions: number;
  /** bytes sent to a client and not yet read beyond which its events wait (LIVE_MAX_UNREAD_BYTES) */
  maxUnreadBytes: number;
  /** how long a client may stay behind while events wait before it is cut off (LIVE_SLOW_CONSUMER_MS) */
  stallMs: number;
  /** graphql-ws's keep-alive: a ping this often; no pong within as long again drops the socket (0 = off) */
  keepAliveMs: number;
  production: boolean;
  logger: Logger;
  requestContext(scope: RequestScope, user?: Principal): AppContext;
}

type ConnectionExtra = { user?: Principal };

/** A WebSocket close reason is at most 123 bytes. */
const reason = (text: string) => Buffer.from(text).subarray(0, 120).toString();

const closeForAuth = (err: unknown): [number, string] => {
  const code = err instanceof AppError ? err.code : 'UNAUTHENTICATED';
  const message = err instanceof Error ? err.message : 'not authenticated';
  return [code === 'FORBIDDEN' ? 4403 : CLOSE_CODES.unauthorized, reason(`${code}: ${message}`)];
};

/** A parse or validation error of graphql-js carries no code; the contract's clients need one. */
const withCode = (err: GraphQLError, code: string) =>
  err instanceof AppError || err.originalError instanceof AppError ? err : new GraphQLError(err.message, { nodes: err.nodes, source: err.source, positions: err.positions, extensions: { ...err.extensions, code } });

/**
 * graphql-ws on the HTTP server's port and path (/graphql): subscriptions only (queries and
 * mutations go over HTTP). The token of `connection_init` (payload `{ authorization: "Bearer …" }`)
 * is checked as HTTP checks the Authorization header, with the same REQUIRE_AUTH_FOR_READS rule;
 * every subscription passes the same operation limits (tokens, depth, aliases, directives, cost);
 * a connection holds at most `maxSubscriptions`, the server at most `maxConnections`; a client
 * that does not read what it is sent is cut off (read-window.ts).
 */
export function mountLiveServer(opts: LiveServerOptions): Disposable {
  const wss = new WebSocketServer({ server: opts.httpServer, path: '/graphql', maxPayload: 256 * 1024 });
  const connections = new WeakMap<WebSocket, LiveConnection>();
  // registered before graphql-ws's own handler, so every message it sends is counted
  wss.on('connection', (socket) => {
    if (wss.clients.size > opts.maxConnections) socket.close(CLOSE_CODES.tryAgainLater, 'Too many live connections; try again later');
    connections.set(socket, liveConnection(socket, opts));
  });
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));

  return useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema: opts.schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization = params.authorization ?? params.Authorization;
        try {
          if (authorization !== undefined && typeof authorization !== 'string') throw new BadUserInputError('connection_init payload.authorization must be a string');
          const user = await opts.authenticator.authenticate(authorization);
          if (opts.requireAuthForReads) requireRole(user, 'reader', 'subscriptions (REQUIRE_AUTH_FOR_READS is set)');
          ctx.extra.user = user;
          return true;
        } catch (err) {
          ctx.extra.socket.close(...closeForAuth(err));
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        if (Object.keys(ctx.subscriptions).length > opts.maxSubscriptions) {
          return [new QueryTooComplexError(`A connection may hold at most ${opts.maxSubscriptions} subscriptions (LIVE_MAX_SUBSCRIPTIONS)`, { limit: opts.maxSubscriptions })];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: opts.limits.maxTokens });
        } catch (err) {
          return [withCode(err as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(opts.schema, document, [...specifiedRules, ...opts.validationRules]);
        if (errors.length) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new BadUserInputError('Only subscriptions run over WebSocket; send queries and mutations over HTTP (POST /graphql)')];
        }
        try {
          checkOperationCost(opts.limits, opts.schema, document, payload.operationName ?? undefined, payload.variables ?? undefined);
        } catch (err) {
          return [err as GraphQLError];
        }
        const scope: RequestScope = { requestId: randomUUID(), dbQueries: 0, operationName: payload.operationName ?? 'graphChanged', userId: ctx.extra.user?.id };
        const contextValue: AppContext = {
          ...opts.requestContext(scope, ctx.extra.user),
          connection: connections.get(ctx.extra.socket),
        };
        return { schema: opts.schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
      isProd: opts.production,
    },
    wss,
    opts.keepAliveMs,
  );
}

/**
 * One socket's side of live updates: what its client has read (a ReadWindow fed by every message
 * graphql-ws sends and by the pongs), and its cut-off as a slow consumer.
 */
function liveConnection(socket: WebSocket, opts: LiveServerOptions): LiveConnection {
  const cutOff = (why: string, unreadBytes: number) => {
    if (socket.readyState !== socket.OPEN) return;
    opts.logger.info({ unreadBytes, why }, 'live: slow consumer disconnected');
    // the close frame follows what is already on its way; the client sees it once it reads again
    socket.close(CLOSE_CODES.slowConsumer, reason(`Slow consumer: ${why}; resume after your last position`));
  };
  const window = new ReadWindow({
    maxUnreadBytes: opts.maxUnreadBytes,
    stallMs: opts.stallMs,
    ping: (payload) => {
      if (socket.readyState === socket.OPEN) socket.ping(payload);
    },
    onStall: (unreadBytes) => cutOff(`over ${opts.maxUnreadBytes} bytes unread for ${opts.stallMs} ms`, unreadBytes),
  });
  // graphql-ws writes through socket.send; the pongs of our pings say how much has been read
  const send = socket.send.bind(socket);
  socket.send = ((data: string | Buffer, ...rest: unknown[]) => {
    window.countSent(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
    return (send as (...a: unknown[]) => void)(data, ...rest);
  }) as typeof socket.send;
  socket.on('pong', (data) => window.confirm(data));
  socket.once('close', () => window.close());
  return {
    get behind() {
      return window.behind;
    },
    caughtUp: () => window.caughtUp(),
    cutOff: (why) => cutOff(why, window.unreadBytes),
  };
}
