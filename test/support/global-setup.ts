import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalNeo4j } from '../../src/db/local-neo4j';
import { migrate } from '../../src/db/migrations';
import { silentLogger, testDatabase } from './graph';

/**
 * Starts one real Neo4j for the whole run (in a temporary folder, on a free loopback port), unless
 * NEO4J_URI already points at a server to use. Test files run one at a time (--runInBand) and each
 * starts from the seed graph (freshGraph in ./graph.ts), so no file sees another's writes.
 * Test processes read the URI from NEO4J_URI, which jest passes on to them.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.NEO4J_URI) {
    const home = mkdtempSync(join(tmpdir(), 'kg-neo4j-test-'));
    const neo4j = await startLocalNeo4j({ home, heap: '1g', pageCacheMb: 128 });
    (globalThis as { __neo4j?: unknown }).__neo4j = { ...neo4j, home };
    process.env.NEO4J_URI = neo4j.uri;
  }
  await migrateOnce();
}

/**
 * The schema (constraints and about a hundred indexes) is created here, once, before the first
 * file: otherwise the first file's beforeAll pays for it within its hook timeout (freshGraph's own
 * migrate then finds nothing to apply).
 */
async function migrateOnce(): Promise<void> {
  const db = testDatabase({ txTimeoutMs: 600_000, acquisitionTimeoutMs: 60_000 });
  try {
    await migrate(db, silentLogger);
  } finally {
    await db.close();
  }
}
