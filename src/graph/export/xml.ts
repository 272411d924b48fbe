/**
 * What GraphML and GEXF share: one configured XML builder with a single escaping function, and
 * typed attribute columns inferred from the values (both formats declare each attribute once with
 * a scalar type before the graph).
 */
import XMLBuilder from 'fast-xml-builder';
import type { JsonValue, SubgraphData } from '../subgraph';
import { compareIds, METRIC_KEYS, metricFields, safeProps } from './common';

export type ScalarType = 'boolean' | 'int' | 'long' | 'double' | 'string';

export interface Column {
  /** the attribute name consumers see (`attr.name` / `title`) */
  name: string;
  /** the XML id values refer to (`key` / `for`) */
  id: string;
  type: ScalarType;
}

// Characters XML 1.0 cannot carry at all (not even as &#..;), including unpaired surrogates.
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Escapes for both text and attribute values. Tab/newline/CR become character references because
 * parsers normalise raw ones inside attribute values to spaces (GEXF keeps every value in an
 * attribute), and invalid characters become U+FFFD instead of making the document unparseable.
 */
export function escapeXml(raw: string): string {
  return raw
    .replace(INVALID_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  suppressEmptyNode: true,
  // The default writes an attribute whose value is "true" as a bare name, which is not XML.
  suppressBooleanAttributes: false,
  // Escaping is done once, by escapeXml, for text and attributes alike.
  processEntities: false,
  tagValueProcessor: (_name: string, value: unknown) => escapeXml(String(value)),
  attributeValueProcessor: (_name: string, value: unknown) => escapeXml(String(value)),
});

/** A document in fast-xml-builder's object notation: `@_name` attributes, `#text` text. */
export type XmlTree = { [name: string]: string | XmlTree | XmlTree[] };

export function buildXml(root: XmlTree): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...root });
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The narrowest declared type that holds every non-null value; mixed or nested → string. */
export function inferType(values: readonly JsonValue[]): ScalarType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (!present.every((v): v is number => typeof v === 'number')) return 'string';
  if (!present.every((v) => Number.isSafeInteger(v))) return 'double';
  return present.every((v) => v >= INT32_MIN && v <= INT32_MAX) ? 'int' : 'long';
}

/**
 * Columns: the fixed ones first (in the given order), then every other attribute name in sorted
 * order; ids are `<prefix><index>` so they are valid, short and stable.
 */
export function inferColumns(
  prefix: string,
  fixed: readonly (readonly [string, ScalarType])[],
  records: readonly (readonly [string, JsonValue][])[],
): Column[] {
  const valuesByName = new Map<string, JsonValue[]>();
  for (const record of records) {
    for (const [name, value] of record) {
      const list = valuesByName.get(name);
      if (list) list.push(value);
      else valuesByName.set(name, [value]);
    }
  }
  const fixedNames = new Set(fixed.map(([name]) => name));
  const rest = [...valuesByName.keys()].filter((name) => !fixedNames.has(name)).sort(compareIds);
  return [
    ...fixed.map(([name, type]) => ({ name, type })),
    ...rest.map((name) => ({ name, type: inferType(valuesByName.get(name) ?? []) })),
  ].map((c, i) => ({ ...c, id: `${prefix}${i}` }));
}

/** The text of one value under its column type; null for null (the value is then left out). */
export function scalarValue(value: JsonValue, type: ScalarType): string | null {
  if (value === null) return null;
  // Only a 'string' column can hold an array/object (inferType), and it holds it as JSON text.
  return type === 'string' && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export type Row = [string, JsonValue][];

/** Our own columns, plus the names Gephi/NetworkX treat as element identity or GEXF edge kind. */
const NODE_RESERVED = new Set(['id', 'label', 'kind', 'hiddenNeighbors', ...METRIC_KEYS]);
const EDGE_RESERVED = new Set(['id', 'source', 'target', 'label', 'kind', 'relType']);

/**
 * One attribute row per node and edge (label excluded: GEXF carries it as an XML attribute,
 * GraphML adds it as a column). `g` must be normalized.
 */
export function attributeRows(g: SubgraphData): { nodes: Row[]; edges: Row[] } {
  return {
    nodes: g.nodes.map((n): Row => [
      ['kind', n.kind],
      ['hiddenNeighbors', n.hiddenNeighbors],
      ...(Object.entries(metricFields(n)) as Row),
      ...safeProps(n.properties, NODE_RESERVED, { id: n.id, kind: n.kind }),
    ]),
    edges: g.edges.map((e): Row => [['relType', e.type], ...safeProps(e.properties, EDGE_RESERVED)]),
  };
}

/**
 * The fixed node columns: ours, then the metrics when the nodes carry them, declared with their
 * own types (a PageRank that happens to be 1 must not make the column an integer).
 */
export function nodeColumnsFixed(g: SubgraphData): [string, ScalarType][] {
  const withMetrics = g.nodes.some((n) => n.metrics);
  const metrics: [string, ScalarType][] = [['degree', 'int'], ['pageRank', 'double'], ['betweenness', 'double'], ['community', 'int']];
  return [['kind', 'string'], ['hiddenNeighbors', 'int'], ...(withMetrics ? metrics : [])];
}

/** `[column id, text]` for each non-null value of the row, in column order. */
export function rowValues(row: Row, columns: readonly Column[]): [string, string][] {
  const byName = new Map(row);
  const out: [string, string][] = [];
  for (const col of columns) {
    const value = byName.get(col.name);
    const text = value === undefined ? null : scalarValue(value, col.type);
    if (text !== null) out.push([col.id, text]);
  }
  return out;
}
