/**
 * Shared helpers for the format adapters: one normalisation step (so every format sees the same
 * sorted, consistent graph), reserved-key renaming, plain-text tooltips and the kind palette.
 */
import type { GraphEdgeData, GraphNodeData, JsonValue, NodeMetricsData, SubgraphData } from '../subgraph';
import { ENTITY_KINDS, KINDS, type EntityKind } from '../../model/kinds';

export type Props = Record<string, JsonValue>;

/** Code-unit order, not localeCompare: the output must not depend on the server's locale/ICU. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Nodes and edges sorted by id, duplicates dropped (first wins) and edges whose endpoints are not
 * in the node list dropped: every target library throws on a dangling edge or a repeated id, and a
 * truncated result should still render rather than fail the whole export.
 */
export function normalize(sub: SubgraphData): SubgraphData {
  const nodes = uniqueById(sub.nodes);
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edges = uniqueById(sub.edges).filter(
    // Cytoscape keeps nodes and edges in one id namespace, so an edge may not reuse a node id.
    (e) => nodeIds.has(e.source) && nodeIds.has(e.target) && !nodeIds.has(e.id),
  );
  return { nodes, edges, truncated: sub.truncated };
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
  }
  return out.sort((a, b) => compareIds(a.id, b.id));
}

/**
 * The entity's properties as sorted [key, value] pairs, safe to spread next to a format's own keys.
 * A property that merely repeats a canonical field with the same value (`id`, `kind` stored on the
 * node) is dropped; any other property whose key the format reserves is renamed with a `Prop`
 * suffix (`parent` → `parentProp`, `type` → `typeProp`) so it can never change how the library
 * interprets the element.
 */
export function safeProps(
  props: Props,
  reserved: ReadonlySet<string>,
  canonical: Readonly<Record<string, JsonValue>> = {},
): [string, JsonValue][] {
  const keys = Object.keys(props).sort(compareIds);
  // built at the first reserved key only, and sorted again only after a rename: most have none
  let taken: Set<string> | undefined;
  const out: [string, JsonValue][] = [];
  for (const key of keys) {
    const value = props[key];
    if (Object.prototype.hasOwnProperty.call(canonical, key) && canonical[key] === value) continue;
    if (!reserved.has(key)) {
      out.push([key, value]);
      continue;
    }
    taken ??= new Set<string>([...reserved, ...keys]);
    let renamed = `${key}Prop`;
    while (taken.has(renamed)) renamed += 'Prop';
    taken.add(renamed);
    out.push([renamed, value]);
  }
  return taken ? out.sort((a, b) => compareIds(a[0], b[0])) : out;
}

/** Builds an object from pairs without `obj[key] =`, so a key like `__proto__` stays plain data. */
export function fromPairs<V>(pairs: Iterable<readonly [string, V]>): Record<string, V> {
  return Object.fromEntries(pairs) as Record<string, V>;
}

/** Properties copied with sorted keys, for formats that nest them instead of flattening. */
export function sortedProps(props: Props): Props {
  return fromPairs(Object.keys(props).sort(compareIds).map((k) => [k, props[k]] as const));
}

/**
 * The node metrics every format carries under these names (Cytoscape `data`, graphology
 * attributes, vis-network and NVL node fields, JGF metadata, GEXF/GraphML attributes), so a
 * stylesheet, reducer or Gephi's Appearance panel can size and colour by them directly. Reserved in
 * every format, so an entity property of the same name is renamed rather than shadowing a figure.
 */
export const METRIC_KEYS = ['degree', 'pageRank', 'betweenness', 'community'] as const satisfies readonly (keyof NodeMetricsData)[];

/** The node's metrics as an object to spread next to a format's own keys (empty when not computed). */
export function metricFields(node: GraphNodeData): Partial<NodeMetricsData> {
  return node.metrics ? { ...node.metrics } : {};
}

export function isDerived(edge: GraphEdgeData): boolean {
  return edge.id.startsWith('derived:');
}

/** One color per kind (from the model table), shared by every format that carries a color, so views look alike. */
export const KIND_COLORS: Readonly<Record<EntityKind, string>> = Object.fromEntries(ENTITY_KINDS.map((k) => [k, KINDS[k].color])) as Record<EntityKind, string>;

export const KIND_ORDER: readonly EntityKind[] = ENTITY_KINDS;

export function kindColor(kind: EntityKind): string {
  return KIND_COLORS[kind] ?? '#999999';
}

/** Node size grows with the square root of degree so hubs stand out without swamping the view. */
export function nodeSize(degree: number): number {
  return round(5 + 3 * Math.sqrt(degree));
}

export function degrees(sub: SubgraphData): Map<string, number> {
  const deg = new Map<string, number>(sub.nodes.map((n) => [n.id, 0]));
  for (const e of sub.edges) {
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1);
    if (e.target !== e.source) deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
  }
  return deg;
}

/** Three decimals keep payloads small and identical across runs; `+ 0` turns -0 into 0. */
export function round(v: number): number {
  return Math.round(v * 1000) / 1000 + 0;
}

// C0 controls other than tab/newline, DEL and C1 controls: never useful in a tooltip.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const MAX_VALUE_CHARS = 200;
const MAX_PROP_LINES = 10;

function scalarText(value: JsonValue): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) {
    const parts = value.map(scalarText).filter((s): s is string => s !== null);
    return parts.length ? parts.join(', ') : null;
  }
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const clean = text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_VALUE_CHARS ? `${clean.slice(0, MAX_VALUE_CHARS - 1)}…` : clean;
}

function propLines(props: Props): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(props).sort(compareIds)) {
    const text = scalarText(props[key]);
    if (text) lines.push(`${key}: ${text}`);
  }
  return lines.length > MAX_PROP_LINES
    ? [...lines.slice(0, MAX_PROP_LINES), `(+${lines.length - MAX_PROP_LINES} more)`]
    : lines;
}

/**
 * Plain-text tooltip (no HTML: names and sentences come from news text, and vis-network renders an
 * HTML title verbatim). Lines separated by `\n`.
 */
export function nodeTitle(node: GraphNodeData): string {
  const head = [`${scalarText(node.label) ?? node.id}`, `${node.kind} · ${node.id}`];
  if (node.hiddenNeighbors > 0) head.push(`+${node.hiddenNeighbors} more neighbours`);
  return [...head, ...propLines(node.properties)].join('\n');
}

export function edgeTitle(edge: GraphEdgeData, labelOf: ReadonlyMap<string, string>): string {
  const from = scalarText(labelOf.get(edge.source) ?? edge.source);
  const to = scalarText(labelOf.get(edge.target) ?? edge.target);
  return [`${from} —${edge.type}→ ${to}`, ...propLines(edge.properties)].join('\n');
}

export function labelMap(sub: SubgraphData): Map<string, string> {
  return new Map(sub.nodes.map((n) => [n.id, n.label]));
}
