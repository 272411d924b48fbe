import { compareIds } from '../graph/export/common';
import { edgeId, type GraphEdgeData, type GraphNodeData, type JsonValue } from '../graph/subgraph';
import { BOOKKEEPING_KEYS, type EntityKind } from '../model/kinds';

/** Plain data the trace service works with; mapped from records at the repository edge. */
export type NodeBase = Omit<GraphNodeData, 'hiddenNeighbors'>;

export interface NodeInfo {
  node: NodeBase;
  /** relationships over the traversable types to nodes of traversable kinds */
  degree: number;
}

/** A result's nodes and every relationship among them. */
export interface NodeSet {
  info: Map<string, NodeInfo>;
  /** every relationship of the traversable types between two of the nodes, sorted by id */
  edges: GraphEdgeData[];
  /** ids of those edges whose two ends may both be reached (the ones `degree` counts) */
  counted: Set<string>;
}

export interface PathData {
  length: number;
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
}

export interface RawPath {
  length: number;
  /** node ids in path order */
  ids: string[];
  edges: GraphEdgeData[];
}

export interface Window {
  since: string | null;
  until: string | null;
}

/** Who takes part in a fact (for the derived view). */
export interface Participation {
  factId: string;
  factKind: EntityKind;
  /** PARTY_TO, INVESTOR_IN, RAISED, ISSUED (towards the fact) or FUNDS, AFFECTS (from it) */
  type: string;
  entityId: string;
  entityKind: EntityKind;
  role: string | null;
}

/** Stored bookkeeping and the fields GraphNode already carries at the top level. */
const NODE_HIDDEN = new Set<string>(['id', 'kind', 'name', 'nameLangs', ...BOOKKEEPING_KEYS]);
const EDGE_HIDDEN = new Set<string>(BOOKKEEPING_KEYS);

function pick(props: Record<string, JsonValue>, hidden: ReadonlySet<string>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(props).sort(compareIds)) {
    if (!hidden.has(key) && props[key] !== null) out[key] = props[key];
  }
  return out;
}

/** A node's stored (already plain) properties as a graph node: its own fields, names included. */
export function toNodeBase(props: Record<string, JsonValue>): NodeBase {
  const id = String(props.id);
  return {
    id,
    kind: props.kind as EntityKind,
    label: typeof props.name === 'string' && props.name ? props.name : id,
    properties: pick(props, NODE_HIDDEN),
  };
}

export function toGraphEdge(source: string, type: string, target: string, props: Record<string, JsonValue>): GraphEdgeData {
  return { id: edgeId(source, type, target), type, source, target, properties: pick(props, EDGE_HIDDEN) };
}

export function withHidden(node: NodeBase, hiddenNeighbors: number): GraphNodeData {
  return { ...node, hiddenNeighbors: Math.max(0, hiddenNeighbors) };
}

/** Edges sorted by id with repeated ids dropped (parallel provenance edges share an id). */
export function uniqueEdges(edges: readonly GraphEdgeData[]): GraphEdgeData[] {
  const seen = new Set<string>();
  return [...edges]
    .filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)))
    .sort((a, b) => compareIds(a.id, b.id));
}
