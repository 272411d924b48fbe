/**
 * Centrality and communities of one graph result (a neighbourhood, a connect tree, a path),
 * computed with graphology's own implementations over the result alone, never over the whole
 * graph: degree, PageRank, betweenness and a Louvain community per node.
 *
 * The graph is read as undirected: a company PARTY_TO a partnership and a partnership that lists
 * a company are the same link for "how central is it". Parallel edges between two nodes (an
 * investor both INVESTOR_IN and RAISED on one investment) count in the degree and weigh their
 * link for PageRank and Louvain; betweenness counts hops, so it ignores that weight. Self-loops
 * count in the degree only. Louvain runs with a fixed-seed generator and its communities are
 * renumbered (largest first, then by smallest member id), so the same result always gets the
 * same numbers.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { compareIds } from './export/common';
import type { GraphEdgeData, GraphNodeData, NodeMetricsData } from './subgraph';

export type { NodeMetricsData } from './subgraph';

/** Anything with nodes and the edges among them: a Subgraph or one Path. */
export interface GraphResult {
  nodes: readonly GraphNodeData[];
  edges: readonly GraphEdgeData[];
}

const LOUVAIN_SEED = 0x5eed;
const DIGITS = 1e6;

/** Six decimals: enough to rank by, and the same bytes on every run and machine. */
function round6(v: number): number {
  return Number.isFinite(v) ? Math.round(v * DIGITS) / DIGITS + 0 : 0;
}

/**
 * mulberry32: a tiny, well-known seeded generator. Louvain only uses it to shuffle the order in
 * which it visits nodes, so any fixed seed gives a valid, repeatable partition.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every node of the result (ids sorted, duplicates once) and its links, weighted by multiplicity. */
function toGraph(result: GraphResult): { graph: UndirectedGraph; degree: Map<string, number> } {
  const graph = new UndirectedGraph();
  const degree = new Map<string, number>();
  for (const id of [...new Set(result.nodes.map((n) => n.id))].sort(compareIds)) {
    graph.addNode(id);
    degree.set(id, 0);
  }
  const seen = new Set<string>();
  const edges = [...result.edges].sort((a, b) => compareIds(a.id, b.id));
  // one link per pair of nodes, in the order its first edge comes, weighed before it is added
  // (a lookup and an attribute update per parallel edge cost more than the graph's own build)
  const links: { source: string; target: string; weight: number }[] = [];
  const linkOf = new Map<string, Map<string, { weight: number }>>();
  for (const e of edges) {
    if (seen.has(e.id) || !degree.has(e.source) || !degree.has(e.target)) continue;
    seen.add(e.id);
    degree.set(e.source, degree.get(e.source)! + 1);
    if (e.source === e.target) continue;
    degree.set(e.target, degree.get(e.target)! + 1);
    const [low, high] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    let byHigh = linkOf.get(low);
    if (!byHigh) linkOf.set(low, (byHigh = new Map()));
    const link = byHigh.get(high);
    if (link) link.weight++;
    else {
      const added = { source: e.source, target: e.target, weight: 1 };
      byHigh.set(high, added);
      links.push(added);
    }
  }
  for (const l of links) graph.addEdge(l.source, l.target, { weight: l.weight });
  return { graph, degree };
}

/** Louvain's labels renumbered 0, 1, 2 … by community size (largest first), ties by smallest member id. */
function communities(graph: UndirectedGraph): Map<string, number> {
  const raw: Record<string, number> =
    graph.size > 0 ? louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) }) : {};
  const members = new Map<string, string[]>();
  // a node Louvain did not label (no edges at all) is a community of its own
  graph.forEachNode((id) => {
    const label = id in raw ? `c${raw[id]}` : `n${id}`;
    const list = members.get(label);
    if (list) list.push(id);
    else members.set(label, [id]);
  });
  const groups = [...members.values()].map((ids) => ids.sort(compareIds));
  groups.sort((a, b) => b.length - a.length || compareIds(a[0], b[0]));
  const out = new Map<string, number>();
  groups.forEach((ids, i) => ids.forEach((id) => out.set(id, i)));
  return out;
}

/** Every node's metrics within the result. */
export function computeMetrics(result: GraphResult): Map<string, NodeMetricsData> {
  const { graph, degree } = toGraph(result);
  if (graph.order === 0) return new Map();
  const rank = pagerank(graph, { getEdgeWeight: 'weight', maxIterations: 1000 });
  const between = betweenness(graph, { getEdgeWeight: null, normalized: true });
  const community = communities(graph);
  const out = new Map<string, NodeMetricsData>();
  graph.forEachNode((id) => {
    out.set(id, {
      degree: degree.get(id) ?? 0,
      pageRank: round6(rank[id] ?? 0),
      betweenness: round6(between[id] ?? 0),
      community: community.get(id) ?? 0,
    });
  });
  return out;
}

/**
 * Lets GraphNode.metrics find the result its node belongs to without the result being computed up
 * front: the trace service registers each result it returns, and the first node whose `metrics`
 * is selected computes the whole result's figures once.
 */
const owners = new WeakMap<GraphNodeData, () => Map<string, NodeMetricsData>>();

export function registerForMetrics<T extends GraphResult>(result: T): T {
  let memo: Map<string, NodeMetricsData> | undefined;
  const lazy = () => (memo ??= computeMetrics(result));
  for (const n of result.nodes) owners.set(n, lazy);
  return result;
}

/** The node's metrics within its registered result (a node on its own when it has none). */
export function metricsOf(node: GraphNodeData): NodeMetricsData {
  const lazy = owners.get(node);
  const found = lazy ? lazy().get(node.id) : undefined;
  return found ?? node.metrics ?? { degree: 0, pageRank: 1, betweenness: 0, community: 0 };
}

/** The result with each node's metrics filled in, for the export formats. */
export function withMetrics<T extends GraphResult>(result: T): T {
  // a result already registered (and maybe already asked for metrics) is not computed twice
  const registered = result.nodes.length ? owners.get(result.nodes[0]) : undefined;
  const metrics = registered ? registered() : computeMetrics(result);
  return { ...result, nodes: result.nodes.map((n) => ({ ...n, metrics: metrics.get(n.id) ?? metricsOf(n) })) };
}
