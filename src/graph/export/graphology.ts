/**
 * graphology's serialization format (https://graphology.github.io/serialization), loadable with
 * `Graph.from(json)` or `graph.import(json)` and ready for sigma.js: every node carries numeric
 * `x`/`y` (sigma throws without them), `size` and `color`.
 */
import type { JsonValue, SubgraphData } from '../subgraph';
import type { EntityKind } from '../../model/kinds';
import { degrees, fromPairs, kindColor, METRIC_KEYS, metricFields, nodeSize, normalize, safeProps } from './common';
import { layoutPositions } from './layout';

export interface GraphologyNodeAttributes {
  label: string;
  kind: EntityKind;
  x: number;
  y: number;
  size: number;
  color: string;
  hiddenNeighbors: number;
  [property: string]: JsonValue;
}

export interface GraphologyEdgeAttributes {
  label: string;
  /** relationship type; never in `type`, which sigma reads as the edge program name */
  relType: string;
  [property: string]: JsonValue;
}

export interface GraphologyExport {
  attributes: { truncated: boolean };
  options: { type: 'directed'; multi: true; allowSelfLoops: true };
  nodes: { key: string; attributes: GraphologyNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: GraphologyEdgeAttributes }[];
}

/**
 * sigma.js reads these on nodes/edges: `type` picks the WebGL program (an unknown name throws),
 * `hidden`/`forceLabel`/`zIndex`/`highlighted` change rendering, `image` is read by the image
 * program. Domain properties with these names are renamed (`type` → `typeProp`).
 */
const SIGMA_RESERVED = ['type', 'x', 'y', 'size', 'color', 'label', 'hidden', 'forceLabel', 'zIndex', 'highlighted', 'image'];
const NODE_RESERVED = new Set([...SIGMA_RESERVED, 'kind', 'hiddenNeighbors', ...METRIC_KEYS]);
const EDGE_RESERVED = new Set([...SIGMA_RESERVED, 'relType']);

export function toGraphology(sub: SubgraphData): GraphologyExport {
  const g = normalize(sub);
  const positions = layoutPositions(g);
  const degree = degrees(g);
  return {
    attributes: { truncated: g.truncated },
    // multi: two entities can be linked by several relationship types at once; self-loops are
    // allowed so a SUBSIDIARY_OF-style loop in the data cannot make `Graph.from` throw.
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: g.nodes.map((n) => {
      const p = positions.get(n.id) ?? { x: 0, y: 0 };
      return {
        key: n.id,
        attributes: {
          ...fromPairs(safeProps(n.properties, NODE_RESERVED, { id: n.id, kind: n.kind })),
          label: n.label,
          kind: n.kind,
          x: p.x,
          y: p.y,
          size: nodeSize(degree.get(n.id) ?? 0),
          color: kindColor(n.kind),
          hiddenNeighbors: n.hiddenNeighbors,
          ...metricFields(n),
        },
      };
    }),
    edges: g.edges.map((e) => ({
      key: e.id,
      source: e.source,
      target: e.target,
      attributes: {
        ...fromPairs(safeProps(e.properties, EDGE_RESERVED)),
        label: e.type,
        relType: e.type,
      },
    })),
  };
}
