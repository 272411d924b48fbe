import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { asRole, TEST_API_KEYS, TEST_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { type Change, CHANGE_FIELDS, collect, liveClient, type LiveClient, settle } from '../support/live';
import { gql, startTestServer } from '../support/server';
import { encodePosition } from '../../src/live/position';

/**
 * Live updates against the real service and Neo4j, with real graphql-ws clients: every kind of
 * write produces its changes in order, `changes` pages the same feed, a client resumes `after` a
 * position with nothing lost or repeated, and bad input is refused with codes while the other
 * subscribers keep receiving. (Bursts larger than a subscription's buffer: test/unit/live-subscription.test.ts.)
 */
jest.setTimeout(240_000);

let db: Database;
let svc: RunningService;
const clients: LiveClient[] = [];
const editor = asRole('editor');
const SOURCE = 'source:china-ai-weekly-b2d2384472f2fb10';
const PARTNERSHIP = 'partnership:apple-intelligence-china';

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer({ API_KEYS: TEST_API_KEYS, LIVE_POLL_INTERVAL_MS: '100', LIVE_MAX_SUBSCRIPTIONS: '3', NEO4J_TX_TIMEOUT_MS: '60000' });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await svc?.stop();
  await db?.close();
});

const open = (token?: string) => {
  const c = liveClient(svc.url, token && `Bearer ${token}`);
  clients.push(c);
  return c;
};

const UPSERT = `mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }`;
const LINK = `mutation($input: LinkInput!) { link(input: $input) { created } }`;
const UNLINK = `mutation($input: UnlinkInput!) { unlink(input: $input) { removed } }`;
const DELETE = `mutation($id: ID!) { deleteEntity(id: $id) { deletedIds } }`;
const IMPORT = `mutation($doc: JSON!) { importDocument(document: $doc) { entities { created } } }`;
const CHANGES = `query($after: String, $first: Int) { changes(after: $after, first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${CHANGE_FIELDS} } } } }`;

/** A write through the API; on this shared, loaded machine the health check may briefly report the database down, so that is retried. */
async function write(query: string, variables: Record<string, unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const res = await gql(svc.url, query, variables, editor);
    if (res.body.errors?.[0]?.extensions?.code === 'DATABASE_UNAVAILABLE' && attempt < 4) {
      await settle(2000);
      continue;
    }
    expect(res.body.errors).toBeUndefined();
    return;
  }
}

const company = (slug: string, extra: Record<string, unknown> = {}) => ({
  id: `company:${slug}`,
  kind: 'COMPANY',
  name: slug,
  names: [{ lang: 'en', value: slug }],
  provenance: [{ source: SOURCE, section: 'weekly-main-news', sentence: '바이두의 애플과의 파트너십 발표로 주가 상승', basis: 'REPORTED' }],
  ...extra,
});

const summary = (events: Change[]) => events.map((e) => [e.op, e.entityId ?? e.edge?.id]);

describe('graphChanged', () => {
  it('an upsert, a link, an unlink, an update and a delete each produce their events, in order', async () => {
    const live = open();
    const all = collect(live);
    const linkOnly = collect(live, { relationshipTypes: ['PARTY_TO'], ids: ['company:live-one'] });
    await settle();
    await write(UPSERT, { input: company('live-one') });
    await write(LINK, { input: { from: 'company:live-one', type: 'PARTY_TO', to: PARTNERSHIP, role: 'PARTNER' } });
    await write(UNLINK, { input: { from: 'company:live-one', type: 'PARTY_TO', to: PARTNERSHIP } });
    await write(UPSERT, { input: { ...company('live-one'), description: 'now described' } });
    await write(DELETE, { id: 'company:live-one' });
    const events = await all.count(5);
    const edge = `company:live-one|PARTY_TO|${PARTNERSHIP}`;
    expect(summary(events)).toEqual([
      ['ENTITY_CREATED', 'company:live-one'],
      ['RELATIONSHIP_CREATED', edge],
      ['RELATIONSHIP_DELETED', edge],
      ['ENTITY_UPDATED', 'company:live-one'],
      ['ENTITY_DELETED', 'company:live-one'],
    ]);
    expect(events[0]).toMatchObject({ kind: 'COMPANY', actor: 'apikey:editor-key' });
    expect(events[1].edge).toMatchObject({ type: 'PARTY_TO', source: 'company:live-one', target: PARTNERSHIP, properties: { role: 'PARTNER' } });
    expect(events[3].changedProperties).toEqual(['description']);
    // the filtered subscription saw the link and the unlink only
    expect(summary(await linkOnly.count(2))).toEqual([
      ['RELATIONSHIP_CREATED', edge],
      ['RELATIONSHIP_DELETED', edge],
    ]);
    // positions are ordered and the same as the feed's
    const page = await gql<{ changes: { edges: { cursor: string; node: Change }[] } }>(svc.url, CHANGES, { first: 1000 });
    const feed = page.body.data!.changes.edges.map((e) => e.node);
    const tail = feed.slice(-5);
    expect(tail).toEqual(events);
    expect(page.body.data!.changes.edges.slice(-5).map((e) => e.cursor)).toEqual(events.map((e) => e.position));
  });

  it('an import produces one event per entity and relationship, its provenance folded into the creation', async () => {
    const live = open();
    const sub = collect(live, { kinds: ['COMPANY'] });
    await settle();
    const doc = {
      source: { id: 'source:live-issue', name: 'Live issue', names: [{ lang: 'en', value: 'Live issue' }], properties: { issued: '2025-09-15', lang: 'en', title: 'Live issue', sections: [{ id: 'news', title: 'News' }] } },
      external: ['company:alibaba'],
      entities: ['live-a', 'live-b'].map((slug) => ({ ...company(slug), provenance: [{ section: 'news', sentence: `${slug} was mentioned.`, basis: 'REPORTED' }] })),
      relationships: [{ type: 'SUBSIDIARY_OF', from: 'company:live-a', to: 'company:alibaba', provenance: { section: 'news', sentence: 'live-a was mentioned.', basis: 'REPORTED' } }],
    };
    const res = await gql(svc.url, IMPORT, { doc }, editor);
    // the source and two companies
    expect(res.body).toEqual({ data: { importDocument: { entities: { created: 3 } } } });
    const events = await sub.count(3);
    expect(summary(events)).toEqual([
      ['ENTITY_CREATED', 'company:live-a'],
      ['ENTITY_CREATED', 'company:live-b'],
      ['RELATIONSHIP_CREATED', 'company:live-a|SUBSIDIARY_OF|company:alibaba'],
    ]);
    // one transaction: one position in the log, consecutive indexes after it
    expect(new Set(events.map((e) => e.position)).size).toBe(3);
    // the created edge carries what the graph stores on it (its provenance), as a read shows it
    const stored = await gql<{ neighborhood: { edges: { id: string; properties: Record<string, unknown> }[] } }>(svc.url, '{ neighborhood(id: "company:live-a", depth: 1) { edges { id properties } } }');
    const edge = stored.body.data!.neighborhood.edges.find((e) => e.id === 'company:live-a|SUBSIDIARY_OF|company:alibaba');
    expect(edge?.properties).toMatchObject({ sentence: 'live-a was mentioned.', basis: 'REPORTED' });
    expect(events[2].edge?.properties).toEqual(edge!.properties);
  });

  it('a client that disconnects and resumes after its last position gets every missed event exactly once', async () => {
    const first = open();
    const sub = collect(first, { ids: ['company:live-resume'] });
    await settle();
    await write(UPSERT, { input: company('live-resume') });
    const [created] = await sub.count(1);
    await first.dispose();
    for (const d of ['one', 'two', 'three']) await write(UPSERT, { input: { ...company('live-resume'), description: d } });
    const second = open();
    const resumed = collect(second, { ids: ['company:live-resume'], after: created.position });
    const missed = await resumed.count(3);
    expect(missed.map((e) => e.op)).toEqual(['ENTITY_UPDATED', 'ENTITY_UPDATED', 'ENTITY_UPDATED']);
    // then live, with nothing repeated
    await write(DELETE, { id: 'company:live-resume' });
    const after = await resumed.count(4);
    expect(after[3].op).toBe('ENTITY_DELETED');
    await settle(500);
    expect(new Set(resumed.events.map((e) => e.position)).size).toBe(resumed.events.length);
    expect(resumed.events).toHaveLength(4);
    // `changes` after the same position pages the same events
    const page = await gql<{ changes: { edges: { node: Change }[] } }>(svc.url, CHANGES, { after: created.position, first: 1000 });
    expect(page.body.data!.changes.edges.map((e) => e.node).filter((e) => e.entityId === 'company:live-resume')).toEqual(resumed.events);
  });
});

describe('bad input', () => {
  it('refuses unknown filters, malformed positions and too many subscriptions with codes; others keep receiving', async () => {
    const live = open();
    const healthy = collect(live, { ids: ['company:live-bad'] });
    const unknownType = collect(live, { relationshipTypes: ['KNOWS_ABOUT'] });
    const malformed = collect(live, { after: 'not-a-position' });
    expect((await unknownType.failed)[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'relationshipTypes.0' } });
    expect((await malformed.failed)[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    // LIVE_MAX_SUBSCRIPTIONS is 3 here: two more fit beside `healthy`, the fourth is refused
    const extra = [collect(live), collect(live)];
    const tooMany = collect(live);
    expect((await tooMany.failed)[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 3 } });
    extra.forEach((s) => s.stop());
    await settle();
    // a query over WebSocket is refused (queries and mutations go over HTTP)
    const query = collect(live, {}, '{ __typename }');
    expect((await query.failed)[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await write(UPSERT, { input: company('live-bad') });
    expect(summary(await healthy.count(1))).toEqual([['ENTITY_CREATED', 'company:live-bad']]);
  });

  it('refuses a position older than the retained log, naming the oldest one', async () => {
    await db.write({ name: 'test/prune-all-but-newest', text: 'MATCH (c:ChangeCounter) MATCH (b:ChangeBatch) WHERE b.seq < c.seq DELETE b' });
    const live = open();
    const stale = collect(live, { after: (await oldestAndFirst()).expired });
    const [err] = await stale.failed;
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(typeof err.extensions?.oldestPosition).toBe('string');
    const res = await gql(svc.url, CHANGES, { after: (await oldestAndFirst()).expired });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', oldestPosition: err.extensions?.oldestPosition });
  });

  it('closes a connection whose token is invalid (4401) without touching the others', async () => {
    const good = open(TEST_KEYS.reader);
    const healthy = collect(good, { ids: ['company:live-token'] });
    const bad = open('not-a-key');
    expect(await bad.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/^UNAUTHENTICATED/) });
    await settle();
    await write(UPSERT, { input: company('live-token') });
    expect(summary(await healthy.count(1))).toEqual([['ENTITY_CREATED', 'company:live-token']]);
  });
});

/** A position before the oldest retained batch (the log's first position, long pruned). */
async function oldestAndFirst(): Promise<{ expired: string }> {
  return { expired: encodePosition({ seq: 1, index: 0 }) };
}
