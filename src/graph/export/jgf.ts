/**
 * JSON Graph Format v2 (https://github.com/jsongraph/json-graph-specification): `graph.nodes` is
 * an object keyed by node id, `graph.edges` an array with `source`/`target`/`relation`. A neutral,
 * documented JSON for non-JavaScript consumers.
 */
import type { SubgraphData } from '../subgraph';
import type { EntityKind } from '../../model/kinds';
import { fromPairs, metricFields, normalize, type Props, sortedProps } from './common';
import type { NodeMetricsData } from '../subgraph';

export interface JgfNode {
  label: string;
  metadata: { kind: EntityKind; hiddenNeighbors: number; properties: Props } & Partial<NodeMetricsData>;
}

export interface JgfEdge {
  id: string;
  source: string;
  target: string;
  relation: string;
  directed: true;
  label: string;
  metadata: { properties: Props };
}

export interface JgfExport {
  graph: {
    directed: true;
    metadata: { truncated: boolean };
    /** keyed by node id, keys in sorted order */
    nodes: Record<string, JgfNode>;
    edges: JgfEdge[];
  };
}

export function toJgf(sub: SubgraphData): JgfExport {
  const g = normalize(sub);
  return {
    graph: {
      directed: true,
      metadata: { truncated: g.truncated },
      nodes: fromPairs(
        g.nodes.map((n) => [
          n.id,
          {
            label: n.label,
            metadata: { kind: n.kind, hiddenNeighbors: n.hiddenNeighbors, ...metricFields(n), properties: sortedProps(n.properties) },
          },
        ] as const),
      ),
      edges: g.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        relation: e.type,
        directed: true as const,
        label: e.type,
        metadata: { properties: sortedProps(e.properties) },
      })),
    },
  };
}
