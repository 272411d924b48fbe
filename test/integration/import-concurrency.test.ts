import type { Database } from '../../src/db/database';
import { toPlain } from '../../src/db/values';
import { Importer } from '../../src/write/importer';
import { overlappingDocuments } from '../support/documents';
import { freshGraph, testDatabase } from '../support/graph';

/**
 * Eight imports at once of documents that share entities and edges must leave exactly the graph
 * that importing them one after another leaves: no duplicate entity, no duplicate edge, no failed
 * import. Concurrent MERGEs of the same id race; the uniqueness constraint on :Entity(id) turns
 * the loser's insert into a constraint error, which the importer retries (MERGE then matches).
 */
let db: Database;
let seedEntities: number;

const countEntities = async () => Number(toPlain((await db.read({ name: 'test/count', text: 'MATCH (n:Entity) RETURN count(n)' }))[0].get(0)));

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  seedEntities = await countEntities();
});
afterAll(() => db?.close());

interface Snapshot {
  nodes: number;
  distinctIds: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
  duplicateEdges: number;
}

async function snapshot(): Promise<Snapshot> {
  const one = async (text: string) => toPlain((await db.read({ name: 'test/snapshot', text }))[0].get(0));
  const pairs = async (text: string) =>
    Object.fromEntries((await db.read({ name: 'test/snapshot', text })).map((r) => [r.get(0) as string, Number(toPlain(r.get(1)))]));
  return {
    nodes: Number(await one('MATCH (n:Entity) RETURN count(n)')),
    distinctIds: Number(await one('MATCH (n:Entity) RETURN count(DISTINCT n.id)')),
    byLabel: await pairs('MATCH (n:Entity) RETURN n.kind AS kind, count(*) ORDER BY kind'),
    byType: await pairs('MATCH ()-[r]->() RETURN type(r) AS t, count(*) ORDER BY t'),
    duplicateEdges: Number(
      await one("MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id CONTAINS ':conc-' OR a.id CONTAINS ':same-' WITH a, b, type(r) AS t, r.section AS s, r.sentence AS x, r.basis AS y, count(*) AS c WHERE c > 1 RETURN count(*)"),
    ),
  };
}

const importAll = (docs: unknown[], concurrently: boolean) => {
  const importer = new Importer(db);
  const one = (doc: unknown, i: number) => importer.importDocument(doc, `generated-${i}.json`, { actor: 'test', resolveByName: false });
  return concurrently ? Promise.all(docs.map(one)) : docs.reduce<Promise<unknown>>((p, doc, i) => p.then(() => one(doc, i)), Promise.resolve());
};

describe('concurrent imports', () => {
  it('8 concurrent imports of overlapping documents equal the same imports done one by one', async () => {
    const docs = overlappingDocuments({ documents: 8, shared: 40, ownPerDocument: 20, tag: 'conc' });
    await importAll(docs, false);
    const sequential = await snapshot();

    await freshGraph(db);
    await importAll(docs, true);
    const concurrent = await snapshot();

    expect(concurrent.distinctIds).toBe(concurrent.nodes);
    expect(concurrent.duplicateEdges).toBe(0);
    expect(concurrent).toEqual(sequential);
  });

  it('the same document imported 8 times at once leaves what one import leaves', async () => {
    const [doc] = overlappingDocuments({ documents: 1, shared: 60, ownPerDocument: 30, tag: 'same' });
    await freshGraph(db);
    await importAll([doc], false);
    const single = await snapshot();

    await freshGraph(db);
    const summaries = (await importAll(Array(8).fill(doc), true)) as { entities: { created: number } }[];
    expect(await snapshot()).toEqual(single);
    // every entity was created by exactly one of the eight imports
    expect(summaries.reduce((n, s) => n + s.entities.created, 0)).toBe(single.nodes - seedEntities);
  });

  it('keeps every alias when 8 concurrent imports each add one to the same entity', async () => {
    const [base] = overlappingDocuments({ documents: 1, shared: 1, ownPerDocument: 0, tag: 'alias' });
    const docs = Array.from({ length: 8 }, (_, i) => ({
      ...base,
      source: { ...base.source, id: `source:alias-issue-${i}` },
      entities: base.entities.map((e) => (e.kind === 'COMPANY' ? { ...e, names: [...e.names, { lang: 'en', value: `Alias Number ${i}` }] } : e)),
    }));
    await importAll(docs, true);
    const [rec] = await db.read({ name: 'test/names', text: 'MATCH (n:Entity {id: $id}) RETURN n.names AS names' }, { id: 'company:alias-shared-0' });
    expect(rec.get('names')).toEqual(expect.arrayContaining(Array.from({ length: 8 }, (_, i) => `Alias Number ${i}`)));
  });
});
