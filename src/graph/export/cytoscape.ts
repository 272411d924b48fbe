/**
 * Cytoscape.js elements JSON, in the object form `{ nodes, edges }` (not the flat array), which is
 * what `cytoscape({ elements })` and `cy.add(elements)` accept and what NetworkX's
 * `cytoscape_data` writes. Domain properties are flattened into `data` so stylesheet mappers such
 * as `data(label)` or `[kind = "COMPANY"]` work directly.
 */
import type { JsonValue, SubgraphData } from '../subgraph';
import type { EntityKind } from '../../model/kinds';
import { fromPairs, isDerived, METRIC_KEYS, metricFields, normalize, safeProps } from './common';

export interface CytoscapeNodeData {
  id: string;
  label: string;
  kind: EntityKind;
  hiddenNeighbors: number;
  [property: string]: JsonValue;
}

export interface CytoscapeEdgeData {
  id: string;
  source: string;
  target: string;
  /** the relationship type, for `label: data(label)` */
  label: string;
  relType: string;
  [property: string]: JsonValue;
}

export interface CytoscapeExport {
  elements: {
    /** `classes` holds the kind, so `node.COMPANY` selectors work */
    nodes: { group: 'nodes'; data: CytoscapeNodeData; classes: string[] }[];
    /** `classes` holds the relationship type (and `derived` for derived edges) */
    edges: { group: 'edges'; data: CytoscapeEdgeData; classes: string[] }[];
  };
}

/**
 * `parent` would make the node a compound child of that id, and `source`/`target` on a node would
 * make Cytoscape treat it as an edge; the rest are the keys this adapter sets itself.
 */
const NODE_RESERVED = new Set(['id', 'label', 'kind', 'hiddenNeighbors', 'parent', 'source', 'target', ...METRIC_KEYS]);
const EDGE_RESERVED = new Set(['id', 'source', 'target', 'label', 'relType', 'parent']);

export function toCytoscape(sub: SubgraphData): CytoscapeExport {
  const g = normalize(sub);
  return {
    elements: {
      nodes: g.nodes.map((n) => {
        // the properties first, then this adapter's keys (reserved above, so no property has one)
        const data = fromPairs(safeProps(n.properties, NODE_RESERVED, { id: n.id, kind: n.kind })) as CytoscapeNodeData;
        data.id = n.id;
        data.label = n.label;
        data.kind = n.kind;
        data.hiddenNeighbors = n.hiddenNeighbors;
        // `mapData(pageRank, 0, 1, 10, 60)` / `[community = 0]` selectors read these
        Object.assign(data, metricFields(n));
        return { group: 'nodes' as const, data, classes: [n.kind] };
      }),
      edges: g.edges.map((e) => {
        const data = fromPairs(safeProps(e.properties, EDGE_RESERVED, { id: e.id, source: e.source, target: e.target })) as CytoscapeEdgeData;
        data.id = e.id;
        data.source = e.source;
        data.target = e.target;
        data.label = e.type;
        data.relType = e.type;
        return { group: 'edges' as const, data, classes: isDerived(e) ? [e.type, 'derived'] : [e.type] };
      }),
    },
  };
}
