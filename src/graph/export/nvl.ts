/**
 * Neo4j Visualization Library (NVL, what Bloom/Explore are built on): `new NVL(container, nodes,
 * relationships)` / `addAndUpdateElementsInGraph(nodes, relationships)`. NVL wants
 * `relationships` (not `edges`), `from`/`to`, and `caption` for the visible text; `type` on a
 * relationship is NVL's own relationship-type field, so the Neo4j type goes there.
 *
 * Domain properties are nested under `properties`: NVL reads `size`, `color`, `pinned`, `html`,
 * `x`/`y` ... straight off the node, so flattening could restyle or pin it.
 */
import type { SubgraphData } from '../subgraph';
import type { EntityKind } from '../../model/kinds';
import { degrees, kindColor, metricFields, nodeSize, normalize, type Props, sortedProps } from './common';
import type { NodeMetricsData } from '../subgraph';

export interface NvlNode extends Partial<NodeMetricsData> {
  id: string;
  caption: string;
  color: string;
  size: number;
  kind: EntityKind;
  hiddenNeighbors: number;
  properties: Props;
}

export interface NvlRelationship {
  id: string;
  from: string;
  to: string;
  type: string;
  caption: string;
  properties: Props;
}

export interface NvlExport {
  nodes: NvlNode[];
  relationships: NvlRelationship[];
}

/** NVL's default node size is 25 px; our degree-based size (5 + 3·√degree) is scaled to match. */
const NVL_SIZE_SCALE = 3;

export function toNvl(sub: SubgraphData): NvlExport {
  const g = normalize(sub);
  const degree = degrees(g);
  return {
    nodes: g.nodes.map((n) => ({
      id: n.id,
      caption: n.label,
      color: kindColor(n.kind),
      size: nodeSize(degree.get(n.id) ?? 0) * NVL_SIZE_SCALE,
      kind: n.kind,
      hiddenNeighbors: n.hiddenNeighbors,
      ...metricFields(n),
      properties: sortedProps(n.properties),
    })),
    relationships: g.edges.map((e) => ({
      id: e.id,
      from: e.source,
      to: e.target,
      type: e.type,
      caption: e.type,
      properties: sortedProps(e.properties),
    })),
  };
}
