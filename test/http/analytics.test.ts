/**
 * Analytics over HTTP on the seed graph: GraphNode.metrics against graphology's reference
 * implementations run here on the returned subgraph, exports carrying them, and the whole-graph
 * ranking against direct Cypher counts (DEGREE, exact in the read right after a link or unlink)
 * and graphology's PageRank over the edges Cypher returns (PAGERANK, including its background
 * refresh after a write).
 */
import Graph, { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { useSeededServer } from '../support/seeded-server';
import { gql, startTestServer } from '../support/server';
import type { RunningService } from '../../src/http/service';
import { int } from '../../src/db/values';
import { asRole, TEST_API_KEYS } from '../support/auth';

// a short check interval so the PAGERANK freshness test needs no long wait; keys for the mutations
const server = useSeededServer({ RANKING_REFRESH_MS: '200', API_KEYS: TEST_API_KEYS });

interface Metrics {
  degree: number;
  pageRank: number;
  betweenness: number;
  community: number;
}
interface Sub {
  nodes: { id: string; metrics: Metrics }[];
  edges: { id: string; source: string; target: string }[];
}

async function cypherRows(text: string, params: Record<string, unknown> = {}, write = false) {
  const query = { name: 'test/analytics', text };
  const rows = write ? await server.db.write(query, params) : await server.db.read(query, params);
  return rows.map((r) => r.toObject() as Record<string, unknown>);
}

describe('GraphNode.metrics', () => {
  it('match graphology over the returned neighbourhood, and the exports carry them', async () => {
    const { body } = await gql<{ neighborhood: Sub & { cy: { elements: { nodes: { data: Record<string, unknown> }[] } } } }>(
      server.url,
      `{ neighborhood(id: "company:alibaba", depth: 1) {
          nodes { id metrics { degree pageRank betweenness community } } edges { id source target }
          cy: export(format: CYTOSCAPE) } }`,
    );
    expect(body.errors).toBeUndefined();
    const sub = body.data!.neighborhood;
    expect(sub.nodes.length).toBeGreaterThan(5);
    const g = new UndirectedGraph();
    for (const n of sub.nodes) g.addNode(n.id);
    for (const e of sub.edges) {
      if (e.source !== e.target) g.updateEdge(e.source, e.target, (a) => ({ ...a, weight: ((a.weight as number | undefined) ?? 0) + 1 }));
    }
    const reference = pagerank(g, { getEdgeWeight: 'weight' });
    for (const n of sub.nodes) {
      expect(n.metrics.degree).toBe(sub.edges.filter((e) => e.source === n.id || e.target === n.id).length);
      expect(n.metrics.pageRank).toBeCloseTo(reference[n.id], 5);
      expect(n.metrics.betweenness).toBeGreaterThanOrEqual(0);
    }
    const communities = new Set(sub.nodes.map((n) => n.metrics.community));
    expect([...communities].sort((a, b) => a - b)).toEqual([...Array(communities.size).keys()]);
    const byId = new Map(sub.nodes.map((n) => [n.id, n.metrics]));
    for (const { data } of sub.cy.elements.nodes) expect(data.pageRank).toBe(byId.get(String(data.id))?.pageRank);
  });

  it('each path is its own result', async () => {
    const { body } = await gql<{ paths: { nodes: { id: string; metrics: Metrics }[] }[] }>(
      server.url,
      '{ paths(from: "company:apple", to: "company:baidu", first: 1) { nodes { id metrics { degree betweenness } } } }',
    );
    const [path] = body.data!.paths;
    const ends = [path.nodes[0], path.nodes[path.nodes.length - 1]];
    for (const end of ends) expect(end.metrics).toEqual({ degree: 1, betweenness: 0 });
    for (const inner of path.nodes.slice(1, -1)) expect(inner.metrics.degree).toBe(2);
  });

  it('GET /export GEXF has the metrics as typed attributes Gephi reads', async () => {
    const res = await fetch(`${server.url}/export?format=gexf&focus=company:alibaba&depth=1`);
    const g = parseGexf(Graph, await res.text());
    expect(typeof g.getNodeAttribute('company:alibaba', 'pageRank')).toBe('number');
    expect(g.getNodeAttribute('company:alibaba', 'degree')).toBe(g.degree('company:alibaba'));
  });
});

const RANKING = `query($kind: EntityKind!, $by: RankingMeasure!, $first: Int) {
  ranking(kind: $kind, by: $by, first: $first) { computedAt entries { rank score entity { id kind } } } }`;
type Ranking = { computedAt: string | null; entries: { rank: number; score: number; entity: { id: string; kind: string } }[] };
async function ranking(kind: string, by: string, first?: number) {
  return gql<{ ranking: Ranking }>(server.url, RANKING, { kind, by, first });
}
async function rankingNow(kind: string, by: string, first?: number): Promise<Ranking> {
  const { body } = await ranking(kind, by, first);
  expect(body.errors).toBeUndefined();
  return body.data!.ranking;
}
/** The PAGERANK ranking once the background job has a result that counts every write committed before `since` (ms). */
async function pageRankAfter(since: number, kind: string): Promise<Ranking> {
  for (let i = 0; i < 150; i++) {
    const r = (await ranking(kind, 'PAGERANK', 100)).body.data?.ranking;
    if (r?.computedAt && Date.parse(r.computedAt) > since) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the PageRank ranking was not recomputed');
}

async function mutate(query: string, variables: Record<string, unknown>) {
  const { body } = await gql<Record<string, unknown>>(server.url, query, variables, asRole('editor'));
  expect(body.errors).toBeUndefined();
  return body.data!;
}
const LINK = 'mutation($input: LinkInput!) { link(input: $input) { created } }';
const UNLINK = 'mutation($input: UnlinkInput!) { unlink(input: $input) { removed } }';

/** The DEGREE ranking by its definition, counted here: relationships to other entities but provenance, ties by id. */
async function degreesByCypher(label: string, first: number): Promise<[string, number][]> {
  const rows = await cypherRows(
    `MATCH (n:${label})
     WITH n, COUNT { (n)-[r]-(:Entity) WHERE type(r) <> 'REPORTED_IN' } AS degree
     WHERE degree > 0
     RETURN n.id AS id, degree ORDER BY degree DESC, id LIMIT $first`,
    { first: int(first) },
  );
  return rows.map((x) => [x.id as string, Number(x.degree)]);
}

/** graphology's PageRank over every entity and every non-provenance relationship Cypher returns: the top `first` of `prefix` ids. */
async function pageRankByGraphology(prefix: string, first: number): Promise<{ ids: string[]; scores: Record<string, number> }> {
  const g = new UndirectedGraph();
  for (const x of await cypherRows('MATCH (n:Entity) RETURN n.id AS id')) g.addNode(x.id as string);
  const edges = await cypherRows("MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) <> 'REPORTED_IN' RETURN a.id AS a, b.id AS b");
  for (const e of edges) if (e.a !== e.b) g.mergeEdge(e.a as string, e.b as string);
  const scores = pagerank(g, { getEdgeWeight: null });
  const ranked = g.filterNodes((id) => id.startsWith(prefix) && g.degree(id) > 0);
  return { ids: ranked.sort((a, b) => scores[b] - scores[a] || (a < b ? -1 : 1)).slice(0, first), scores };
}

describe('ranking', () => {
  it.each([
    ['COMPANY', 'Company'],
    ['PERSON', 'Person'],
    ['PARTNERSHIP', 'Partnership'],
  ])('%s by DEGREE equals a direct Cypher count for any first (ties by id), as of the request', async (kind, label) => {
    for (const first of [1, 2, 3, 5, 8, 20, 100]) {
      const asked = Date.now();
      const r = await rankingNow(kind, 'DEGREE', first);
      const answered = Date.now();
      expect(r.entries.map((e) => [e.entity.id, e.score])).toEqual(await degreesByCypher(label, first));
      expect(r.entries.map((e) => e.rank)).toEqual(r.entries.map((_, i) => i + 1));
      // the figures are read for this request, not taken from an earlier run
      expect(Date.parse(r.computedAt!)).toBeGreaterThanOrEqual(asked - 1);
      expect(Date.parse(r.computedAt!)).toBeLessThanOrEqual(answered + 1);
    }
  });

  it('DEGREE reflects a link and an unlink in the next read, with no refresh in between', async () => {
    const before = await rankingNow('COMPANY', 'DEGREE', 100);
    const top = before.entries[0];
    // a company ranked below the top one, not yet its subsidiary
    const [{ id: from }] = await cypherRows(
      `MATCH (t:Company {id: $top}), (c:Company) WHERE c.id IN $ids AND c <> t AND NOT EXISTS { (c)-[:SUBSIDIARY_OF]->(t) }
       RETURN c.id AS id ORDER BY c.id LIMIT 1`,
      { top: top.entity.id, ids: before.entries.map((e) => e.entity.id) },
    );
    const score = (r: Ranking, id: unknown) => r.entries.find((e) => e.entity.id === id)?.score;
    const input = { type: 'SUBSIDIARY_OF', from, to: top.entity.id };
    expect(await mutate(LINK, { input })).toEqual({ link: { created: true } });
    const linked = await rankingNow('COMPANY', 'DEGREE', 100);
    expect(score(linked, top.entity.id)).toBe(top.score + 1);
    expect(score(linked, from)).toBe(score(before, from)! + 1);
    expect(linked.entries.map((e) => [e.entity.id, e.score])).toEqual(await degreesByCypher('Company', 100));

    expect(await mutate(UNLINK, { input })).toEqual({ unlink: { removed: true } });
    const unlinked = await rankingNow('COMPANY', 'DEGREE', 100);
    expect(unlinked.entries).toEqual(before.entries);
  });

  it('PAGERANK equals graphology over the graph Cypher returns', async () => {
    const r = await pageRankAfter(0, 'PERSON');
    const reference = await pageRankByGraphology('person:', 20);
    expect(r.entries.slice(0, 20).map((e) => e.entity.id)).toEqual(reference.ids);
    for (const e of r.entries) expect(e.score).toBeCloseTo(reference.scores[e.entity.id], 5);
  });

  it('a kind with no ranked edges is empty; first out of range is BAD_USER_INPUT', async () => {
    await pageRankAfter(0, 'COMPANY');
    for (const by of ['DEGREE', 'PAGERANK']) {
      expect((await rankingNow('SOURCE', by)).entries).toEqual([]);
      for (const first of [0, 101]) {
        const { body } = await ranking('COMPANY', by, first);
        expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      }
    }
  });

  it('PAGERANK is recomputed in the background after a write', async () => {
    const before = await pageRankAfter(0, 'COMPANY');
    const top = before.entries[0];
    // the last company ranked becomes a subsidiary of the first: the graph changed, so the job runs again
    const input = { type: 'SUBSIDIARY_OF', from: before.entries[before.entries.length - 1].entity.id, to: top.entity.id };
    expect(await mutate(LINK, { input })).toEqual({ link: { created: true } });
    // a run's computedAt is its start: one later than the link's answer read the graph with it
    const after = await pageRankAfter(Date.now(), 'COMPANY');
    const reference = await pageRankByGraphology('company:', 100);
    expect(after.entries.map((e) => e.entity.id)).toEqual(reference.ids);
    for (const e of after.entries) expect(e.score).toBeCloseTo(reference.scores[e.entity.id], 5);
  });
});

describe('RANKING_PAGERANK=off', () => {
  let off: RunningService | undefined;
  beforeAll(async () => {
    off = await startTestServer({ RANKING_PAGERANK: 'off' });
  });
  afterAll(async () => {
    await off?.stop();
  });

  it('refuses PAGERANK with BAD_USER_INPUT naming the switch, and still ranks by DEGREE', async () => {
    const query = `query($by: RankingMeasure!) { ranking(kind: COMPANY, by: $by, first: 3) { entries { rank entity { id } } } }`;
    const refused = await gql<{ ranking: unknown }>(off!.url, query, { by: 'PAGERANK' });
    expect(refused.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.[0].message).toMatch(/RANKING_PAGERANK=off/);
    const degree = await gql<{ ranking: { entries: { rank: number; entity: { id: string } }[] } }>(off!.url, query, { by: 'DEGREE' });
    expect(degree.body.errors).toBeUndefined();
    expect(degree.body.data!.ranking.entries.map((e) => e.rank)).toEqual([1, 2, 3]);
  });
});
