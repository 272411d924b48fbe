/**
 * Analytics over HTTP on the seed graph: GraphNode.metrics against graphology's reference
 * implementations run here on the returned subgraph, exports carrying them, and the whole-graph
 * ranking against direct Cypher counts (DEGREE) and graphology's PageRank over the edges Cypher
 * returns (PAGERANK), including its refresh after a write.
 */
import Graph, { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { useSeededServer } from '../support/seeded-server';
import { gql } from '../support/server';
import { int } from '../../src/db/values';

// a short check interval so the freshness test needs no long wait
const server = useSeededServer({ RANKING_REFRESH_MS: '200' });

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
interface RankingData {
  ranking: { computedAt: string | null; entries: { rank: number; score: number; entity: { id: string; kind: string } }[] };
}
async function ranking(kind: string, by: string, first?: number) {
  return gql<RankingData>(server.url, RANKING, { kind, by, first });
}
async function rankingAfter(previous: string | null, kind = 'COMPANY', by = 'DEGREE') {
  for (let i = 0; i < 150; i++) {
    const { body } = await ranking(kind, by, 100);
    const r = body.data?.ranking;
    if (r?.computedAt && r.computedAt !== previous) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the ranking was not recomputed');
}

const DEGREES = `MATCH (n:Company)
WITH n, COUNT { (n)-[r]-(:Entity) WHERE type(r) <> 'REPORTED_IN' } AS degree
WHERE degree > 0
RETURN n.id AS id, degree ORDER BY degree DESC, id LIMIT 100`;

describe('ranking', () => {
  it('DEGREE equals a direct Cypher count', async () => {
    const r = await rankingAfter(null);
    const expected = await cypherRows(DEGREES);
    expect(r.entries.map((e) => [e.entity.id, e.score])).toEqual(expected.map((x) => [x.id, Number(x.degree)]));
    expect(r.entries.map((e) => e.rank)).toEqual(expected.map((_, i) => i + 1));
  });

  it('PAGERANK equals graphology over the graph Cypher returns', async () => {
    const r = await rankingAfter(null, 'PERSON', 'PAGERANK');
    const g = new UndirectedGraph();
    for (const x of await cypherRows('MATCH (n:Entity) RETURN n.id AS id')) g.addNode(x.id as string);
    const edges = await cypherRows("MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) <> 'REPORTED_IN' RETURN a.id AS a, b.id AS b");
    for (const e of edges) if (e.a !== e.b) g.mergeEdge(e.a as string, e.b as string);
    const reference = pagerank(g, { getEdgeWeight: null });
    const people = g.filterNodes((id) => id.startsWith('person:') && g.degree(id) > 0);
    const expected = people.sort((a, b) => reference[b] - reference[a] || (a < b ? -1 : 1)).slice(0, 20);
    expect(r.entries.map((e) => e.entity.id)).toEqual(expected);
    for (const e of r.entries) expect(e.score).toBeCloseTo(reference[e.entity.id], 5);
  });

  it('a kind with no ranked edges is empty; first out of range is BAD_USER_INPUT', async () => {
    const sources = await ranking('SOURCE', 'DEGREE');
    expect(sources.body.data?.ranking.entries).toEqual([]);
    for (const first of [0, 101]) {
      const { body } = await ranking('COMPANY', 'PAGERANK', first);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('is recomputed after a write, and answers from the last result meanwhile', async () => {
    const before = await rankingAfter(null);
    const [top] = before.entries;
    // a new company linked to more entities than the current top one has links
    await cypherRows(
      `CREATE (c:Entity:Company {id: 'company:ranking-probe', kind: 'COMPANY', name: 'Ranking Probe'})
       WITH c MATCH (e:Entity) WHERE NOT e:Source AND e <> c AND e.id <> $top WITH c, e ORDER BY e.id LIMIT $n CREATE (c)-[:RELATED_TO]->(e)`,
      { n: int(top.score + 1), top: top.entity.id },
      true,
    );
    const after = await rankingAfter(before.computedAt);
    expect(after.entries[0]).toMatchObject({ rank: 1, score: top.score + 1, entity: { id: 'company:ranking-probe' } });
    expect(Date.parse(after.computedAt!)).toBeGreaterThan(Date.parse(before.computedAt!));
  });
});
