import type { Database } from '../../src/db/database';
import { readMigrations } from '../../src/db/migrations';
import { toPlain } from '../../src/db/values';
import type { RunningService } from '../../src/http/service';
import { dateFieldOf, ORDER_KEYS, type EntityKind } from '../../src/model/kinds';
import { GraphWriter } from '../../src/write/graph-writer';
import { Importer } from '../../src/write/importer';
import { generateDocuments } from '../../bench/generate';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { gql, startTestServer } from '../support/server';

/**
 * The order keys (stored sort dates and relationship counts, ORDER_KEYS) stay equal to what they
 * summarise through every kind of write: imports (HTTP and the import path with batches), links and
 * unlinks sent at the same moment, content changes, deletes that detach neighbours. Checked against
 * direct Cypher counts and the stored dates on the real Neo4j; the backfill migration gives the same
 * values; and no key shows in what clients read (properties, the change feed).
 */
let db: Database;
let svc: RunningService;
const editor = asRole('editor');
const admin = asRole('admin');

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer({ API_KEYS: TEST_API_KEYS });
});
afterAll(async () => {
  await svc?.stop();
  await db?.close();
});

type Answer = { body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } };
const send = async (query: string, variables: Record<string, unknown>, headers = editor) => {
  const res = (await gql(svc.url, query, variables, headers)) as Answer;
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
};
const IMPORT = `mutation($doc: JSON!) { importDocument(document: $doc) { relationships { created } } }`;
const LINK = `mutation($input: LinkInput!) { link(input: $input) { created } }`;
const UNLINK = `mutation($input: UnlinkInput!) { unlink(input: $input) { removed } }`;
const UPSERT = `mutation($input: EntityInput!) { upsertEntity(input: $input) { changed } }`;
const DELETE = `mutation($id: ID!, $cascade: Boolean) { deleteEntity(id: $id, cascade: $cascade) { deletedIds } }`;

const SOURCE = 'source:order-keys-issue';
const section = 'main';
const prov = (sentence: string) => [{ section, sentence, basis: 'REPORTED' }];
const named = (id: string, kind: string, properties: Record<string, unknown> = {}) => ({ id, kind, name: id, names: [{ lang: 'en', value: id }], properties, provenance: prov(`${id} was reported.`) });
const rel = (type: string, from: string, to: string, role?: string) => ({ type, from, to, ...(role ? { properties: { role } } : {}), provenance: { section, sentence: `${from} ${type} ${to}`, basis: 'REPORTED' } });

const HUB = 'company:ok-hub';
const spokes = Array.from({ length: 12 }, (_, i) => `company:ok-spoke-${i}`);
const document = {
  source: { id: SOURCE, name: 'Order keys issue', names: [{ lang: 'en', value: 'Order keys issue' }], properties: { issued: '2025-09-08', lang: 'en', title: 'Order keys', sections: [{ id: section, title: 'Main' }] } },
  entities: [
    named(HUB, 'COMPANY', { country: 'KR' }),
    ...spokes.map((id) => named(id, 'COMPANY', { country: 'CN' })),
    named('partnership:ok-deal', 'PARTNERSHIP', { partnershipType: 'STRATEGIC', status: 'ANNOUNCED', startDate: '2025-03-01' }),
    named('investment:ok-round', 'INVESTMENT', { investmentType: 'FUNDING_ROUND', status: 'COMPLETED', date: '2025-02-01', amount: 10, currency: 'USD' }),
    named('event:ok-dated', 'EVENT', { eventType: 'LAUNCH', status: 'COMPLETED', date: '2025-04-01' }),
    named('event:ok-started', 'EVENT', { eventType: 'LAUNCH', status: 'IN_PROGRESS', startDate: '2025-05-01' }),
    named('event:ok-undated', 'EVENT', { eventType: 'LAUNCH', status: 'ANNOUNCED' }),
  ],
  relationships: [
    rel('PARTY_TO', HUB, 'partnership:ok-deal', 'PARTNER'),
    rel('PARTY_TO', spokes[0], 'partnership:ok-deal', 'PARTNER'),
    rel('INVESTOR_IN', HUB, 'investment:ok-round', 'LEAD'),
    rel('RAISED', spokes[1], 'investment:ok-round'),
    rel('INVOLVED_IN', HUB, 'event:ok-dated', 'LAUNCHER'),
    rel('INVOLVED_IN', spokes[0], 'event:ok-started', 'LAUNCHER'),
    rel('RELATED_TO', 'partnership:ok-deal', 'event:ok-undated'),
    rel('SUBSIDIARY_OF', spokes[0], HUB),
  ],
};

interface Stored {
  id: string;
  kind: EntityKind;
  props: Record<string, unknown>;
  counted: number[];
}

/** Every entity's stored properties, and its relationships counted here, by hand, as each ordering defines them. */
async function entities(): Promise<Stored[]> {
  const records = await db.read({
    name: 'test/order-keys',
    text: `MATCH (n:Entity)
RETURN n.id AS id, n.kind AS kind, properties(n) AS props,
       [COUNT { (n)-[r]-() WHERE type(r) <> 'REPORTED_IN' }, COUNT { (n)-[:PARTY_TO]-() },
        COUNT { (n)-[r]-() WHERE type(r) IN ['INVESTOR_IN', 'RAISED'] }, COUNT { (n)-[:INVOLVED_IN]-() }] AS counted
ORDER BY id`,
  });
  return records.map((r) => ({ id: r.get('id') as string, kind: r.get('kind') as EntityKind, props: toPlain(r.get('props')) as Record<string, unknown>, counted: (r.get('counted') as unknown[]).map(Number) }));
}

/** What every entity's keys must be: its counts as counted, its first date (or 0001-01-01), an event's date, start or end. */
async function expectKeysMatchTheGraph(): Promise<Stored[]> {
  const all = await entities();
  const mismatches: string[] = [];
  for (const e of all) {
    const stored = [ORDER_KEYS.DEGREE, ORDER_KEYS.PARTNERSHIPS, ORDER_KEYS.INVESTMENTS, ORDER_KEYS.EVENTS].map((k) => e.props[k]);
    if (JSON.stringify(stored) !== JSON.stringify(e.counted)) mismatches.push(`${e.id}: counts ${JSON.stringify(stored)}, the graph has ${JSON.stringify(e.counted)}`);
    const first = dateFieldOf(e.kind);
    const orderDate = first ? ((e.props[first] as string | undefined) ?? '0001-01-01') : undefined;
    if (e.props[ORDER_KEYS.date] !== orderDate) mismatches.push(`${e.id}: DATE key ${String(e.props[ORDER_KEYS.date])}, expected ${orderDate}`);
    const timeline = e.kind === 'EVENT' ? ((e.props.date ?? e.props.startDate ?? e.props.endDate ?? '-999999999-01-01') as string) : undefined;
    if (e.props[ORDER_KEYS.timeline] !== timeline) mismatches.push(`${e.id}: timeline key ${String(e.props[ORDER_KEYS.timeline])}, expected ${timeline}`);
  }
  expect(mismatches).toEqual([]);
  return all;
}

describe('order keys through every kind of write', () => {
  it('the seed import left every entity its keys', async () => {
    const all = await expectKeysMatchTheGraph();
    expect(all.length).toBeGreaterThan(50);
  });

  it('imports: a new document counts what it creates, the same document again counts nothing', async () => {
    const first = await send(IMPORT, { doc: document });
    expect(first.importDocument).toEqual({ relationships: { created: document.relationships.length } });
    await expectKeysMatchTheGraph();
    await send(IMPORT, { doc: document });
    const hub = (await entities()).find((e) => e.id === HUB)!;
    expect(hub.props[ORDER_KEYS.DEGREE]).toBe(4);
    await expectKeysMatchTheGraph();
  });

  it('the import path in batches, and a batch holding one relationship twice and one from an entity to itself', async () => {
    const importer = new Importer(db);
    let n = 0;
    for (const doc of generateDocuments({ companies: 40, perDocument: 150, seed: 'order-keys' })) {
      await importer.importDocument(doc, `order-keys-${n++}`, { actor: 'test', resolveByName: false, batchSize: 100 });
    }
    // two rows for one relationship in one statement (as alias resolution can make): created once;
    // a relationship from an entity to itself counts once, as COUNT {} counts it
    await db.writeTx(async (tx) => {
      const row = { from: spokes[2], to: HUB, props: {}, hash: 'x' };
      const loop = { from: spokes[1], to: spokes[1], props: {}, hash: 'x' };
      await new GraphWriter(tx, 'test').upsertRelationships('SUBSIDIARY_OF', [row, loop, row, loop]);
    });
    await expectKeysMatchTheGraph();
  });

  it('links and unlinks sent at the same moment, to one hub', async () => {
    const links = spokes.slice(1).map((from) => send(LINK, { input: { type: 'PARTY_TO', from, to: 'partnership:ok-deal', role: 'PARTNER' } }));
    const more = spokes.slice(3).map((from) => send(LINK, { input: { type: 'SUBSIDIARY_OF', from, to: HUB } }));
    await Promise.all([...links, ...more]);
    await expectKeysMatchTheGraph();
    const unlinks = spokes.slice(4, 10).map((from) => send(UNLINK, { input: { type: 'SUBSIDIARY_OF', from, to: HUB } }));
    const partners = spokes.slice(5, 9).map((from) => send(UNLINK, { input: { type: 'PARTY_TO', from, to: 'partnership:ok-deal' } }));
    const relinks = spokes.slice(10).map((from) => send(LINK, { input: { type: 'INVOLVED_IN', from, to: 'event:ok-undated', role: 'PARTICIPANT' } }));
    await Promise.all([...unlinks, ...partners, ...relinks]);
    const hub = (await expectKeysMatchTheGraph()).find((e) => e.id === HUB)!;
    // its 4 from the document, 1 from the doubled row, 9 links, 6 unlinks
    expect(hub.counted[0]).toBe(4 + 1 + 9 - 6);
  });

  it('content changes move the sort dates, and the change feed reports only the content', async () => {
    const input = (id: string, properties: Record<string, unknown>) => {
      const e = document.entities.find((x) => x.id === id)!;
      return { ...e, properties, provenance: e.provenance.map((p) => ({ ...p, source: SOURCE })) };
    };
    // the feed's end before these writes
    let end: string | null = null;
    for (;;) {
      const page = (await send('query($after: String) { changes(after: $after, first: 1000) { pageInfo { hasNextPage endCursor } } }', { after: end })).changes as { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      end = page.pageInfo.endCursor ?? end;
      if (!page.pageInfo.hasNextPage) break;
    }
    await send(UPSERT, { input: input('event:ok-undated', { eventType: 'LAUNCH', status: 'ANNOUNCED', endDate: '2025-06-30' }) });
    await send(UPSERT, { input: input('event:ok-started', { eventType: 'LAUNCH', status: 'COMPLETED', date: '2025-07-01' }) });
    await send(UPSERT, { input: input('investment:ok-round', { investmentType: 'FUNDING_ROUND', status: 'COMPLETED' }) });
    const all = await expectKeysMatchTheGraph();
    expect(all.find((e) => e.id === 'event:ok-undated')!.props[ORDER_KEYS.timeline]).toBe('2025-06-30');
    expect(all.find((e) => e.id === 'investment:ok-round')!.props[ORDER_KEYS.date]).toBe('0001-01-01');
    const feed = (await send(`query($after: String) { changes(after: $after) { nodes { op entityId changedProperties } } }`, { after: end })).changes as { nodes: { op: string; entityId: string; changedProperties: string[] }[] };
    const updates = feed.nodes.filter((c) => c.op === 'ENTITY_UPDATED');
    expect(updates.map((c) => [c.entityId, [...c.changedProperties].sort()])).toEqual([
      ['event:ok-undated', ['endDate']],
      ['event:ok-started', ['date', 'startDate', 'status']],
      ['investment:ok-round', ['amount', 'currency', 'date']],
    ]);
  });

  it('deletes take the deleted relationships off the neighbours’ counts', async () => {
    await send(DELETE, { id: spokes[0], cascade: true }, admin);
    await send(DELETE, { id: 'partnership:ok-deal', cascade: true }, admin);
    await expectKeysMatchTheGraph();
  });

  it('the backfill migration computes the keys every write kept', async () => {
    const kept = await entities();
    await db.write({ name: 'test/remove-order-keys', text: `MATCH (n:Entity) REMOVE ${Object.values(ORDER_KEYS).map((k) => `n.${k}`).join(', ')}` });
    const backfill = readMigrations().find((m) => m.version === 14)!;
    for (const [i, text] of backfill.statements.entries()) await db.writeAutoCommit({ name: `test/backfill#${i}`, text });
    expect(await entities()).toEqual(kept);
  });

  it('orderings read the keys: companies by DEGREE page in the order of a direct count', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const data = await send(`query($after: String) { companies(first: 25, after: $after, orderBy: { field: DEGREE, direction: DESC }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      const conn = data.companies as { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      ids.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    const expected = (await entities()).filter((e) => e.kind === 'COMPANY').sort((a, b) => b.counted[0] - a.counted[0] || (a.id < b.id ? 1 : -1));
    expect(ids).toEqual(expected.map((e) => e.id));
  });

  /** Every page of a connection (`root` with `args`), walked with its cursors. */
  async function walk(root: string, args: string, vars: Record<string, unknown> = {}): Promise<{ ids: string[]; totalCount: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    const params = ['$after: String', ...Object.keys(vars).map((k) => `$${k}: Date`)].join(', ');
    for (let page = 0; page < 200; page++) {
      const data = await send(`query(${params}) { c: ${root}(${args}, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { ...vars, after });
      const conn = data.c as { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      ids.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) return { ids, totalCount: conn.totalCount };
      after = conn.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }
  const reference = async (text: string, params: Record<string, unknown> = {}) => (await db.read({ name: 'test/order-reference', text }, params)).map((r) => r.get('id') as string);

  // the statements the keys replaced sorted every match by an expression; the keys give the same pages
  it.each([
    ['no window', {}],
    ['a window', { from: '2024-06-01', to: '2025-12-31' }],
    ['an end only', { to: '2025-06-30' }],
  ])('the global timeline (%s) lists what sorting every event gave', async (_name, window: Record<string, string>) => {
    const expected = await reference(
      `MATCH (e:Event) WITH e, coalesce(e.date, e.startDate, e.endDate) AS d
WHERE ($from IS NULL OR d >= date($from)) AND ($to IS NULL OR d <= date($to))
RETURN e.id AS id ORDER BY d IS NULL, d DESC, e.id`,
      { from: window.from ?? null, to: window.to ?? null },
    );
    expect(expected.length).toBeGreaterThan(10);
    const args = ['first: 7', ...Object.keys(window).map((k) => `${k}: $${k}`)].join(', ');
    expect(await walk('timeline', args, window)).toEqual({ ids: expected, totalCount: expected.length });
  });

  it.each([
    ['events', 'Event', 'DATE', 'DESC', "coalesce(n.date, date('0001-01-01'))"],
    ['products', 'Product', 'DATE', 'ASC', "coalesce(n.releaseDate, date('0001-01-01'))"],
    ['companies', 'Company', 'CREATED_AT', 'DESC', "coalesce(n.createdAt, datetime('1970-01-01T00:00:00Z'))"],
    ['investments', 'Investment', 'INVESTMENTS', 'DESC', 'COUNT { (n)-[:INVESTOR_IN|RAISED]-() }'],
  ])('%s (:%s) by %s %s: the pages that sorting every match gave', async (root, label, field, direction, key) => {
    const expected = await reference(`MATCH (n:${label}) RETURN n.id AS id ORDER BY ${key} ${direction}, n.id ${direction}`);
    expect(await walk(root, `first: 9, orderBy: { field: ${field}, direction: ${direction} }`)).toEqual({ ids: expected, totalCount: expected.length });
  });

  it('no key reaches a client: entity properties, graph nodes, timeline events', async () => {
    const data = await send(
      `{ entity(id: "${HUB}") { properties } neighborhood(id: "${HUB}") { nodes { properties } } timeline(first: 50) { edges { node { properties } } } }`,
      {},
    );
    const seen = JSON.stringify(data);
    for (const key of Object.values(ORDER_KEYS)) expect(seen).not.toContain(`"${key}"`);
    expect(seen).toContain('"country"');
  });
});
