/**
 * paths, connect, neighborhood and timeline over HTTP against the seed graph: the issue's
 * "done when" statements, the path rules (via, relationship types, provenance), caps, truncation,
 * determinism and argument errors.
 */
import { useSeededServer } from '../support/seeded-server';
import { gql } from '../support/server';

interface GNode {
  id: string;
  kind: string;
  label: string;
  properties: Record<string, unknown>;
  hiddenNeighbors: number;
}
interface GEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}
interface PathOut {
  length: number;
  nodes: GNode[];
  edges: GEdge[];
}
interface SubgraphOut {
  nodes: GNode[];
  edges: GEdge[];
  truncated: boolean;
}

const NODE = 'id kind label properties hiddenNeighbors';
const EDGE = 'id type source target properties';
const PATHS = `query($from: ID!, $to: ID!, $maxHops: Int, $via: [EntityKind!], $types: [String!], $first: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, via: $via, relationshipTypes: $types, first: $first) {
    length nodes { ${NODE} } edges { ${EDGE} } } }`;
const CONNECT = `query($ids: [ID!]!, $maxHops: Int, $via: [EntityKind!], $derived: Boolean) {
  connect(ids: $ids, maxHops: $maxHops, via: $via, includeDerived: $derived) { truncated nodes { ${NODE} } edges { ${EDGE} } } }`;
const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $limit: Int, $kinds: [EntityKind!], $types: [String!], $derived: Boolean, $since: Date, $until: Date) {
  neighborhood(id: $id, depth: $depth, limit: $limit, kinds: $kinds, relationshipTypes: $types, includeDerived: $derived, since: $since, until: $until) {
    truncated nodes { ${NODE} } edges { ${EDGE} } } }`;
const TIMELINE = `query($entityId: ID, $first: Int, $after: String, $from: Date, $to: Date) {
  timeline(entityId: $entityId, first: $first, after: $after, from: $from, to: $to) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { __typename id name date } } } }`;

const svc = useSeededServer();

async function paths(vars: Record<string, unknown>) {
  const res = await gql<{ paths: PathOut[] }>(svc.url, PATHS, vars);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.paths;
}
async function connect(vars: Record<string, unknown>) {
  const res = await gql<{ connect: SubgraphOut }>(svc.url, CONNECT, vars);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.connect;
}
async function neighborhood(vars: Record<string, unknown>) {
  const res = await gql<{ neighborhood: SubgraphOut }>(svc.url, NEIGHBORHOOD, vars);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.neighborhood;
}
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

/** The answer and the database round trips it cost (the server's `x-db-queries` header). */
async function roundTrips<T>(query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: { extensions?: Record<string, unknown> }[]; trips: number }> {
  const res = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: { extensions?: Record<string, unknown> }[] };
  return { ...body, trips: Number(res.headers.get('x-db-queries')) };
}

describe('paths', () => {
  it('finds the Apple–Baidu partnership (2 hops) first, then longer paths in order', async () => {
    const found = await paths({ from: 'company:apple', to: 'company:baidu' });
    expect(found).toHaveLength(3);
    expect(found[0].length).toBe(2);
    expect(ids(found[0].nodes)).toEqual(['company:apple', 'partnership:apple-intelligence-china', 'company:baidu']);
    expect(found[0].edges.map((e) => [e.source, e.type, e.target])).toEqual([
      ['company:apple', 'PARTY_TO', 'partnership:apple-intelligence-china'],
      ['company:baidu', 'PARTY_TO', 'partnership:apple-intelligence-china'],
    ]);
    expect(found[0].edges[0].properties.role).toBe('PRODUCT_OWNER');
    expect(found[0].nodes[1].properties.partnershipType).toBe('TECHNOLOGY');
    const lengths = found.map((p) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const p of found) {
      expect(p.nodes).toHaveLength(p.length + 1);
      expect(new Set(ids(p.nodes)).size).toBe(p.nodes.length);
      expect(p.nodes[0].id).toBe('company:apple');
      expect(p.nodes[p.length].id).toBe('company:baidu');
      // consecutive nodes are joined by the edge at the same position, in either direction
      p.edges.forEach((e, i) => expect([e.source, e.target].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort()));
    }
    const sequences = found.map((p) => ids(p.nodes).join(' '));
    expect(new Set(sequences).size).toBe(found.length);
  });

  it('returns the same paths in the same order every time', async () => {
    const vars = { from: 'company:apple', to: 'company:baidu', first: 10, maxHops: 5 };
    const a = await paths(vars);
    const b = await paths(vars);
    expect(a.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
    for (let i = 1; i < a.length; i++) {
      const prev = [a[i - 1].length, ids(a[i - 1].nodes).join(' ')];
      const cur = [a[i].length, ids(a[i].nodes).join(' ')];
      expect(prev[0] < cur[0] || (prev[0] === cur[0] && prev[1] < cur[1])).toBe(true);
    }
  });

  it('never crosses sources, places, sectors or metrics unless via names them', async () => {
    const found = await paths({ from: 'company:apple', to: 'company:baidu', first: 20, maxHops: 6 });
    for (const p of found) for (const n of p.nodes) expect(['SOURCE', 'PLACE', 'SECTOR', 'METRIC']).not.toContain(n.kind);
    for (const p of found) for (const e of p.edges) expect(e.type).not.toBe('REPORTED_IN');
  });

  it('goes through a place only with via: [PLACE]', async () => {
    const vars = { from: 'company:alibaba', to: 'company:baidu', types: ['HEADQUARTERED_IN', 'LOCATED_IN'], maxHops: 6 };
    expect(await paths(vars)).toEqual([]);
    const withPlace = await paths({ ...vars, via: ['PLACE'] });
    expect(withPlace.length).toBeGreaterThan(0);
    for (const p of withPlace) {
      expect(p.nodes.slice(1, -1).every((n) => n.kind === 'PLACE')).toBe(true);
      expect(p.edges.every((e) => vars.types.includes(e.type))).toBe(true);
    }
  });

  it('lets an endpoint be of any kind: only the nodes in between follow the rules', async () => {
    const found = await paths({ from: 'company:apple', to: 'place:china', maxHops: 3 });
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      expect(p.nodes[p.length].id).toBe('place:china');
      expect(p.nodes.slice(1, -1).every((n) => !['PLACE', 'SECTOR', 'METRIC', 'SOURCE'].includes(n.kind))).toBe(true);
    }
  });

  it('reaches a source only with via: [SOURCE]', async () => {
    const src = 'source:china-ai-weekly-b2d2384472f2fb10';
    const other = await paths({ from: 'company:apple', to: 'company:hesai', types: ['REPORTED_IN'], via: ['SOURCE'], maxHops: 2 });
    expect(other[0].nodes.map((n) => n.kind)).toEqual(['COMPANY', 'SOURCE', 'COMPANY']);
    expect(other[0].nodes[1].id).toBe(src);
    const res = await gql(svc.url, PATHS, { from: 'company:apple', to: 'company:hesai', types: ['REPORTED_IN'] });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'relationshipTypes' });
  });

  it('keeps to the relationship types asked for', async () => {
    const found = await paths({ from: 'company:apple', to: 'company:baidu', types: ['PARTY_TO'], first: 5, maxHops: 6 });
    expect(found).toHaveLength(1);
    expect(found[0].edges.every((e) => e.type === 'PARTY_TO')).toBe(true);
    const none = await paths({ from: 'company:apple', to: 'company:baidu', types: ['MAKES'] });
    expect(none).toEqual([]);
  });

  it('counts neighbours left out of the path', async () => {
    const [p] = await paths({ from: 'company:apple', to: 'company:baidu', first: 1 });
    const partnership = p.nodes[1];
    // Apple, Alibaba, Baidu, the two related events and the product: only Apple and Baidu are on the path
    expect(partnership.hiddenNeighbors).toBeGreaterThanOrEqual(3);
    expect(p.nodes.every((n) => Number.isInteger(n.hiddenNeighbors) && n.hiddenNeighbors >= 0)).toBe(true);
  });

  it.each([
    [{ maxHops: 7 }, 'maxHops'],
    [{ maxHops: 0 }, 'maxHops'],
    [{ first: 0 }, 'first'],
    [{ types: ['KNOWS'] }, 'relationshipTypes'],
    [{ to: 'company:apple' }, 'to'],
  ])('rejects %j with BAD_USER_INPUT on %s', async (vars, field) => {
    const res = await gql(svc.url, PATHS, { from: 'company:apple', to: 'company:baidu', ...vars });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers NOT_FOUND for an unknown endpoint', async () => {
    const res = await gql(svc.url, PATHS, { from: 'company:apple', to: 'company:nope' });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'to' });
  });

  it('costs one database round trip for the levels near both ends and one for node data; an unknown endpoint stops it early', async () => {
    const found = await roundTrips<{ paths: PathOut[] }>(PATHS, { from: 'company:apple', to: 'company:baidu' });
    expect(found.errors).toBeUndefined();
    expect(found.data!.paths.length).toBeGreaterThan(0);
    expect(found.data!.paths[0].nodes.every((n) => n.label && n.kind)).toBe(true);
    // maxHops 4 needs at most three levels from either end, read ahead in one statement (expansion-cache.ts), then the paths' node data
    expect(found.trips).toBe(2);
    const unknown = await roundTrips(PATHS, { from: 'company:nope', to: 'company:baidu' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'from' });
    // the unknown end has no relationships to read: no path can exist, and the ids are checked
    expect(unknown.trips).toBe(2);
  });
});

describe('connect', () => {
  it('joins Apple, Alibaba and Baidu through their partnership, with no source node', async () => {
    const sub = await connect({ ids: ['company:apple', 'company:alibaba', 'company:baidu'] });
    expect(ids(sub.nodes).sort()).toEqual(['company:alibaba', 'company:apple', 'company:baidu', 'partnership:apple-intelligence-china']);
    expect(sub.edges.map((e) => e.id).sort()).toEqual([
      'company:alibaba|PARTY_TO|partnership:apple-intelligence-china',
      'company:apple|PARTY_TO|partnership:apple-intelligence-china',
      'company:baidu|PARTY_TO|partnership:apple-intelligence-china',
    ]);
    expect(sub.nodes.some((n) => n.kind === 'SOURCE')).toBe(false);
    expect(sub.truncated).toBe(false);
  });

  it('collapses the partnership into PARTNERS_WITH edges in the derived view', async () => {
    const sub = await connect({ ids: ['company:apple', 'company:alibaba', 'company:baidu'], derived: true });
    expect(ids(sub.nodes).sort()).toEqual(['company:alibaba', 'company:apple', 'company:baidu']);
    expect(sub.edges.map((e) => e.id)).toEqual([
      'derived:company:alibaba|PARTNERS_WITH|company:apple',
      'derived:company:alibaba|PARTNERS_WITH|company:baidu',
      'derived:company:apple|PARTNERS_WITH|company:baidu',
    ]);
    for (const e of sub.edges) expect(e.properties.viaFactIds).toEqual(['partnership:apple-intelligence-china']);
  });

  it('gives the same subgraph whatever the order of the other ids, every time', async () => {
    const a = await connect({ ids: ['company:apple', 'company:alibaba', 'company:baidu'] });
    const b = await connect({ ids: ['company:apple', 'company:baidu', 'company:alibaba'] });
    expect(await connect({ ids: ['company:apple', 'company:alibaba', 'company:baidu'] })).toEqual(a);
    expect(ids(b.nodes).sort()).toEqual(ids(a.nodes).sort());
    expect(b.edges.map((e) => e.id).sort()).toEqual(a.edges.map((e) => e.id).sort());
  });

  it('keeps an entity no path reaches, unconnected, and says the result is cut', async () => {
    const sub = await connect({ ids: ['company:apple', 'sector:energy'], maxHops: 2 });
    expect(ids(sub.nodes)).toEqual(expect.arrayContaining(['company:apple', 'sector:energy']));
    expect(sub.truncated).toBe(true);
  });

  it.each([[['company:apple']], [Array.from({ length: 11 }, (_, i) => `company:c${i}`)]])('rejects %j ids with BAD_USER_INPUT', async (list) => {
    const res = await gql(svc.url, CONNECT, { ids: list });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });

  it('answers NOT_FOUND naming the unknown id', async () => {
    const res = await gql(svc.url, CONNECT, { ids: ['company:apple', 'company:nope'] });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ids.1' });
  });
});

describe('neighborhood', () => {
  it('returns the direct neighbours and the edges among them, without provenance', async () => {
    const sub = await neighborhood({ id: 'company:baidu' });
    expect(sub.nodes[0].id).toBe('company:baidu');
    expect(ids(sub.nodes)).toEqual(expect.arrayContaining(['partnership:apple-intelligence-china', 'product:wenxin-x1-1', 'place:beijing']));
    expect(sub.nodes.some((n) => n.kind === 'SOURCE')).toBe(false);
    expect(sub.truncated).toBe(false);
    const present = new Set(ids(sub.nodes));
    for (const e of sub.edges) expect(present.has(e.source) && present.has(e.target)).toBe(true);
    expect(sub.nodes.find((n) => n.id === 'company:baidu')!.hiddenNeighbors).toBe(0);
  });

  it('reports truncation and "+N more" when the limit cuts', async () => {
    const sub = await neighborhood({ id: 'company:alibaba', limit: 3 });
    expect(sub.nodes).toHaveLength(3);
    expect(sub.truncated).toBe(true);
    expect(sub.nodes[0].hiddenNeighbors).toBeGreaterThan(0);
    const full = await neighborhood({ id: 'company:alibaba' });
    expect(sub.nodes[0].hiddenNeighbors).toBe(full.nodes.length - 3);
  });

  it('goes deeper with depth and stays deterministic', async () => {
    const one = await neighborhood({ id: 'company:baidu', depth: 1 });
    const two = await neighborhood({ id: 'company:baidu', depth: 2 });
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(ids(two.nodes)).toContain('company:apple');
    expect(await neighborhood({ id: 'company:baidu', depth: 2 })).toEqual(two);
  });

  it('filters by kind and relationship type, and adds provenance when SOURCE is asked for', async () => {
    const companies = await neighborhood({ id: 'partnership:apple-intelligence-china', kinds: ['COMPANY'] });
    expect(ids(companies.nodes).sort()).toEqual(['company:alibaba', 'company:apple', 'company:baidu', 'partnership:apple-intelligence-china']);
    const made = await neighborhood({ id: 'company:alibaba', types: ['MAKES'] });
    expect(made.nodes.slice(1).every((n) => n.kind === 'PRODUCT')).toBe(true);
    expect(made.edges.every((e) => e.type === 'MAKES')).toBe(true);
    const sources = await neighborhood({ id: 'company:alibaba', kinds: ['SOURCE'] });
    expect(sources.nodes.map((n) => n.kind)).toEqual(['COMPANY', 'SOURCE']);
  });

  it('keeps only facts dated within the window', async () => {
    const sub = await neighborhood({ id: 'company:baidu', since: '2025-09-09', until: '2025-09-30' });
    const events = sub.nodes.filter((n) => n.kind === 'EVENT').map((n) => n.id).sort();
    expect(events).toEqual(['event:wave-summit-2025', 'event:wenxin-x1-1-launch']);
    expect(ids(sub.nodes)).toContain('product:wenxin-x1-1');
  });

  it('adds partners through the derived view', async () => {
    const sub = await neighborhood({ id: 'company:apple', derived: true });
    expect(ids(sub.nodes)).toEqual(expect.arrayContaining(['company:alibaba', 'company:baidu']));
    expect(ids(sub.nodes)).not.toContain('partnership:apple-intelligence-china');
    const partners = sub.edges.filter((e) => e.type === 'PARTNERS_WITH');
    expect(partners.map((e) => e.id)).toContain('derived:company:apple|PARTNERS_WITH|company:baidu');
  });

  it('walks breadth first: the focus, then each level by the node it is reached from, then by id', async () => {
    const one = await neighborhood({ id: 'company:baidu', depth: 1 });
    const two = await neighborhood({ id: 'company:baidu', depth: 2 });
    expect(two.truncated).toBe(false);
    const level1 = ids(one.nodes).slice(1);
    expect(level1).toEqual([...level1].sort());
    expect(ids(two.nodes).slice(0, one.nodes.length)).toEqual(ids(one.nodes));
    // each level-2 node joins after the earlier level-1 node it neighbours, ties by id
    const position = new Map(level1.map((id, i) => [id, i]));
    const reachedFrom = (id: string) =>
      Math.min(...two.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : [])).map((n) => position.get(n) ?? Infinity));
    const level2 = ids(two.nodes).slice(one.nodes.length);
    expect(level2.length).toBeGreaterThan(1);
    const keys = level2.map((id) => [reachedFrom(id), id] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])).toBe(true);
    }
  });

  it('cuts at the limit: the first `limit` nodes of the uncut walk, truncated only when more were reachable', async () => {
    const one = await neighborhood({ id: 'company:baidu', depth: 1 });
    const two = await neighborhood({ id: 'company:baidu', depth: 2 });
    const n = two.nodes.length;
    const exact = await neighborhood({ id: 'company:baidu', depth: 2, limit: n });
    expect(exact.truncated).toBe(false);
    expect(exact).toEqual(two);
    const cut = await neighborhood({ id: 'company:baidu', depth: 2, limit: n - 1 });
    expect(cut.truncated).toBe(true);
    expect(ids(cut.nodes)).toEqual(ids(two.nodes).slice(0, n - 1));
    // a level that exactly fills the limit is truncated only if the next level has more
    expect((await neighborhood({ id: 'company:baidu', depth: 1, limit: one.nodes.length })).truncated).toBe(false);
    expect((await neighborhood({ id: 'company:baidu', depth: 2, limit: one.nodes.length })).truncated).toBe(true);
  });

  it('costs one database round trip at any depth, export included, and for an unknown id', async () => {
    const query = `query($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth, limit: 300) {
      truncated export(format: CYTOSCAPE) nodes { id hiddenNeighbors } edges { id } } }`;
    for (const depth of [1, 2, 3]) {
      const res = await roundTrips<{ neighborhood: SubgraphOut }>(query, { id: 'company:alibaba', depth });
      expect(res.errors).toBeUndefined();
      expect(res.data!.neighborhood.nodes.length).toBeGreaterThan(depth);
      expect(res.trips).toBe(1);
    }
    const unknown = await roundTrips(query, { id: 'company:nope', depth: 2 });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(unknown.trips).toBe(1);
  });

  it.each([
    [{ depth: 4 }, 'depth'],
    [{ limit: 0 }, 'limit'],
    [{ types: ['NOPE'] }, 'relationshipTypes'],
    [{ since: '2025-10-01', until: '2025-09-01' }, 'until'],
  ])('rejects %j with BAD_USER_INPUT on %s', async (vars, field) => {
    const res = await gql(svc.url, NEIGHBORHOOD, { id: 'company:baidu', ...vars });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a limit over 2000 before running anything, naming the argument', async () => {
    const res = await gql(svc.url, NEIGHBORHOOD, { id: 'company:baidu', limit: 2001 });
    // the service says BAD_USER_INPUT; the operation cost limit, when on, may refuse it first
    expect(['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX']).toContain(res.body.errors![0].extensions!.code);
    expect(res.body.errors![0].extensions!.field).toBe('limit');
  });
});

describe('timeline', () => {
  type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { __typename: string; id: string; date: string | null } }[] };
  async function timeline(vars: Record<string, unknown>): Promise<Page> {
    const res = await gql<{ timeline: Page }>(svc.url, TIMELINE, vars);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.timeline;
  }

  it("lists Baidu's events newest first, including those of its partnership", async () => {
    const page = await timeline({ entityId: 'company:baidu' });
    const events = page.edges.map((e) => e.node);
    expect(events.every((e) => e.__typename === 'Event')).toBe(true);
    expect(events.map((e) => e.id)).toEqual([
      'event:apple-intelligence-china-relaunch',
      'event:wave-summit-2025',
      'event:wenxin-x1-1-launch',
      'event:baidu-stock-move',
    ]);
    const dates = events.map((e) => e.date!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.totalCount).toBe(4);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('pages with after, without gaps or repeats', async () => {
    const all = await timeline({ first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Page = await timeline({ first: 3, after });
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
    // undated events come last
    const dated = all.edges.map((e) => e.node.date);
    expect(dated.indexOf(null)).toBeGreaterThan(0);
    expect(dated.slice(dated.indexOf(null)).every((d) => d === null)).toBe(true);
    const baidu = await timeline({ entityId: 'company:baidu', first: 2 });
    const rest = await timeline({ entityId: 'company:baidu', first: 2, after: baidu.pageInfo.endCursor });
    expect([...baidu.edges, ...rest.edges].map((e) => e.node.id)).toEqual((await timeline({ entityId: 'company:baidu' })).edges.map((e) => e.node.id));
  });

  it('keeps to the from/to window', async () => {
    const page = await timeline({ entityId: 'company:baidu', from: '2025-09-09', to: '2025-09-09' });
    expect(page.edges.map((e) => e.node.id).sort()).toEqual(['event:wave-summit-2025', 'event:wenxin-x1-1-launch']);
    expect(page.totalCount).toBe(2);
  });

  it('rejects a bad cursor, a bad first and an unknown entity', async () => {
    expect((await gql(svc.url, TIMELINE, { after: 'nonsense' })).body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await gql(svc.url, TIMELINE, { first: 0 })).body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await gql(svc.url, TIMELINE, { entityId: 'company:nope' })).body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'entityId' });
  });
});
