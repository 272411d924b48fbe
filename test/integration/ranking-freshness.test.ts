/**
 * When the PAGERANK job recomputes (src/analytics/ranking.service.ts, "PAGERANK's freshness"), on
 * the seed graph in the test Neo4j, with the job's real worker thread. Each test makes the check
 * the job makes every RANKING_REFRESH_MS (`refresh(false)`) itself, so what it asserts does not
 * depend on when a timer fires: a check after nothing was written keeps the last result however
 * old it is; a check after a write through GraphWriter that changes no count, and after each
 * write that bypasses the change log (restore, an import with `changeLog: false`), runs again,
 * well before the max age.
 */
import { Readable } from 'node:stream';
import { RankingService } from '../../src/analytics/ranking.service';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../src/backup/backup';
import { restoreBackup } from '../../src/backup/restore';
import type { Database } from '../../src/db/database';
import { toPlain } from '../../src/db/values';
import { GraphWriter } from '../../src/write/graph-writer';
import { relationshipRow } from '../../src/write/graph-rows';
import { Importer } from '../../src/write/importer';
import { freshGraph, silentLogger, testDatabase, wipe } from '../support/graph';

/** far shorter than the tests' waits: a result this old would be recomputed if the age counted */
const MAX_AGE_MS = 50;

let db: Database;
/** a job whose max age passes between any two checks */
let aging: RankingService;
/** a job whose max age never passes in a test: what it recomputes, the fingerprint started */
let patient: RankingService;

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  // never started: the tests make the jobs' checks themselves
  aging = new RankingService(db, silentLogger, { pageRank: true, refreshMs: 3_600_000, maxAgeMs: MAX_AGE_MS });
  patient = new RankingService(db, silentLogger, { pageRank: true, refreshMs: 3_600_000, maxAgeMs: 3_600_000 });
});
afterAll(async () => {
  await aging.stop();
  await patient.stop();
  await db.close();
});

async function rows(text: string, params: Record<string, unknown> = {}) {
  return (await db.read({ name: 'test/ranking-freshness', text }, params)).map((r) => toPlain(r.toObject()) as Record<string, unknown>);
}
/** The graph's entity and relationship counts, to show a write changed none. */
async function counts() {
  return rows('MATCH (n:Entity) WITH count(n) AS entities MATCH ()-[r]->() RETURN entities, count(r) AS relationships');
}
async function computedAt(job: RankingService): Promise<number> {
  const { computedAt } = await job.ranking('COMPANY', 'PAGERANK', 100);
  if (!computedAt) throw new Error('no PAGERANK result yet');
  return computedAt.getTime();
}
/** A backup file of these node and relationship lines, as `npm run backup` writes one. */
function backupFile(nodes: object[], relationships: object[]): Readable {
  const lines = [
    { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString() },
    ...nodes,
    ...relationships,
    { end: true, nodes: nodes.length, relationships: relationships.length },
  ];
  return Readable.from(lines.map((l) => JSON.stringify(l) + '\n'));
}
/** One of the job's checks, made after the aging job's max age has passed. */
async function checkLater(job: RankingService): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, MAX_AGE_MS * 3));
  await job.refresh(false);
}

it('a check after nothing was written keeps the last result, however old it is', async () => {
  await aging.refresh();
  const first = await computedAt(aging);
  await checkLater(aging);
  await checkLater(aging);
  expect(await computedAt(aging)).toBe(first);
});

it('a write through GraphWriter that changes no count is recomputed: a relink in one transaction', async () => {
  await patient.refresh();
  const before = await computedAt(patient);
  const [edge] = await rows(
    `MATCH (a:Company)-[:SUBSIDIARY_OF]->(b:Company), (c:Company)
     WHERE c <> a AND c <> b AND NOT EXISTS { (a)-[:SUBSIDIARY_OF]->(c) }
     RETURN a.id AS a, b.id AS b, c.id AS c ORDER BY a, b, c LIMIT 1`,
  );
  const [from, to, next] = [edge.a, edge.b, edge.c] as string[];
  const countsBefore = await counts();
  await db.writeTx(async (tx) => {
    const writer = new GraphWriter(tx, 'test');
    expect(await writer.deleteRelationship('SUBSIDIARY_OF', from, to)).toBe(1);
    await writer.upsertRelationship('SUBSIDIARY_OF', relationshipRow({ type: 'SUBSIDIARY_OF', from, to: next }, 'replace'));
  });
  expect(await counts()).toEqual(countsBefore);
  await checkLater(patient);
  expect(await computedAt(patient)).toBeGreaterThan(before);
});

it('a restore, which bypasses the change log, is recomputed', async () => {
  await patient.refresh();
  const before = await computedAt(patient);
  const [pair] = await rows(
    `MATCH (a:Company), (b:Company) WHERE a <> b AND NOT EXISTS { (a)-[:SUBSIDIARY_OF]->(b) }
     RETURN a.id AS a, b.id AS b ORDER BY a, b LIMIT 1`,
  );
  // into the seeded graph: --force merges the file's one relationship into it
  await restoreBackup(db, backupFile([], [{ r: 'SUBSIDIARY_OF', a: pair.a, b: pair.b, p: {} }]), { force: true });
  await checkLater(patient);
  expect(await computedAt(patient)).toBeGreaterThan(before);
});

it("an import with the change log off (the benchmark's) is recomputed", async () => {
  await patient.refresh();
  const before = await computedAt(patient);
  const doc = {
    source: { id: 'source:ranking-freshness', name: 'Ranking freshness', names: [{ lang: 'en', value: 'Ranking freshness' }], properties: { issued: '2025-01-01', lang: 'en', title: 'Ranking freshness', sections: [{ id: 'news', title: 'News' }] } },
    entities: [
      {
        id: 'company:ranking-freshness',
        kind: 'COMPANY',
        name: 'Ranking Freshness',
        names: [{ lang: 'en', value: 'Ranking Freshness' }],
        provenance: [{ section: 'news', sentence: 'Ranking Freshness was mentioned.', basis: 'REPORTED' }],
      },
    ],
    relationships: [],
  };
  await new Importer(db).importDocument(doc, 'ranking-freshness', { actor: 'test', resolveByName: false, changeLog: false });
  await checkLater(patient);
  expect(await computedAt(patient)).toBeGreaterThan(before);
});

it('a graph emptied outside the service ranks nothing; restored, with no change log head, the max age applies', async () => {
  await wipe(db);
  expect(await rows("OPTIONAL MATCH (c:ChangeCounter {id: 'graph'}) RETURN c.seq AS head")).toEqual([{ head: null }]);
  await aging.refresh(false);
  const emptied = await computedAt(aging);
  expect((await aging.ranking('COMPANY', 'PAGERANK', 100)).entries).toEqual([]);

  // restore into the empty graph: two companies and an edge, still no head (restore writes no change)
  const company = (id: string) => ({ l: ['Entity', 'Company'], p: { id, kind: 'COMPANY', name: id, names: [id] } });
  await restoreBackup(db, backupFile([company('company:restored-a'), company('company:restored-b')], [{ r: 'SUBSIDIARY_OF', a: 'company:restored-a', b: 'company:restored-b', p: {} }]));
  await checkLater(aging);
  const restored = await computedAt(aging);
  expect(restored).toBeGreaterThan(emptied);
  expect((await aging.ranking('COMPANY', 'PAGERANK', 100)).entries.map((e) => e.id)).toEqual(['company:restored-a', 'company:restored-b']);

  // nothing written since, but without a head the job cannot tell: it runs again once the result is old
  await checkLater(aging);
  expect(await computedAt(aging)).toBeGreaterThan(restored);
});
