/**
 * The canonical graph payload every graph query returns (paths, connect, neighborhood) and every
 * export format is produced from. Plain JSON-safe data: no neo4j.Integer, no temporal objects.
 */
import type { EntityKind } from '../model/kinds';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface GraphNodeData {
  /** the entity's stable id, e.g. `company:alibaba` */
  id: string;
  kind: EntityKind;
  /** display name */
  label: string;
  /** the entity's own fields, JSON-safe (numbers as numbers, dates ISO 8601) */
  properties: Record<string, JsonValue>;
  /** neighbours not included in this result */
  hiddenNeighbors: number;
  /** centrality and community within this result; set only by withMetrics (src/graph/metrics.ts) for exports */
  metrics?: NodeMetricsData;
}

/** A node's figures within the result it belongs to (see src/graph/metrics.ts). */
export interface NodeMetricsData {
  /** edges of the result at the node (parallel edges each count) */
  degree: number;
  /** PageRank over the result read as undirected, damping 0.85; sums to 1 over the result */
  pageRank: number;
  /** normalized betweenness centrality over the result read as undirected, unweighted */
  betweenness: number;
  /** Louvain community, numbered from 0 (largest community first) */
  community: number;
}

export interface GraphEdgeData {
  /** deterministic: `<source>|<TYPE>|<target>` for stored edges, `derived:` prefix for derived */
  id: string;
  /** relationship type, e.g. PARTY_TO */
  type: string;
  source: string;
  target: string;
  properties: Record<string, JsonValue>;
}

export interface SubgraphData {
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
  truncated: boolean;
}

/** Deterministic edge id: the same stored relationship always gets the same id. */
export function edgeId(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}
