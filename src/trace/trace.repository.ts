import type { Record as Neo4jRecord } from 'neo4j-driver';
import { cypher } from '../db/cypher-registry';
import type { Database, Params } from '../db/database';
import { int, toPlain, toPlainObject } from '../db/values';
import type { EntityRecord } from '../entity/entity.model';
import { toEntityRecord } from '../entity/entity.model';
import type { EntityKindName, GraphEdgeData, JsonValue } from '../graph/subgraph';
import { connectStepQuery, expandQuery, nodesQuery, pathGroupsQuery, shortestPathsQuery, type TraversalSpec } from './trace.cypher';
import { type NodeSet, type Participation, type RawPath, toGraphEdge, toNodeBase, uniqueEdges, type Window } from './trace.model';

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

function toRawPath(r: Neo4jRecord): RawPath {
  const edges = (toPlain(r.get('edges')) as unknown as RawEdge[]).map((e) => toGraphEdge(e.source, e.type, e.target, e.properties ?? {}));
  return { length: Number(toPlain(r.get('length'))), ids: r.get('ids') as string[], edges };
}

const windowParams = (w: Window): Params => ({ since: w.since, until: w.until });

/** Graph traversals for paths, connect, neighborhood and the timeline; plain data out. */
export class TraceRepository {
  constructor(private readonly db: Database) {}

  /** The kinds of those ids that exist. */
  async kinds(ids: readonly string[]): Promise<Map<string, EntityKindName>> {
    const records = await this.db.read(cypher('trace/entities'), { ids });
    return new Map(records.map((r) => [r.get('id') as string, r.get('kind') as EntityKindName]));
  }

  /** Up to k shortest simple paths, in no set order among equal lengths. */
  async shortestPaths(spec: TraversalSpec, hops: number, k: number, from: string, to: string, window: Window): Promise<RawPath[]> {
    const records = await this.db.read(shortestPathsQuery(spec, hops, k), { from, to, ...windowParams(window) });
    return records.map(toRawPath);
  }

  /** Every path of the `groups` shortest lengths, one per node sequence, sorted, at most `first`. */
  async pathGroups(spec: TraversalSpec, hops: number, groups: number, from: string, to: string, first: number, window: Window): Promise<RawPath[]> {
    const records = await this.db.read(pathGroupsQuery(spec, hops, groups), { from, to, first: int(first), ...windowParams(window) });
    return records.map(toRawPath);
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

  /** Unseen neighbours of each frontier node, sorted by id, at most `perNode` each. */
  async expand(spec: TraversalSpec, frontier: readonly string[], seen: readonly string[], perNode: number, window: Window): Promise<Map<string, string[]>> {
    const records = await this.db.read(expandQuery(spec), { frontier, seen, perNode: int(perNode), ...windowParams(window) });
    return new Map(records.map((r) => [r.get('id') as string, r.get('found') as string[]]));
  }

  /** The nodes among `ids` that exist, their traversable degree, and every relationship among them. */
  async nodes(spec: TraversalSpec, ids: readonly string[], window: Window): Promise<NodeSet> {
    const out: NodeSet = { info: new Map(), edges: [], counted: new Set() };
    if (!ids.length) return out;
    const records = await this.db.read(nodesQuery(spec), { ids, ...windowParams(window) });
    const edges: GraphEdgeData[] = [];
    for (const r of records) {
      const node = toNodeBase(toPlainObject(r.get('node')));
      out.info.set(node.id, { node, degree: Number(toPlain(r.get('degree'))) });
      for (const o of toPlain(r.get('out')) as unknown as (RawEdge & { counted: boolean })[]) {
        const edge = toGraphEdge(node.id, o.type, o.target, o.properties ?? {});
        edges.push(edge);
        if (o.counted && o.target !== node.id) out.counted.add(edge.id);
      }
    }
    out.edges = uniqueEdges(edges);
    return out;
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
