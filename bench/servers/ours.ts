import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startService } from '../../src/http/service';
import { announce, argValue, countQuery, exitWithParent, startStats } from './common';

/**
 * Our service, exactly as `npm start` runs it (production mode), pointed at the benchmark's Neo4j.
 * Round trips are counted by the Database's query observer.
 */
async function main() {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    NEO4J_URI: argValue('neo4j'),
    PORT: argValue('port', '0'),
    HOST: '127.0.0.1',
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'warn',
  });
  const service = await startService(config, createLogger(config.LOG_LEVEL));
  service.db.onQuery(({ name, ms }) => countQuery(name, ms));
  exitWithParent(() => service.stop());
  announce(`${service.url}/graphql`, await startStats());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
