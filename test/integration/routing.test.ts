import type { Database } from '../../src/db/database';
import { toPlain } from '../../src/db/values';
import { freshGraph, testDatabase } from '../support/graph';

/**
 * Scaling out needs only a URI change: the chokepoint works through a routing (neo4j://) driver
 * against the single local instance, reads run as read transactions (which a cluster sends to
 * secondaries), writes as write transactions (sent to the leader), and the shared bookmark
 * manager makes every read wait for the writes this process committed before it.
 */
let db: Database;

beforeAll(async () => {
  const uri = process.env.NEO4J_URI!.replace(/^bolt:/, 'neo4j:');
  db = testDatabase({ uri });
  await freshGraph(db);
});
afterAll(async () => {
  await db?.write({ name: 'test/routing-cleanup', text: 'MATCH (n:RoutingProbe) DELETE n' });
  await db?.close();
});

describe('a neo4j:// URI against one instance', () => {
  it('routes: the server answers the routing table and the driver reports it', async () => {
    const info = await db.driver.getServerInfo({ database: db.name });
    expect(info.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await db.ping()).toBe(true);
  });

  it('reads see the write committed just before them, in another session (bookmarks)', async () => {
    const before = [...(await db.bookmarks.getBookmarks())];
    for (let i = 0; i < 20; i++) {
      await db.write({ name: 'test/routing-write', text: 'CREATE (:RoutingProbe {v: $v})' }, { v: i });
      const [rec] = await db.read({ name: 'test/routing-read', text: 'MATCH (n:RoutingProbe) RETURN count(n) AS c' });
      expect(Number(toPlain(rec.get('c')))).toBe(i + 1);
    }
    const after = [...(await db.bookmarks.getBookmarks())];
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
  });

  it('runs reads as read transactions (a write in one is refused) and writes as write transactions', async () => {
    await expect(db.read({ name: 'test/write-in-read', text: 'CREATE (:RoutingProbe {v: -1})' })).rejects.toMatchObject({
      code: 'Neo.ClientError.Statement.AccessMode',
    });
    await expect(db.write({ name: 'test/write-in-write', text: 'CREATE (:RoutingProbe {v: -2})' })).resolves.toEqual([]);
  });
});
