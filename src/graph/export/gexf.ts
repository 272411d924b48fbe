/**
 * GEXF 1.3 (https://gexf.net/) for Gephi: typed attribute declarations per class, the label as
 * the element's `label`, the relationship type as the edge `kind` (1.3's way of telling parallel
 * edges apart) and the `viz` module (color, size, position from the shared deterministic layout)
 * so the file opens laid out. Nested and list values are JSON text in string attributes.
 */
import type { SubgraphData } from '../subgraph';
import { degrees, kindColor, nodeSize, normalize } from './common';
import { layoutPositions } from './layout';
import { attributeRows, buildXml, type Column, inferColumns, nodeColumnsFixed, type Row, rowValues, type ScalarType, type XmlTree } from './xml';

const GEXF_TYPE: Readonly<Record<ScalarType, string>> = {
  boolean: 'boolean',
  int: 'integer',
  long: 'long',
  double: 'double',
  string: 'string',
};

function declarations(forClass: 'node' | 'edge', columns: readonly Column[]): XmlTree {
  return {
    '@_class': forClass,
    '@_mode': 'static',
    attribute: columns.map((c) => ({ '@_id': c.id, '@_title': c.name, '@_type': GEXF_TYPE[c.type] })),
  };
}

function attvalues(row: Row, columns: readonly Column[]): Record<string, XmlTree> {
  const values = rowValues(row, columns);
  // An empty <attvalues/> is not allowed by the schema; leave the element out instead.
  return values.length
    ? { attvalues: { attvalue: values.map(([id, text]) => ({ '@_for': id, '@_value': text })) } }
    : {};
}

function rgb(hex: string): XmlTree {
  const n = parseInt(hex.slice(1), 16);
  return { '@_r': String((n >> 16) & 255), '@_g': String((n >> 8) & 255), '@_b': String(n & 255) };
}

export function toGexf(sub: SubgraphData): string {
  const g = normalize(sub);
  const rows = attributeRows(g);
  // Numeric ids, as Gephi writes them: graphology-gexf only maps an id to its title when the id
  // is numeric. GEXF scopes attribute ids per class, so nodes and edges both start at 0.
  const nodeColumns = inferColumns('', nodeColumnsFixed(g), rows.nodes);
  const edgeColumns = inferColumns('', [['relType', 'string']], rows.edges);
  const positions = layoutPositions(g);
  const degree = degrees(g);
  return buildXml({
    gexf: {
      '@_xmlns': 'http://gexf.net/1.3',
      '@_xmlns:viz': 'http://gexf.net/1.3/viz',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd',
      '@_version': '1.3',
      // No lastmodifieddate: the same subgraph must always produce the same bytes.
      meta: { creator: 'kg-graphql', description: g.truncated ? 'subgraph (truncated)' : 'subgraph' },
      graph: {
        '@_defaultedgetype': 'directed',
        '@_mode': 'static',
        attributes: [declarations('node', nodeColumns), declarations('edge', edgeColumns)],
        nodes: {
          node: g.nodes.map((n, i) => {
            const p = positions.get(n.id) ?? { x: 0, y: 0 };
            return {
              '@_id': n.id,
              '@_label': n.label,
              ...attvalues(rows.nodes[i], nodeColumns),
              'viz:color': rgb(kindColor(n.kind)),
              'viz:position': { '@_x': String(p.x), '@_y': String(p.y), '@_z': '0' },
              'viz:size': { '@_value': String(nodeSize(degree.get(n.id) ?? 0)) },
            };
          }),
        },
        edges: {
          edge: g.edges.map((e, i) => ({
            '@_id': e.id,
            '@_source': e.source,
            '@_target': e.target,
            '@_label': e.type,
            '@_kind': e.type,
            ...attvalues(rows.edges[i], edgeColumns),
          })),
        },
      },
    },
  });
}
