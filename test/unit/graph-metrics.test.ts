/**
 * Subgraph metrics: figures checked against hand-computed small graphs, and every export format
 * loaded into its real library with the metrics where that library reads node data.
 */
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { exportFile, toCytoscape, toGraphology, toJgf, toNvl, toVisNetwork } from '../../src/graph/export';
import { computeMetrics, metricsOf, registerForMetrics, withMetrics } from '../../src/graph/metrics';
import { edgeId, type GraphEdgeData, type GraphNodeData, type SubgraphData } from '../../src/graph/subgraph';
import { fixture } from './graph-export.fixture';

const node = (id: string): GraphNodeData => ({ id, kind: 'COMPANY', label: id, properties: {}, hiddenNeighbors: 0 });
const edge = (source: string, target: string, type = 'PARTNERS_WITH'): GraphEdgeData => ({
  id: edgeId(source, type, target),
  type,
  source,
  target,
  properties: {},
});
function graph(ids: string[], pairs: [string, string, string?][]): SubgraphData {
  return { nodes: ids.map(node), edges: pairs.map(([s, t, type]) => edge(s, t, type)), truncated: false };
}

describe('computeMetrics on hand-computed graphs', () => {
  it('a path a-b-c: degrees, PageRank (x = 0.05 + 0.425y, y = 0.05 + 1.7x) and betweenness', () => {
    const m = computeMetrics(graph(['a', 'b', 'c'], [['a', 'b'], ['c', 'b']]));
    expect([...m.keys()]).toEqual(['a', 'b', 'c']);
    expect(m.get('a')).toMatchObject({ degree: 1, betweenness: 0 });
    expect(m.get('b')).toMatchObject({ degree: 2, betweenness: 1 });
    // solving the two equations by hand: x = 0.07125 / 0.2775, y = 0.05 + 1.7x
    expect(m.get('a')?.pageRank).toBeCloseTo(0.256757, 4);
    expect(m.get('c')?.pageRank).toBeCloseTo(0.256757, 4);
    expect(m.get('b')?.pageRank).toBeCloseTo(0.486486, 4);
  });

  it('a star: the hub lies on every shortest path between two leaves', () => {
    const m = computeMetrics(graph(['hub', 'l1', 'l2', 'l3', 'l4'], [['hub', 'l1'], ['l2', 'hub'], ['hub', 'l3'], ['hub', 'l4']]));
    expect(m.get('hub')).toMatchObject({ degree: 4, betweenness: 1 });
    for (const leaf of ['l1', 'l2', 'l3', 'l4']) expect(m.get(leaf)).toMatchObject({ degree: 1, betweenness: 0 });
    const total = [...m.values()].reduce((s, x) => s + x.pageRank, 0);
    expect(total).toBeCloseTo(1, 5);
  });

  it('two triangles joined by one bridge are two communities, numbered by size then smallest id', () => {
    const sub = graph(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      [['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'e'], ['e', 'f'], ['f', 'd'], ['c', 'd']],
    );
    const m = computeMetrics(sub);
    expect(['a', 'b', 'c'].map((id) => m.get(id)?.community)).toEqual([0, 0, 0]);
    expect(['d', 'e', 'f'].map((id) => m.get(id)?.community)).toEqual([1, 1, 1]);
    // an isolated node is a community of its own, after the bigger ones
    expect(m.get('g')).toEqual({ degree: 0, pageRank: expect.any(Number), betweenness: 0, community: 2 });
    // c is inside the shortest path of the 2·3 pairs {a, b} × {d, e, f}; normalized by (n-1)(n-2)/2 = 15 pairs
    expect(m.get('c')?.betweenness).toBeCloseTo(6 / 15, 5);
    expect(m.get('d')?.betweenness).toBeCloseTo(6 / 15, 5);
    // the same figures whatever the input order
    expect(computeMetrics({ ...sub, nodes: [...sub.nodes].reverse(), edges: [...sub.edges].reverse() })).toEqual(m);
  });

  it('parallel edges each count in the degree; self-loops count once and change nothing else', () => {
    const m = computeMetrics(graph(['a', 'b'], [['a', 'b', 'INVESTOR_IN'], ['a', 'b', 'RAISED'], ['a', 'a', 'SUBSIDIARY_OF']]));
    expect(m.get('a')?.degree).toBe(3);
    expect(m.get('b')?.degree).toBe(2);
    expect(m.get('a')?.pageRank).toBeCloseTo(0.5, 5);
  });

  it('ignores edges whose ends are not in the result, and handles an empty one', () => {
    const m = computeMetrics(graph(['a'], [['a', 'gone']]));
    expect(m.get('a')).toEqual({ degree: 0, pageRank: 1, betweenness: 0, community: 0 });
    expect(computeMetrics(graph([], [])).size).toBe(0);
  });
});

describe('lazy metrics of a registered result', () => {
  it('each node finds its figures within its own result', () => {
    const path = registerForMetrics(graph(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']]));
    const other = registerForMetrics(graph(['b', 'x'], [['b', 'x']]));
    expect(metricsOf(path.nodes[1]).degree).toBe(2);
    expect(metricsOf(other.nodes[0]).degree).toBe(1);
  });
});

describe('exports carry the metrics where each library reads node data', () => {
  const sub = withMetrics(fixture);
  const expected = computeMetrics(fixture);
  const alibaba = expected.get('company:alibaba');

  it('Cytoscape.js: in data, so mapData(pageRank …) and [community = n] style the nodes', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: toCytoscape(sub).elements,
      style: [{ selector: 'node', style: { width: 'mapData(pageRank, 0, 1, 10, 110)' } }],
    });
    const n = cy.$id('company:alibaba');
    expect(n.data('pageRank')).toBe(alibaba?.pageRank);
    expect(n.data('degree')).toBe(alibaba?.degree);
    expect(cy.$(`node[community = ${alibaba?.community}]`).map((x) => x.id())).toContain('company:alibaba');
    expect(n.numericStyle('width')).toBeCloseTo(10 + 100 * (alibaba?.pageRank ?? 0), 3);
    // a styled headless instance runs an animation loop on a timer until it is destroyed
    cy.destroy();
  });

  it('graphology / sigma.js: node attributes', () => {
    const g = Graph.from(toGraphology(sub));
    g.forEachNode((id, a) => expect({ degree: a.degree, pageRank: a.pageRank, betweenness: a.betweenness, community: a.community }).toEqual(expected.get(id)));
  });

  it('vis-network: `value` (what vis scales node size by) is the PageRank', async () => {
    const { DataSet } = await import('vis-data');
    const nodes = new DataSet(toVisNetwork(sub).nodes);
    expect(nodes.get('company:alibaba')).toMatchObject({ value: alibaba?.pageRank, community: alibaba?.community, betweenness: alibaba?.betweenness });
  });

  it('NVL and JGF: on the node and in its metadata', () => {
    expect(toNvl(sub).nodes.find((n) => n.id === 'company:alibaba')).toMatchObject({ ...alibaba });
    expect(toJgf(sub).graph.nodes['company:alibaba'].metadata).toMatchObject({ ...alibaba });
  });

  it('GraphML and GEXF: typed attributes the parsers read back as numbers', () => {
    for (const format of ['graphml', 'gexf'] as const) {
      const body = exportFile(sub, format).body;
      const g = format === 'graphml' ? parseGraphml(Graph, body) : parseGexf(Graph, body);
      g.forEachNode((id, a) => {
        const m = expected.get(id);
        expect([a.degree, a.pageRank, a.betweenness, a.community]).toEqual([m?.degree, m?.pageRank, m?.betweenness, m?.community]);
      });
    }
  });

  it('no metrics, no metric fields (the formats stay as they were)', () => {
    expect(toCytoscape(fixture).elements.nodes[0].data).not.toHaveProperty('pageRank');
    expect(exportFile(fixture, 'graphml').body).not.toContain('pageRank');
  });
});
