import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { loadCypher } from '../db/cypher-registry';
import { Database } from '../db/database';
import { HealthMonitor } from '../db/health';
import { LocalNeo4jSupervisor } from '../db/neo4j-supervisor';
import { assertPortFree, listen } from './port';
import { migrate } from '../db/migrations';
import { seedIfEmpty } from '../write/seed';
import { App, createApp } from './app';

export interface RunningService {
  app: App;
  db: Database;
  url: string;
  localNeo4j?: LocalNeo4jSupervisor;
  stop(): Promise<void>;
}

export interface ServiceHooks {
  /** the local Neo4j cannot be brought back: the service cannot serve (default: exit 1 saying why) */
  onFatal?: (reason: string) => void;
}

const exitWith = (reason: string): void => {
  process.stderr.write(`Stopping: ${reason}\n`);
  process.exit(1);
};

/**
 * Starts everything in order (database, migrations, seed, HTTP) and returns a handle whose stop()
 * undoes it in reverse: readiness off, drain in-flight requests, close the driver, stop Neo4j.
 */
export async function startService(config: Config, logger: Logger, hooks: ServiceHooks = {}): Promise<RunningService> {
  const started = Date.now();
  // a port in use is known before Neo4j starts, and said in one line (main.ts prints it); a
  // cluster's primary checked it already, and its workers share the primary's listener
  if (cluster.isPrimary) await assertPortFree(config.PORT, config.HOST);
  loadCypher();
  let localNeo4j: LocalNeo4jSupervisor | undefined;
  let uri = config.NEO4J_URI;
  // set once the database and its monitor exist; the supervisor tells them about a dead JVM at once
  let onNeo4jDown = (): void => undefined;
  let onNeo4jUp = (): void => undefined;
  if (!uri) {
    logger.info({ dataDir: config.NEO4J_DATA_DIR }, 'NEO4J_URI is not set: starting the local Neo4j');
    localNeo4j = new LocalNeo4jSupervisor({
      neo4j: { home: config.NEO4J_DATA_DIR, port: config.NEO4J_LOCAL_PORT, heap: config.NEO4J_HEAP, readyTimeoutMs: config.NEO4J_START_TIMEOUT_MS, log: (line) => logger.info(line) },
      logger,
      maxRestarts: config.NEO4J_RESTART_MAX,
      backoffMs: config.NEO4J_RESTART_BACKOFF_MS,
      onDown: () => onNeo4jDown(),
      onUp: () => onNeo4jUp(),
      onGiveUp: hooks.onFatal ?? exitWith,
    });
    uri = (await localNeo4j.start()).uri;
    logger.info({ uri, pid: localNeo4j.pid, ms: Date.now() - started }, 'local Neo4j is ready');
  }
  const db = new Database({
    uri,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS,
    connectionTimeoutMs: config.NEO4J_CONNECTION_TIMEOUT_MS,
    acquisitionTimeoutMs: config.NEO4J_ACQUISITION_TIMEOUT_MS,
    logger,
  });
  const health = new HealthMonitor(db, logger);
  onNeo4jDown = () => health.markDown();
  onNeo4jUp = () => void health.check();
  try {
    await db.driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
    const applied = await migrate(db, logger);
    logger.info({ applied: applied.length }, applied.length ? 'migrations applied' : 'no migrations to apply');
    health.migrationsApplied = true;
    if (config.SEED_ON_EMPTY) await seedIfEmpty(db, logger);
  } catch (err) {
    await db.close();
    await localNeo4j?.stop();
    throw err;
  }
  health.start();

  const app = await createApp({ config, db, logger, health });
  // the change log's tail starts at the log's newest position; subscribers resume older ones with `after`
  await app.live.background.start();
  try {
    await listen(app.httpServer, config.PORT, config.HOST);
  } catch (err) {
    health.stop();
    await app.live.background.stop();
    await app.apollo.stop();
    await db.close();
    await localNeo4j?.stop();
    throw err;
  }
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  logger.info({ url, ms: Date.now() - started }, 'ready');

  return {
    app,
    db,
    url,
    localNeo4j,
    stop: async () => {
      app.accepting = false;
      health.stop();
      // just before the drain's grace period ends, requests still waiting on the database are
      // answered 503 and their transactions rolled back, rather than cut off with no answer
      const grace = config.SHUTDOWN_GRACE_MS;
      const cutoff = setTimeout(() => db.shutdown(), Math.max(0, grace - Math.min(1000, grace / 2)));
      // subscriptions end cleanly (close 1001, "Going away"): clients resume `after` their last position elsewhere
      await app.live.dispose();
      await app.live.background.stop();
      await app.apollo.stop(); // the drain plugin closes the listener and waits for in-flight requests
      clearTimeout(cutoff);
      await db.close();
      await localNeo4j?.stop();
      logger.info('stopped');
    },
  };
}
