/**
 * vis-network data: `{ nodes, edges }` arrays, each loadable with vis-data `new DataSet(array)`.
 *
 * Domain properties are nested under `properties` instead of flattened: a vis node object is also
 * its option bag, and our own property names collide with options that change rendering (a
 * METRIC's `value` scales the node, a GOVERNMENT's `level` drives hierarchical layout, `color`,
 * `shape`, `font`, `size` ...).
 */
import type { SubgraphData } from '../subgraph';
import type { EntityKind } from '../../model/kinds';
import { edgeTitle, isDerived, labelMap, metricFields, normalize, type Props, sortedProps, nodeTitle } from './common';
import type { NodeMetricsData } from '../subgraph';

export interface VisNode extends Partial<NodeMetricsData> {
  id: string;
  label: string;
  /** the kind, so `options.groups.COMPANY` styles all companies */
  group: EntityKind;
  /** plain-text tooltip */
  title: string;
  kind: EntityKind;
  hiddenNeighbors: number;
  /** vis-network scales node size between `scaling.min` and `max` by `value`: the node's PageRank */
  value?: number;
  properties: Props;
}

export interface VisEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  relType: string;
  /** plain-text tooltip */
  title: string;
  arrows: 'to';
  /** derived (virtual) edges are drawn dashed */
  dashes: boolean;
  properties: Props;
}

export interface VisNetworkExport {
  nodes: VisNode[];
  edges: VisEdge[];
}

export function toVisNetwork(sub: SubgraphData): VisNetworkExport {
  const g = normalize(sub);
  const labels = labelMap(g);
  return {
    nodes: g.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      group: n.kind,
      title: nodeTitle(n),
      kind: n.kind,
      hiddenNeighbors: n.hiddenNeighbors,
      ...metricFields(n),
      ...(n.metrics ? { value: n.metrics.pageRank } : {}),
      properties: sortedProps(n.properties),
    })),
    edges: g.edges.map((e) => ({
      id: e.id,
      from: e.source,
      to: e.target,
      label: e.type,
      relType: e.type,
      title: edgeTitle(e, labels),
      arrows: 'to' as const,
      dashes: isDerived(e),
      properties: sortedProps(e.properties),
    })),
  };
}
