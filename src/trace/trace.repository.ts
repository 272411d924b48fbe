import type { Record as Neo4jRecord } from 'neo4j-driver';
import { cypher } from '../db/cypher-registry';
import type { Database, Params } from '../db/database';
import { int, toPlain, toPlainObject } from '../db/values';
import type { EntityRecord } from '../read/entity/entity.model';
import { toEntityRecord } from '../read/entity/entity.model';
import type { GraphEdgeData, JsonValue } from '../graph/subgraph';
import { connectStepQuery, neighborhoodQuery, nodesQuery, pathGroupsQuery, shortestPathsQuery, type TraversalSpec } from './trace.cypher';
import { type NodeSet, type Participation, type RawPath, toGraphEdge, toNodeBase, uniqueEdges, type Window } from './trace.model';
import { type EntityKind } from '../model/kinds';

/** Paths and the node data of every node they visit. */
export interface PathsWithNodes {
  paths: RawPath[];
  set: NodeSet;
}

/** The answer of trace/paths: also which of the two endpoint ids do not exist. */
export interface ShortestPaths extends PathsWithNodes {
  missing: string[];
}

/** A neighbourhood's nodes in breadth-first order, what "+N more" needs, and whether the limit cut it. */
export interface Neighborhood {
  ids: string[];
  set: NodeSet;
  truncated: boolean;
}

export interface TimelineQuery {
  entityId: string | null;
  from: string | null;
  to: string | null;
  after: { date: string | null; id: string } | null;
  limit: number;
}

interface RawEdge {
  source: string;
  type: string;
  target: string;
  properties: Record<string, JsonValue>;
}

interface RawNode {
  node: Record<string, JsonValue>;
  degree: number;
  out: (RawEdge & { counted: boolean })[];
}

function toPath(p: { length: number; ids: string[]; edges: RawEdge[] }): RawPath {
  return { length: Number(p.length), ids: p.ids, edges: p.edges.map((e) => toGraphEdge(e.source, e.type, e.target, e.properties ?? {})) };
}

function toRawPath(r: Neo4jRecord): RawPath {
  return toPath({ length: toPlain(r.get('length')) as number, ids: r.get('ids') as string[], edges: toPlain(r.get('edges')) as unknown as RawEdge[] });
}

/** Node entries (see nodeFields in trace.cypher.ts) as a NodeSet, and the node ids in their order. */
function toNodeSet(rows: readonly RawNode[]): { ids: string[]; set: NodeSet } {
  const set: NodeSet = { info: new Map(), edges: [], counted: new Set() };
  const ids: string[] = [];
  const edges: GraphEdgeData[] = [];
  for (const r of rows) {
    const node = toNodeBase(r.node);
    ids.push(node.id);
    set.info.set(node.id, { node, degree: Number(r.degree) });
    for (const o of r.out) {
      const edge = toGraphEdge(node.id, o.type, o.target, o.properties ?? {});
      edges.push(edge);
      if (o.counted && o.target !== node.id) set.counted.add(edge.id);
    }
  }
  set.edges = uniqueEdges(edges);
  return { ids, set };
}

/** One row of paths and their nodes (trace/paths, trace/path-groups). */
function toPathsWithNodes(records: readonly Neo4jRecord[]): PathsWithNodes {
  if (!records.length) return { paths: [], set: toNodeSet([]).set };
  const paths = (toPlain(records[0].get('paths')) as unknown as { length: number; ids: string[]; edges: RawEdge[] }[]).map(toPath);
  return { paths, set: toNodeSet(toPlain(records[0].get('nodes')) as unknown as RawNode[]).set };
}

const recordNode = (r: Neo4jRecord): RawNode => ({
  node: toPlainObject(r.get('node')),
  degree: Number(toPlain(r.get('degree'))),
  out: toPlain(r.get('out')) as unknown as RawNode['out'],
});

const windowParams = (w: Window): Params => ({ since: w.since, until: w.until });

/** Graph traversals for paths, connect, neighborhood and the timeline; plain data out. */
export class TraceRepository {
  constructor(private readonly db: Database) {}

  /** The kinds of those ids that exist. */
  async kinds(ids: readonly string[]): Promise<Map<string, EntityKind>> {
    const records = await this.db.read(cypher('entity/kinds-by-ids'), { ids });
    return new Map(records.map((r) => [r.get('id') as string, r.get('kind') as EntityKind]));
  }

  /** Up to k shortest simple paths, in no set order among equal lengths, with the nodes of those the first `first` can be. */
  async shortestPaths(spec: TraversalSpec, hops: number, k: number, from: string, to: string, first: number, window: Window): Promise<ShortestPaths> {
    const records = await this.db.read(shortestPathsQuery(spec, hops, k), { from, to, first: int(first), ...windowParams(window) });
    return { ...toPathsWithNodes(records), missing: (records[0]?.get('missing') as string[] | undefined) ?? [] };
  }

  /** Every path of the `groups` shortest lengths, one per node sequence, sorted, at most `first`, with their nodes. */
  async pathGroups(spec: TraversalSpec, hops: number, groups: number, from: string, to: string, first: number, window: Window): Promise<PathsWithNodes> {
    const records = await this.db.read(pathGroupsQuery(spec, hops, groups), { from, to, first: int(first), ...windowParams(window) });
    return toPathsWithNodes(records);
  }

  /** The shortest path from any of `sources` to any of `targets` (see connectStepQuery), or null. */
  async connectStep(
    spec: TraversalSpec,
    hops: number,
    sources: readonly string[],
    targets: readonly string[],
    window: Window,
  ): Promise<{ target: number; path: RawPath } | null> {
    const records = await this.db.read(connectStepQuery(spec, hops), { sources, targets, ...windowParams(window) });
    if (!records.length) return null;
    return { target: Number(toPlain(records[0].get('target'))), path: toRawPath(records[0]) };
  }

  /** The neighbourhood of `id` (see neighborhoodQuery), or null when there is no such entity. */
  async neighborhood(spec: TraversalSpec, id: string, depth: number, limit: number, window: Window): Promise<Neighborhood | null> {
    const records = await this.db.read(neighborhoodQuery(spec, depth), { id, limit: int(limit), ...windowParams(window) });
    if (!records.length) return null;
    return { ...toNodeSet(records.map(recordNode)), truncated: records[0].get('truncated') === true };
  }

  /** The nodes among `ids` that exist, their traversable degree, and every relationship among them. */
  async nodes(spec: TraversalSpec, ids: readonly string[], window: Window): Promise<NodeSet> {
    if (!ids.length) return toNodeSet([]).set;
    const records = await this.db.read(nodesQuery(spec), { ids, ...windowParams(window) });
    return toNodeSet(records.map(recordNode)).set;
  }

  async factParticipants(factIds: readonly string[]): Promise<Participation[]> {
    if (!factIds.length) return [];
    const records = await this.db.read(cypher('trace/fact-participants'), { factIds });
    return records.map((r) => toPlainObject(r.toObject()) as unknown as Participation);
  }

  async timelinePage(q: TimelineQuery): Promise<{ event: EntityRecord; sortDate: string | null }[]> {
    const records = await this.db.read(cypher('trace/timeline-page'), {
      entityId: q.entityId,
      from: q.from,
      to: q.to,
      afterDate: q.after?.date ?? null,
      afterId: q.after?.id ?? null,
      limit: int(q.limit),
    });
    return records.map((r) => ({
      event: toEntityRecord(toPlainObject(r.get('event'))),
      sortDate: (toPlain(r.get('sortDate')) as string | null) ?? null,
    }));
  }

  async timelineCount(q: Pick<TimelineQuery, 'entityId' | 'from' | 'to'>): Promise<number> {
    const records = await this.db.read(cypher('trace/timeline-count'), { entityId: q.entityId, from: q.from, to: q.to });
    return Number(toPlain(records[0]?.get('total') ?? 0));
  }
}
