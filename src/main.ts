import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfig, ConfigError } from './config';
import { createLogger } from './logger';
import { startService } from './http/service';
import { startCluster } from './http/cluster';

/**
 * `npm start`: configuration, database (our own local Neo4j unless NEO4J_URI is set), API: one
 * process, or with WEB_CONCURRENCY > 1 a primary and that many API workers (src/http/cluster.ts).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // with several API processes, each line names the one that wrote it
  const logger = createLogger(config.LOG_LEVEL, cluster.isWorker ? { pid: process.pid } : {});
  // the handlers are in place before anything starts: a primary is signalled as soon as its first
  // worker answers, while it may still be starting the others
  const starting = cluster.isPrimary && config.WEB_CONCURRENCY > 1 ? startCluster(config, logger, config.WEB_CONCURRENCY) : startService(config, logger);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // the drain is bounded by SHUTDOWN_GRACE_MS and Neo4j's stop by 30 s; never hang past both
    setTimeout(() => {
      logger.error('shutdown did not finish in time: exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + 35_000).unref();
    starting
      .then((service) => service.stop())
      .then(() => process.exit(0))
      .catch((err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await starting;
}

main().catch((err) => {
  process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
