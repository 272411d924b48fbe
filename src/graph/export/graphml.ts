/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd, Cytoscape desktop and NetworkX:
 * every attribute declared once in a typed `<key>`, values in `<data>`, one directed `<graph>`.
 * Nested and list property values are written as JSON text in a string-typed key.
 */
import type { SubgraphData } from '../subgraph';
import { normalize } from './common';
import { attributeRows, buildXml, type Column, inferColumns, nodeColumnsFixed, type Row, rowValues, type XmlTree } from './xml';

const keyElement =
  (forWhat: 'graph' | 'node' | 'edge') =>
  (c: Column): XmlTree => ({ '@_id': c.id, '@_for': forWhat, '@_attr.name': c.name, '@_attr.type': c.type });

function dataElements(row: Row, columns: readonly Column[]): XmlTree[] {
  return rowValues(row, columns).map(([key, text]) => ({ '@_key': key, '#text': text }));
}

export function toGraphML(sub: SubgraphData): string {
  const g = normalize(sub);
  const rows = attributeRows(g);
  // GraphML has no built-in label, so `label` is a column (Gephi and yEd importers look for it).
  const nodeRows = rows.nodes.map((row, i): Row => [['label', g.nodes[i].label], ...row]);
  const edgeRows = rows.edges.map((row, i): Row => [['label', g.edges[i].type], ...row]);
  // Key ids are unique across the whole document, hence the n/e/g prefixes.
  const nodeColumns = inferColumns('n', [['label', 'string'], ...nodeColumnsFixed(g)], nodeRows);
  const edgeColumns = inferColumns('e', [['label', 'string'], ['relType', 'string']], edgeRows);
  const graphColumn: Column = { id: 'g0', name: 'truncated', type: 'boolean' };
  return buildXml({
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: [keyElement('graph')(graphColumn), ...nodeColumns.map(keyElement('node')), ...edgeColumns.map(keyElement('edge'))],
      graph: {
        '@_id': 'G',
        '@_edgedefault': 'directed',
        data: [{ '@_key': graphColumn.id, '#text': String(g.truncated) }],
        node: g.nodes.map((n, i) => ({ '@_id': n.id, data: dataElements(nodeRows[i], nodeColumns) })),
        edge: g.edges.map((e, i) => ({
          '@_id': e.id,
          '@_source': e.source,
          '@_target': e.target,
          data: dataElements(edgeRows[i], edgeColumns),
        })),
      },
    },
  });
}
