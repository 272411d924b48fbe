import type { Database } from '../../src/db/database';
import { freePort } from '../../src/db/local-neo4j';
import { toPlain } from '../../src/db/values';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { buildDist, distExists, killService, startServiceProcess } from '../support/process';

/**
 * SIGTERM while an import is still running past the grace period: the request gets an answer
 * (503 DATABASE_UNAVAILABLE saying the service is shutting down) instead of a closed socket, and
 * the import stays all or nothing (here: nothing). The import is held in flight deterministically:
 * the test's own transaction holds the write lock of the document's source, which the import
 * takes first.
 */
jest.setTimeout(180_000);

let db: Database;
beforeAll(async () => {
  if (!distExists()) buildDist();
  db = testDatabase();
  await freshGraph(db);
});
afterAll(() => db?.close());

const SOURCE = 'source:shutdown-held';
const doc = {
  source: { id: SOURCE, name: 'Held', names: [{ lang: 'en', value: 'Held' }], properties: { issued: '2025-09-08', lang: 'en', title: 'Held', sections: [{ id: 'main', title: 'Main' }] } },
  entities: Array.from({ length: 50 }, (_, i) => ({
    id: `company:shutdown-held-${i}`,
    kind: 'COMPANY',
    name: `Held ${i}`,
    names: [{ lang: 'en', value: `Held ${i}` }],
    provenance: [{ section: 'main', sentence: `Held ${i} exists.`, basis: 'REPORTED' }],
  })),
  relationships: [],
};

const count = async () => Number(toPlain((await db.read({ name: 'test/shutdown-count', text: "MATCH (n:Entity) WHERE n.id STARTS WITH 'company:shutdown-held-' RETURN count(n)" }))[0].get(0)));

it('an import cut by SIGTERM after the grace period is answered 503 and writes nothing', async () => {
  await db.write({ name: 'test/shutdown-source', text: "CREATE (:Entity:Source {id: $id, kind: 'SOURCE', name: 'Held', names: ['Held'], nameLangs: ['en'], sectionIds: ['main']})" }, { id: SOURCE });
  const port = await freePort();
  const svc = startServiceProcess({ PORT: String(port), NEO4J_URI: process.env.NEO4J_URI!, API_KEYS: TEST_API_KEYS, SHUTDOWN_GRACE_MS: '2000', SEED_ON_EMPTY: 'false' });
  const session = db.driver.session({ database: db.name });
  const holder = session.beginTransaction();
  try {
    await svc.waitForLog((l) => l.msg === 'ready', 120_000);
    await holder.run("MATCH (s:Source {id: $id}) SET s.heldByTest = true", { id: SOURCE });
    const answer = fetch(`${svc.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asRole('editor') },
      body: JSON.stringify({ query: 'mutation($doc: JSON!) { importDocument(document: $doc) { provenance } }', variables: { doc } }),
    });
    // wait until the import is blocked on the source's lock: its transaction is then in flight
    for (let seen = false; !seen; await new Promise((r) => setTimeout(r, 200))) {
      const txs = await db.driver.executeQuery('SHOW TRANSACTIONS YIELD currentQuery RETURN collect(currentQuery) AS q', {}, { database: db.name });
      seen = (txs.records[0].get('q') as string[]).some((q) => q.includes('__lock'));
    }
    svc.child.kill('SIGTERM');
    const res = await answer;
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(res.status).toBe(503);
    expect(body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(body.errors?.[0]?.message).toMatch(/shutting down/);
    expect((await svc.exited).code).toBe(0);
  } finally {
    await holder.rollback();
    await session.close();
    await killService(svc);
  }
  expect(await count()).toBe(0);
});
