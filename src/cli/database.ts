import type { Config } from '../config';
import { createLogger, type Logger } from '../logger';
import { loadCypher } from '../db/cypher-registry';
import { Database } from '../db/database';
import { type LocalNeo4j, startLocalNeo4j } from '../db/local-neo4j';
import { readLocalNeo4jState } from '../db/local-neo4j-state';
import { migrate } from '../db/migrations';

/** A failure a command reports as one line (no stack trace) and exits 1 on. */
export class CliError extends Error {}

export interface CliDatabase {
  db: Database;
  /** where the database came from, for one line of output */
  via: 'NEO4J_URI' | 'running service' | 'own local Neo4j';
  logger: Logger;
  close(): Promise<void>;
}

export interface CliDatabaseOptions {
  /** transaction timeout of the command (bulk work: at least the service's) */
  txTimeoutMs?: number;
}

/**
 * The database every command (import, ingest, backup, restore) uses, found the way a person would
 * expect: NEO4J_URI when set; else the local Neo4j a running `npm start` on the same data folder
 * started (it leaves its Bolt URI in the data folder, see db/local-neo4j-state.ts); else a local
 * Neo4j of its own, stopped again by close(). Migrations are applied either way. Anything else that
 * holds the data folder is a CliError saying what to do.
 */
export async function openCliDatabase(config: Config, opts: CliDatabaseOptions = {}): Promise<CliDatabase> {
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  loadCypher();
  let local: LocalNeo4j | undefined;
  let via: CliDatabase['via'] = 'NEO4J_URI';
  let uri = config.NEO4J_URI;
  if (!uri) {
    const running = readLocalNeo4jState(config.NEO4J_DATA_DIR);
    if (running) {
      uri = running.uri;
      via = 'running service';
    } else {
      via = 'own local Neo4j';
      local = await startOwnNeo4j(config);
      uri = local.uri;
    }
  }
  const db = new Database({
    uri,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    txTimeoutMs: Math.max(config.NEO4J_TX_TIMEOUT_MS, opts.txTimeoutMs ?? 0),
    connectionTimeoutMs: config.NEO4J_CONNECTION_TIMEOUT_MS,
    acquisitionTimeoutMs: config.NEO4J_ACQUISITION_TIMEOUT_MS,
    logger,
  });
  const close = async () => {
    await db.close();
    await local?.stop();
  };
  try {
    await db.driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
    await migrate(db, logger);
  } catch (err) {
    await close();
    const where = via === 'NEO4J_URI' ? `NEO4J_URI (${uri})` : via === 'running service' ? `the Neo4j of the running service (${uri})` : 'the local Neo4j';
    throw new CliError(`Cannot use ${where}: ${firstLine(err)}`);
  }
  return { db, via, logger, close };
}

async function startOwnNeo4j(config: Config): Promise<LocalNeo4j> {
  try {
    // port 0: a free port, so a service that is still starting keeps its own (NEO4J_LOCAL_PORT)
    return await startLocalNeo4j({ home: config.NEO4J_DATA_DIR, port: 0, heap: config.NEO4J_HEAP, readyTimeoutMs: config.NEO4J_START_TIMEOUT_MS });
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (/lock/i.test(text) && /store_lock|locked by another process/i.test(text)) {
      throw new CliError(
        `The data folder ${config.NEO4J_DATA_DIR} is in use by another Neo4j that this project did not record (no running npm start found). ` +
          'Stop that process, or point this command at it with NEO4J_URI.',
      );
    }
    throw new CliError(`Could not start the local Neo4j: ${firstLine(err)}`);
  }
}

const firstLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0];
