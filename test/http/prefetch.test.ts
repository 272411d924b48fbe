import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningService } from '../../src/http/service';
import { startTestServer } from '../support/server';
import { useSeededServer } from '../support/seeded-server';

// this file sends many new selection shapes in a few seconds: room for all of them in the budget
const svc = useSeededServer({ PLAN_BUDGET_PER_MINUTE: '100000', PLAN_BUDGET_PER_CLIENT_PER_MINUTE: '100000' });
/**
 * The reference: the same service with no planning budget, so no selection gets a statement of its
 * own and every relationship list is read level by level by the batched loaders.
 */
let levels: RunningService;
beforeAll(async () => {
  levels = await startTestServer({ PLAN_BUDGET_PER_MINUTE: '0' });
});
afterAll(() => levels.stop());

/**
 * Roots fetch the relationship lists selected under them in the same statement (prefetch plan),
 * while the reference server resolves them level by level through the batched loaders: the same
 * selection through both must give the same answer, and the planned one one round trip.
 */
const TREE = `
fragment Tree on Entity {
  id name kind
  related(types: ["MAKES", "IN_SECTOR", "PARTY_TO"], first: 7) { type direction role entity { id kind } }
  ... on Company {
    country
    partnerships(first: $first) {
      role
      partnership { id name date parties(first: 4) { role entity { id name ... on Company { products(first: 3) { id } headquarters { id } } } } }
    }
    partners(first: 5) { id name }
    products @skip(if: $noProducts) { id name makers(first: 2) { id } }
    parent { id } subsidiaries { id } headquarters { id name }
    sectors { id }
  }
  ... on Partnership { parties { role entity { id } } places { id } about { id } relatedFacts { id } }
  ... on Product { makers { id name } }
}`;

async function post(query: string, variables: Record<string, unknown>, url = svc.url) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  return { body, dbQueries: Number(res.headers.get('x-db-queries')) };
}

/** The same request to the planned service and to the level-by-level reference. */
async function both(query: string, variables: Record<string, unknown> = {}) {
  const planned = await post(query, variables);
  const reference = await post(query, variables, levels.url);
  expect(planned.body.errors).toBeUndefined();
  expect(reference.body.errors).toBeUndefined();
  expect(planned.body.data).toEqual(reference.body.data);
  return { planned, reference };
}

const byId = (root: 'entity' | 'node') => `query($id: ID!, $first: Int, $noProducts: Boolean!) { e: ${root}(id: $id) { ...Tree } } ${TREE}`;

describe('entity(id:) and node(id:) with nested relationship lists in one statement', () => {
  it.each(['company:alibaba', 'company:baidu', 'company:apple', 'company:taobao'])('%s: the same tree as level-by-level loading, in one round trip', async (id) => {
    for (const root of ['entity', 'node'] as const) {
      const { planned, reference } = await both(byId(root), { id, first: 10, noProducts: false });
      expect(planned.body.data!.e).not.toBeNull();
      expect(planned.dbQueries).toBe(1);
      expect(reference.dbQueries).toBeGreaterThan(1);
    }
  });

  it('partnerships, products and facts: the same tree whatever the kind', async () => {
    const page = await post('{ e: partnerships(first: 3) { nodes { id } } }', {});
    const products = await post('{ e: products(first: 3) { nodes { id } } }', {});
    const ids = [...(page.body.data!.e as { nodes: { id: string }[] }).nodes, ...(products.body.data!.e as { nodes: { id: string }[] }).nodes].map((n) => n.id);
    expect(ids.length).toBe(6);
    for (const id of ids) {
      const { planned } = await both(byId('node'), { id, first: 10, noProducts: false });
      expect(planned.dbQueries).toBe(1);
    }
  });

  it('follows variables and @skip: a smaller first or a skipped field changes the answer as it should', async () => {
    const { planned } = await both(byId('entity'), { id: 'company:alibaba', first: 1, noProducts: true });
    const e = planned.body.data!.e as { partnerships: unknown[]; products?: unknown };
    expect(e.partnerships).toHaveLength(1);
    expect(e.products).toBeUndefined();
  });

  it('an unknown id is null, and a bad argument is still refused by its field', async () => {
    for (const root of ['entity', 'node'] as const) {
      const missing = await post(byId(root), { id: 'company:none', first: 10, noProducts: false });
      expect(missing.body.errors).toBeUndefined();
      expect(missing.body.data!.e).toBeNull();
      const bad = await post(byId(root), { id: 'company:alibaba', first: 501, noProducts: false });
      expect(bad.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }) })]);
    }
  });

  it('several roots with the same selection share one statement', async () => {
    const { planned } = await both(`query($first: Int, $noProducts: Boolean!) { a: entity(id: "company:alibaba") { ...Tree } b: node(id: "company:baidu") { ...Tree } } ${TREE}`, {
      first: 10,
      noProducts: false,
    });
    expect(planned.dbQueries).toBe(1);
  });

  it('several roots with different selections (aliases) share one statement too, each answered as asked', async () => {
    const query = `query($first: Int, $noProducts: Boolean!) {
      a: entity(id: "company:alibaba") { ...Tree }
      b: node(id: "company:baidu") { id ... on Company { products(first: 2) { id name } } }
      c: entity(id: "company:apple") { name }
      d: entity(id: "company:alibaba") { ... on Company { sectors { id name } } }
      none: node(id: "company:none") { id }
    } ${TREE}`;
    const { planned } = await both(query, { first: 10, noProducts: false });
    expect(planned.dbQueries).toBe(1);
    const data = planned.body.data as Record<string, Record<string, unknown> | null>;
    // each alias has exactly the fields it selected, whatever the shared statement read
    expect(Object.keys(data.b!)).toEqual(['id', 'products']);
    expect(data.c).toEqual({ name: expect.any(String) });
    expect(Object.keys(data.d!)).toEqual(['sectors']);
    expect(data.none).toBeNull();
  });

  it('records fetched for one selection never answer another: a sibling root asking for more fields gets them all', async () => {
    const query = `{
      slim: entity(id: "company:alibaba") { ... on Company { products(first: 50) { id } partnerships(first: 50) { partnership { id } } } }
      full: node(id: "company:alibaba") { ... on Company { products(first: 50) { id name description properties } partnerships(first: 50) { role partnership { id name date properties } } } }
      again: entity(id: "company:alibaba") { ... on Company { products(first: 50) { id name description properties } } }
    }`;
    const res = await post(query, {});
    expect(res.body.errors).toBeUndefined();
    type P = { id: string; name?: string; description?: string | null; properties?: Record<string, unknown> };
    const data = res.body.data as unknown as Record<'slim' | 'full' | 'again', { products: P[]; partnerships: { role?: string; partnership: P }[] }>;
    expect(data.full.products.length).toBeGreaterThan(0);
    expect(data.full.products.every((p) => typeof p.name === 'string' && p.properties && Object.keys(p.properties).length > 0)).toBe(true);
    expect(data.full.partnerships.every((p) => typeof p.role === 'string' && typeof p.partnership.name === 'string')).toBe(true);
    expect(data.again.products).toEqual(data.full.products);
    expect(data.slim.products.map((p) => p.id)).toEqual(data.full.products.map((p) => p.id));
  });

  it('search: hits with relationship lists in one statement, the same lists as level-by-level loading', async () => {
    const sel = '... on Company { country products(first: 3) { id name makers { id } } partnerships { role partnership { id name } } }';
    const { planned } = await both(`{ e: search(text: "Alibaba", first: 5) { score entity { id kind name ${sel} } } }`);
    expect(planned.dbQueries).toBe(1);
    const hits = planned.body.data!.e as { score: number; entity: { id: string; kind: string } }[];
    expect(hits[0].entity.id).toBe('company:alibaba');
  });

  it('connections: a page with nested lists in one statement, the same lists as level-by-level loading, across pages', async () => {
    const sel = 'country products(first: 3) { id name } partnerships(first: 2) { role partnership { id date parties(first: 3) { role entity { id kind } } } }';
    let after: string | null = null;
    let pages = 0;
    do {
      const { planned } = await both(`query($after: String) { e: companies(first: 4, after: $after) { edges { cursor node { id kind name ${sel} } } nodes { id } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(planned.dbQueries).toBe(1);
      const page = planned.body.data!.e as { edges: { node: { id: string } }[]; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      expect(page.nodes.map((n) => n.id)).toEqual(page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 4);
    expect(pages).toBeGreaterThan(1);
  });

  it('events: a page of events with their participants and places in one statement', async () => {
    const { planned } = await both('{ e: events(first: 5) { nodes { id name date participants(first: 3) { role entity { id name } } places { id } about { id } } } }');
    expect(planned.dbQueries).toBe(1);
    expect((planned.body.data!.e as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
  });

  it('timeline: each page of events with their selected lists in one statement, the same pages as level-by-level loading', async () => {
    const sel = 'id name date eventType participants(first: 3) { role entity { id name } } places { id }';
    const query = `query($entityId: ID, $from: Date, $to: Date, $after: String) {
      e: timeline(entityId: $entityId, from: $from, to: $to, first: 3, after: $after) { edges { cursor node { ${sel} } } nodes { id } pageInfo { hasNextPage endCursor } }
    }`;
    type Page = { edges: { cursor: string; node: { id: string } }[]; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    for (const filter of [{}, { entityId: 'company:baidu' }, { from: '2025-01-01', to: '2025-12-31' }]) {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const { planned } = await both(query, { ...filter, after });
        expect(planned.dbQueries).toBe(1);
        const page = planned.body.data!.e as Page;
        expect(page.nodes.map((n) => n.id)).toEqual(page.edges.map((e) => e.node.id));
        ids.push(...page.nodes.map((n) => n.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      // the pages walked one after another are the timeline in one page
      const whole = await post(`query($entityId: ID, $from: Date, $to: Date) { e: timeline(entityId: $entityId, from: $from, to: $to, first: 200) { nodes { id } } }`, filter);
      expect(ids).toEqual((whole.body.data!.e as { nodes: { id: string }[] }).nodes.map((n) => n.id));
      expect(ids.length).toBeGreaterThan(3);
    }
  });

  it("timeline: the benchmark's page, one statement per page, as the reference answers it", async () => {
    const doc = readFileSync(join(__dirname, '../../bench/workloads/timeline.graphql'), 'utf8');
    const { planned } = await both(doc, { after: null });
    expect(planned.dbQueries).toBe(1);
    const page = (planned.body.data as { timeline: { edges: { node: Record<string, unknown> }[]; pageInfo: { endCursor: string } } }).timeline;
    expect(Object.keys(page.edges[0].node)).toEqual(['id', 'name', 'eventType', 'date']);
    const next = await both(doc, { after: page.pageInfo.endCursor });
    expect(next.planned.dbQueries).toBe(1);
  });

  it('Source.entities: the pages of the entities sources reported, with their lists and totals, in one statement, across pages', async () => {
    const sel = `id name kind ... on Company { products(first: 2) { id name } } ... on Partnership { parties(first: 3) { role entity { id } } }`;
    const page = `entities(first: $first, after: $after, kinds: $kinds) { totalCount edges { cursor node { ${sel} } } pageInfo { hasNextPage endCursor } }`;
    const query = `query($first: Int, $after: String, $kinds: [EntityKind!]) { e: sources(first: 2) { nodes { id title ${page} } } }`;
    type Page = { totalCount: number; edges: { cursor: string; node: { id: string; kind: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const first = await both(query, { first: 4, after: null, kinds: null });
    expect(first.planned.dbQueries).toBe(1);
    const sources = (first.planned.body.data!.e as { nodes: { id: string; entities: Page }[] }).nodes;
    expect(sources.length).toBeGreaterThan(0);
    expect(sources[0].entities.totalCount).toBeGreaterThan(4);
    // the next page of one source, through entity(id:), and only some kinds
    const next = `query($id: ID!, $first: Int, $after: String, $kinds: [EntityKind!]) { e: entity(id: $id) { ... on Source { ${page} } } }`;
    const second = await both(next, { id: sources[0].id, first: 4, after: sources[0].entities.pageInfo.endCursor, kinds: null });
    expect(second.planned.dbQueries).toBe(1);
    const ids = (second.planned.body.data!.e as { entities: Page }).entities.edges.map((e) => e.node.id);
    expect(ids.every((id) => id > sources[0].entities.edges[3].node.id)).toBe(true);
    const companies = await both(next, { id: sources[0].id, first: 3, after: null, kinds: ['COMPANY', 'PARTNERSHIP'] });
    expect(companies.planned.dbQueries).toBe(1);
    const kinds = (companies.planned.body.data!.e as { entities: Page }).entities.edges.map((e) => e.node.kind);
    expect(kinds.every((k) => k === 'COMPANY' || k === 'PARTNERSHIP')).toBe(true);
  });
});
