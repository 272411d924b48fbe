import { ConflictError, DatabaseUnavailableError } from '../../src/common/errors';
import { cypher } from '../../src/db/cypher-registry';
import { Database } from '../../src/db/database';
import { migrate, readMigrations } from '../../src/db/migrations';
import { toPlain } from '../../src/db/values';
import { freshGraph, silentLogger, testDatabase } from '../support/graph';

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
});
afterAll(() => db.close());

const count = async (text: string, params = {}) => Number(toPlain((await db.read({ name: 'test/count', text }, params))[0].get(0)));

describe('migrations', () => {
  it('records every migration once, and a second run applies nothing', async () => {
    expect(await migrate(db, silentLogger)).toEqual([]);
    expect(await count('MATCH (m:Migration) RETURN count(m)')).toBe(readMigrations().length);
  });

  it('creates a uniqueness constraint on id for :Entity and every kind label', async () => {
    const recs = await db.read({ name: 'test/constraints', text: "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties" });
    const labels = recs.filter((r) => (r.get('properties') as string[]).join() === 'id').map((r) => r.get('label') as string);
    expect(labels).toEqual(expect.arrayContaining(['Entity', 'Company', 'Government', 'Organization', 'Person', 'Product', 'Partnership', 'Investment', 'Policy', 'Event', 'Metric', 'Place', 'Sector', 'Source']));
  });

  it('creates the full-text index with the cjk analyzer over names and aliases', async () => {
    const [rec] = await db.read({ name: 'test/ft', text: "SHOW FULLTEXT INDEXES YIELD name, properties, options WHERE name = 'entity_names' RETURN properties, options" });
    expect(rec.get('properties')).toEqual(['name', 'names']);
    expect((rec.get('options') as { indexConfig: Record<string, unknown> }).indexConfig['fulltext.analyzer']).toBe('cjk');
  });

  it.each([
    ['阿里巴巴', 'company:alibaba'],
    ['百度', 'company:baidu'],
    ['알리바바', 'company:alibaba'],
    ['항저우시', 'government:hangzhou'],
  ])('the cjk index finds %s (%s) among its hits', async (text, id) => {
    const recs = await db.read({ name: 'test/ft-query', text: "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id LIMIT 10" }, { q: text });
    expect(recs.map((r) => r.get('id'))).toContain(id);
  });
});

describe('the database chokepoint', () => {
  it('maps a uniqueness violation to CONFLICT and writes nothing of the failed transaction', async () => {
    const before = await count('MATCH (n:Entity) RETURN count(n)');
    await expect(
      db.writeTx(async (tx) => {
        await tx.run({ name: 'test/create-probe', text: "CREATE (:Entity:Company {id: 'company:probe-conflict', kind: 'COMPANY', name: 'Probe'})" });
        await tx.run({ name: 'test/create-duplicate', text: "CREATE (:Entity:Company {id: 'company:alibaba', kind: 'COMPANY', name: 'Duplicate'})" });
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await count('MATCH (n:Entity) RETURN count(n)')).toBe(before);
  });

  it("leaves the process's stack trace limit as it was, after a statement that answers and one that fails", async () => {
    const limit = Error.stackTraceLimit;
    await db.read({ name: 'test/one', text: 'RETURN 1 AS one' });
    expect(Error.stackTraceLimit).toBe(limit);
    await expect(db.read({ name: 'test/bad', text: 'RETURN 1 / 0 AS boom' })).rejects.toThrow();
    expect(Error.stackTraceLimit).toBe(limit);
    // errors made elsewhere still carry their stack
    expect(new Error('here').stack?.split('\n').length).toBeGreaterThan(1);
  });

  it('loads every named query under cypher/ once, by path', () => {
    expect(cypher('entity/by-ids').text).toMatch(/UNWIND \$ids/);
    expect(() => cypher('no/such-query')).toThrow(/cypher\/no\/such-query\.cypher/);
  });

  it('fails fast with DATABASE_UNAVAILABLE when no server answers', async () => {
    const dead = testDatabase({ uri: 'bolt://127.0.0.1:1', connectionTimeoutMs: 1000, acquisitionTimeoutMs: 1000 });
    try {
      await expect(dead.read(cypher('system/entity-count'))).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(await dead.ping()).toBe(false);
    } finally {
      await dead.close();
    }
  });
});
