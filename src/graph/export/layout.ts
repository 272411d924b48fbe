/**
 * Deterministic 2-D positions for formats whose renderers need coordinates up front (sigma.js
 * throws without numeric x/y; GEXF viz:position lets Gephi open a laid-out graph).
 *
 * Seed: nodes on one circle, grouped by kind (so kinds start out as arcs), then a fixed number of
 * ForceAtlas2 iterations. Neither step uses randomness, so the same input gives the same output.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { SubgraphData } from '../subgraph';
import { compareIds, KIND_ORDER, round } from './common';

export interface Point {
  x: number;
  y: number;
}

/**
 * ForceAtlas2 costs roughly iterations × nodes (with Barnes-Hut), about 0.5 ms per 100 node-
 * iterations here, so big graphs get fewer iterations: 100 up to 500 nodes, 25 at 2,000, never
 * fewer than 10 (≈0.5 s at 10,000 nodes). The result is a starting layout, not a converged one.
 */
const MAX_ITERATIONS = 100;
const MIN_ITERATIONS = 10;
const NODE_ITERATION_BUDGET = 50_000;
/** Measured crossover: below ~1,000 nodes the exact O(n²) repulsion is faster than Barnes-Hut. */
const BARNES_HUT_FROM = 1000;

export function iterationsFor(n: number): number {
  return Math.min(MAX_ITERATIONS, Math.max(MIN_ITERATIONS, Math.floor(NODE_ITERATION_BUDGET / Math.max(n, 1))));
}

/** `sub` must already be normalized (sorted, no dangling edges). */
export function layoutPositions(sub: SubgraphData): Map<string, Point> {
  const kindRank = new Map(KIND_ORDER.map((k, i) => [k, i]));
  const ordered = [...sub.nodes].sort(
    (a, b) => (kindRank.get(a.kind) ?? KIND_ORDER.length) - (kindRank.get(b.kind) ?? KIND_ORDER.length) || compareIds(a.id, b.id),
  );
  const n = ordered.length;
  // Radius grows with n so the seed circle keeps neighbouring nodes apart.
  const radius = Math.max(10, n * 2);
  const graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: false });
  ordered.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / n;
    graph.addNode(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  for (const e of sub.edges) {
    // A self-loop has no direction to pull in and only adds noise to the forces.
    if (e.source !== e.target) graph.addEdge(e.source, e.target);
  }
  if (n > 1 && graph.size > 0) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n >= BARNES_HUT_FROM };
    forceAtlas2.assign(graph, { iterations: iterationsFor(n), settings, getEdgeWeight: null });
  }
  const out = new Map<string, Point>();
  graph.forEachNode((id, attrs) => {
    const x = Number(attrs.x);
    const y = Number(attrs.y);
    // Guard: a layout glitch must never reach sigma as NaN ("Coordinates of node … are invalid").
    out.set(id, { x: Number.isFinite(x) ? round(x) : 0, y: Number.isFinite(y) ? round(y) : 0 });
  });
  return out;
}
