import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../../src/db/local-neo4j';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { type Change, CHANGE_FIELDS, collect, liveClient, type LiveClient, settle } from '../support/live';
import { buildDist, type ServiceProcess, startServiceProcess, waitForStatus } from '../support/process';
import { gql } from '../support/server';

/**
 * Two real service processes (two replicas) on one Neo4j of their own, with no broker between them:
 * a write through one reaches a subscriber of the other, and a Neo4j restart loses no acknowledged
 * write's event.
 */
jest.setTimeout(300_000);

let home: string;
let boltPort: number;
let neo4j: LocalNeo4j;
const replicas: ServiceProcess[] = [];
const clients: LiveClient[] = [];
const editor = asRole('editor');
const UPSERT = `mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }`;

async function replica(seed: boolean): Promise<ServiceProcess> {
  const port = await freePort();
  const p = startServiceProcess({
    PORT: String(port),
    NEO4J_URI: neo4j.uri,
    SEED_ON_EMPTY: String(seed),
    API_KEYS: TEST_API_KEYS,
    LIVE_POLL_INTERVAL_MS: '200',
  });
  replicas.push(p);
  await waitForStatus(`${p.url}/readyz`, 200, 180_000);
  return p;
}

beforeAll(async () => {
  buildDist();
  home = mkdtempSync(join(tmpdir(), 'kg-live-'));
  boltPort = await freePort();
  neo4j = await startLocalNeo4j({ home, port: boltPort, heap: '512m', pageCacheMb: 64 });
  await replica(true);
  await replica(false);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  for (const p of replicas) p.child.kill('SIGTERM');
  await Promise.all(replicas.map((p) => p.exited));
  await neo4j?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

const provenance = [{ source: 'source:china-ai-weekly-b2d2384472f2fb10', section: 'weekly-main-news', sentence: '바이두의 애플과의 파트너십 발표로 주가 상승', basis: 'REPORTED' }];
const company = (slug: string, description = slug) => ({ id: `company:${slug}`, kind: 'COMPANY', name: slug, names: [{ lang: 'en', value: slug }], description, provenance });

/** A write through `url`, retried while the service reports the database unavailable (it is being restarted). */
async function write(url: string, input: Record<string, unknown>, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const res = await gql(url, UPSERT, { input }, editor).catch(() => undefined);
    if (res && !res.body.errors) return;
    if (Date.now() - started > timeoutMs) throw new Error(`write failed: ${JSON.stringify(res?.body)}`);
    await settle(500);
  }
}

describe('two replicas on one Neo4j', () => {
  it('a write through one reaches a subscriber of the other', async () => {
    const [a, b] = replicas;
    const onB = liveClient(b.url);
    clients.push(onB);
    const sub = collect(onB, { ids: ['company:via-a'] });
    await onB.connected;
    await settle();
    await write(a.url, company('via-a'));
    expect((await sub.count(1)).map((e) => [e.op, e.entityId])).toEqual([['ENTITY_CREATED', 'company:via-a']]);
  });

  it('a Neo4j restart loses no acknowledged write: its event reaches the subscriber, resumed after its last position if need be', async () => {
    const [a, b] = replicas;
    const onB = liveClient(b.url);
    clients.push(onB);
    const sub = collect(onB, { ids: ['company:restart'] });
    await onB.connected;
    await settle();
    await write(a.url, company('restart'));
    const [first] = await sub.count(1);
    // acknowledged, then Neo4j goes away at once (perhaps before any replica read the change)
    await write(a.url, company('restart', 'acknowledged before the restart'));
    await neo4j.stop();
    neo4j = await startLocalNeo4j({ home, port: boltPort, heap: '512m', pageCacheMb: 64 });
    await write(a.url, company('restart', 'written after the restart'));
    // the open subscription gets both, in order; a client that lost its connection resumes after its last position
    const resumed = liveClient(b.url);
    clients.push(resumed);
    const again = collect(resumed, { ids: ['company:restart'], after: first.position });
    const expected = [['ENTITY_UPDATED', 'company:restart'], ['ENTITY_UPDATED', 'company:restart']];
    expect((await again.count(2, 60_000)).map((e) => [e.op, e.entityId])).toEqual(expected);
    expect((await sub.count(3, 60_000)).slice(1).map((e) => e.position)).toEqual(again.events.map((e) => e.position));
    // the feed agrees, through either replica
    const page = await gql<{ changes: { nodes: Change[] } }>(a.url, `query($after: String) { changes(after: $after) { nodes { ${CHANGE_FIELDS} } } }`, { after: first.position });
    expect(page.body.data!.changes.nodes.filter((c) => c.entityId === 'company:restart')).toEqual(again.events);
  });
});
