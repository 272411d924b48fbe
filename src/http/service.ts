import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { loadCypher } from '../db/cypher-registry';
import { Database } from '../db/database';
import { HealthMonitor } from '../db/health';
import { LocalNeo4j, startLocalNeo4j } from '../db/local-neo4j';
import { assertPortFree, listen } from './port';
import { migrate } from '../db/migrations';
import { seedIfEmpty } from '../write/seed';
import { App, createApp } from './app';

export interface RunningService {
  app: App;
  db: Database;
  url: string;
  localNeo4j?: LocalNeo4j;
  stop(): Promise<void>;
}

/**
 * Starts everything in order (database, migrations, seed, HTTP) and returns a handle whose stop()
 * undoes it in reverse: readiness off, drain in-flight requests, close the driver, stop Neo4j.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const started = Date.now();
  // a port in use is known before Neo4j starts, and said in one line (main.ts prints it)
  await assertPortFree(config.PORT, config.HOST);
  loadCypher();
  let localNeo4j: LocalNeo4j | undefined;
  let uri = config.NEO4J_URI;
  if (!uri) {
    logger.info({ dataDir: config.NEO4J_DATA_DIR }, 'NEO4J_URI is not set: starting the local Neo4j');
    localNeo4j = await startLocalNeo4j({
      home: config.NEO4J_DATA_DIR,
      port: config.NEO4J_LOCAL_PORT,
      heap: config.NEO4J_HEAP,
      log: (line) => logger.info(line),
    });
    uri = localNeo4j.uri;
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
  try {
    await listen(app.httpServer, config.PORT, config.HOST);
  } catch (err) {
    health.stop();
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
      await app.apollo.stop(); // the drain plugin closes the listener and waits for in-flight requests
      await db.close();
      await localNeo4j?.stop();
      logger.info('stopped');
    },
  };
}
