import type { Plan } from 'neo4j-driver';
import pino from 'pino';
import { loadCypher, cypher, type CypherQuery } from '../../src/db/cypher-registry';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrations';
import { importSeed } from '../../src/write/seed';

export const silentLogger = pino({ level: 'silent' });

/** A Database on the test Neo4j that global setup started (NEO4J_URI). Close it in afterAll. */
export function testDatabase(overrides: Partial<ConstructorParameters<typeof Database>[0]> = {}): Database {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: run tests through jest so its global setup starts Neo4j');
  loadCypher();
  return new Database({
    uri,
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
    txTimeoutMs: 30_000,
    connectionTimeoutMs: 5_000,
    acquisitionTimeoutMs: 5_000,
    logger: silentLogger,
    ...overrides,
  });
}

/** Empties the graph (wipe uses an auto-commit transaction, as CALL IN TRANSACTIONS needs). */
export async function wipe(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.name });
  try {
    await session.run(cypher('test/wipe').text);
  } finally {
    await session.close();
  }
}

/** The isolation rule: every test file that touches data starts from exactly the seed graph. */
export async function freshGraph(db: Database): Promise<void> {
  await migrate(db, silentLogger);
  await wipe(db);
  await importSeed(db);
}

/** The plan Neo4j makes for `q` with these parameters (EXPLAIN: nothing runs). */
export async function explainPlan(db: Database, q: CypherQuery, params: Record<string, unknown> = {}): Promise<Plan> {
  const session = db.driver.session({ database: db.name });
  try {
    const result = await session.run(`EXPLAIN ${q.text}`, params);
    if (!result.summary.plan) throw new Error(`no plan for ${q.name}`);
    return result.summary.plan as Plan;
  } finally {
    await session.close();
  }
}
