import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express, { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { formatError } from '../common/errors';
import type { Database } from '../db/database';
import type { HealthMonitor } from '../db/health';
import { ServiceMetrics } from '../observability/metrics';
import { requestObservabilityPlugin } from '../observability/request-plugin';
import { authPlugin } from './auth.plugin';
import { Authenticator } from '../auth/authenticator';
import { limitsFromConfig, operationLimits } from '../security/limits';
import type { AppContext } from '../api/context';
import { compose } from './composition';
import { requestScope } from './request-scope';
import { graphqlRoute, isGraphqlPath } from './graphql.route';
import { dbQueriesHeaderPlugin } from './db-queries.plugin';
import { getSchema } from '../api/schema';
import { executionGateway } from './compiled-executor';
import { exportHandler } from './export.route';
import { readerGuard } from './read-guard';
import { mountWebPages } from './web';
import { mountLiveServer } from './live.ws';
import type { Composition } from './composition';

export interface App {
  express: Express;
  httpServer: http.Server;
  apollo: ApolloServer<AppContext>;
  /** set false first on shutdown so load balancers stop sending traffic */
  accepting: boolean;
  metrics: ServiceMetrics;
  /** graphql-ws on /graphql, and the change log's tail and pruning behind it */
  live: { dispose(): Promise<void> | void; background: Composition['background'] };
}

export interface AppOptions {
  config: Config;
  db: Database;
  logger: Logger;
  health: HealthMonitor;
}

export async function createApp({ config, db, logger, health }: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // no ETags on the JSON answers (/healthz, /readyz, /metrics, /export errors): nothing revalidates them
  app.set('etag', false);
  // its 'request' listener is set at the end: /graphql first, express for the rest
  const httpServer = http.createServer();
  const production = config.NODE_ENV === 'production';
  const metrics = new ServiceMetrics(db);
  // the composition root: services built once, a context per request, for /graphql and /export
  const { services, requestContext, background, shapes } = compose({
    db,
    logger,
    importMaxItems: config.IMPORT_MAX_ITEMS,
    live: {
      retentionMs: config.CHANGE_LOG_RETENTION,
      maxChanges: config.CHANGE_LOG_MAX_CHANGES,
      pruneIntervalMs: config.CHANGE_LOG_PRUNE_INTERVAL_MS,
      pollMs: config.LIVE_POLL_INTERVAL_MS,
      maxBuffered: config.LIVE_MAX_BUFFERED_EVENTS,
      stallMs: config.LIVE_SLOW_CONSUMER_MS,
    },
    importTxTimeoutMs: config.IMPORT_TX_TIMEOUT_MS,
    traceExpansionBudget: config.TRACE_EXPANSION_BUDGET,
    planning: { known: config.PLAN_KNOWN_SHAPES, perMinute: config.PLAN_BUDGET_PER_MINUTE, perClientPerMinute: config.PLAN_BUDGET_PER_CLIENT_PER_MINUTE },
    ranking: { refreshMs: config.RANKING_REFRESH_MS, maxAgeMs: config.RANKING_MAX_AGE_MS, pageRank: config.RANKING_PAGERANK === 'on' },
  });
  metrics.watchShapes(shapes);
  const authenticator = new Authenticator(config, logger);
  const limits = operationLimits(limitsFromConfig(config));
  const schema = await getSchema();

  const apollo = new ApolloServer<AppContext>({
    // Apollo parses, validates, limits and formats; execution is compiled per document (compiled-executor.ts)
    gateway: executionGateway(schema, config.GRAPHQL_EXECUTION),
    introspection: !production || config.ENABLE_INTROSPECTION,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: production,
    // main.ts owns SIGTERM/SIGINT so shutdown runs in order (readiness, drain, driver, Neo4j)
    stopOnTerminationSignals: false,
    // internals (Neo4j messages, element ids, stack traces) never reach a client, in any mode: they are logged
    formatError: (formatted, original) => formatError(formatted, original),
    // operation limits and auth run before execution: a refused request does no database work
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    plugins: [
      // in-flight requests get SHUTDOWN_GRACE_MS to finish after SIGTERM, then their sockets close
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      // we send no cache hints; the default cache-control plugin wrapped every field's resolver to compute them
      ApolloServerPluginCacheControlDisabled(),
      requestObservabilityPlugin(metrics, logger),
      authPlugin({ requireAuthForReads: config.REQUIRE_AUTH_FOR_READS }),
      limits.plugin,
      dbQueriesHeaderPlugin(),
      // the background ranking job stops with the server (before the driver closes)
      { serverWillStart: async () => ({ serverWillStop: () => services.ranking.stop() }) },
    ],
  });
  await apollo.start();
  services.ranking.start();

  // subscriptions over graphql-ws on the same port and path, with the same auth rule and limits
  const live = mountLiveServer({
    httpServer,
    schema,
    authenticator,
    requireAuthForReads: config.REQUIRE_AUTH_FOR_READS,
    limits: limitsFromConfig(config),
    validationRules: limits.validationRules,
    maxConnections: config.LIVE_MAX_CONNECTIONS,
    maxSubscriptions: config.LIVE_MAX_SUBSCRIPTIONS,
    maxUnreadBytes: config.LIVE_MAX_UNREAD_BYTES,
    stallMs: config.LIVE_SLOW_CONSUMER_MS,
    keepAliveMs: config.LIVE_KEEPALIVE_MS,
    production,
    logger,
    requestContext,
  });
  const state: App = { express: app, httpServer, apollo, accepting: true, metrics, live: { dispose: () => live.dispose(), background } };

  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  // metrics tell who uses what: behind a reader's token when reads need one (the pages /, /graphiql
  // and /assets carry no data and stay public: the data they show comes through /graphql)
  app.get(
    '/metrics',
    readerGuard({ required: config.REQUIRE_AUTH_FOR_READS, what: 'metrics', authenticate: (h) => authenticator.authenticate(h) }),
    metrics.handler(),
  );
  app.get('/readyz', async (_req, res) => {
    const ready = state.accepting && health.ready;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not ready',
      database: db.available ? 'up' : 'down',
      migrations: health.migrationsApplied ? 'applied' : 'pending',
      accepting: state.accepting,
    });
  });

  // the explorer page (/), GraphiQL (/graphiql) and their bundled assets (/assets), all local
  mountWebPages(app);

  const corsOptions = config.CORS_ORIGINS.length ? cors({ origin: config.CORS_ORIGINS, maxAge: 600 }) : cors({ origin: false });
  // graph files for Gephi, yEd, NetworkX; same CORS allow-list, and the file name readable cross-origin
  app.use(
    '/export',
    cors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false, exposedHeaders: ['Content-Disposition'], maxAge: 600 }),
    requestScope('export'),
    exportHandler({ trace: services.trace, logger, authenticate: (h) => authenticator.authenticate(h), requireAuthForReads: config.REQUIRE_AUTH_FOR_READS }),
  );
  const graphql = graphqlRoute({
    apollo,
    cors: corsOptions,
    accepting: () => state.accepting,
    bodyLimit: config.BODY_LIMIT,
    // a bad token fails here: UNAUTHENTICATED, HTTP 401, before any parsing or database work
    context: async (req, scope) => {
      const user = await authenticator.authenticate(req.headers.authorization);
      scope.userId = user?.id;
      return requestContext(scope, user);
    },
    logger,
  });
  // every request is timed; /graphql (POST, GET, preflights) skips express's router, body parser and
  // response helpers (graphql.route.ts); WebSocket upgrades on /graphql go to live.ws.ts
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    metrics.observeHttp(req, res);
    if (isGraphqlPath(req.url)) graphql(req, res);
    else app(req, res);
  });

  return state;
}
