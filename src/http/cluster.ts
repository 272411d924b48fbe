import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { LocalNeo4jSupervisor } from '../db/neo4j-supervisor';
import { assertPortFree } from './port';

/**
 * WEB_CONCURRENCY > 1: this process is the primary of `WEB_CONCURRENCY` API processes that share
 * nothing but Neo4j (the API keeps no state between requests; DataLoader caches are per request).
 * node:cluster hands each incoming connection to one worker; every worker runs `startService`.
 *
 * - Neo4j: with NEO4J_URI unset the primary starts the embedded Neo4j once and passes its URI to
 *   the workers, so there is one JVM however many workers. The primary supervises it as a single
 *   process does (restarts with backoff, the state file commands use to find it; src/db/neo4j-supervisor.ts):
 *   the workers' drivers reconnect to the same URI and their readiness is 503 meanwhile.
 * - Startup: the first worker runs the migrations and the seed alone; the others start once it
 *   listens (so two processes never race to create the same constraint or seed twice).
 * - SIGTERM/SIGINT: the primary forwards SIGTERM to every worker (each drains its requests as a
 *   single process does), waits for all to exit, then stops Neo4j. A worker that dies otherwise is
 *   replaced.
 */
export interface ClusterHandle {
  stop(): Promise<void>;
}

export async function startCluster(config: Config, logger: Logger, workers: number): Promise<ClusterHandle> {
  let localNeo4j: LocalNeo4jSupervisor | undefined;
  const env: Record<string, string> = { WEB_CONCURRENCY: '1' };
  await assertPortFree(config.PORT, config.HOST);
  if (!config.NEO4J_URI) {
    logger.info({ dataDir: config.NEO4J_DATA_DIR }, 'NEO4J_URI is not set: starting the local Neo4j');
    const started = Date.now();
    localNeo4j = new LocalNeo4jSupervisor({
      neo4j: { home: config.NEO4J_DATA_DIR, port: config.NEO4J_LOCAL_PORT, heap: config.NEO4J_HEAP, readyTimeoutMs: config.NEO4J_START_TIMEOUT_MS, log: (line) => logger.info(line) },
      logger,
      maxRestarts: config.NEO4J_RESTART_MAX,
      backoffMs: config.NEO4J_RESTART_BACKOFF_MS,
      // the workers' health monitors notice the outage and its end themselves
      onDown: () => undefined,
      onUp: () => undefined,
      onGiveUp: (reason) => {
        process.stderr.write(`Stopping: ${reason}\n`);
        stopping = true;
        void stopWorkers().finally(() => process.exit(1));
      },
    });
    const { uri } = await localNeo4j.start();
    logger.info({ uri, pid: localNeo4j.pid, ms: Date.now() - started }, 'local Neo4j is ready');
    env.NEO4J_URI = uri;
  }

  let stopping = false;
  const live = new Set<Worker>();
  const fork = (extra: Record<string, string> = {}): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ ...env, ...extra });
      live.add(worker);
      const failed = (code: number | null) => reject(new Error(`an API worker exited with code ${code} before it listened`));
      worker.once('exit', failed);
      worker.once('listening', () => {
        worker.off('exit', failed);
        worker.on('exit', (code, signal) => {
          live.delete(worker);
          if (stopping) return;
          logger.error({ pid: worker.process.pid, code, signal }, 'an API worker died: starting another');
          void fork().catch((err: unknown) => logger.error({ err }, 'could not replace the API worker'));
        });
        resolve(worker);
      });
    });

  const stopWorkers = async () => {
    await Promise.all(
      [...live].map(
        (w) =>
          new Promise<void>((done) => {
            if (w.isDead()) return done();
            w.once('exit', () => done());
            w.process.kill('SIGTERM');
          }),
      ),
    );
  };

  try {
    // the first worker migrates and seeds; the others find nothing left to do
    await fork();
    await Promise.all(Array.from({ length: workers - 1 }, () => fork({ SEED_ON_EMPTY: 'false' })));
  } catch (err) {
    stopping = true;
    await stopWorkers();
    await localNeo4j?.stop();
    throw err;
  }
  logger.info({ workers, pids: [...live].map((w) => w.process.pid) }, 'API workers ready');

  return {
    stop: async () => {
      stopping = true;
      await stopWorkers();
      await localNeo4j?.stop();
      logger.info('stopped');
    },
  };
}
