import type { Record as Neo4jRecord } from 'neo4j-driver';
import { cypher } from '../db/cypher-registry';
import type { Database, Params } from '../db/database';
import { int, toPlain, toPlainObject } from '../db/values';
import type { PartialEntityRecord } from '../read/entity/entity.view';
import { decodeTree } from '../read/planner/prefetch.decode';
import type { PrefetchPlan } from '../read/planner/prefetch.plan';
import type { GraphEdgeData, JsonValue } from '../graph/subgraph';
import { expandNearQuery, expandQuery, neighborhoodQuery, nodesQuery, type TraversalSpec } from './trace.cypher';
import type { Near, NearNode } from './expansion-cache';
import { timelineCountQuery, timelineWithPrefetch } from './timeline.cypher';
import type { ExpansionRow } from './path-search';
import { type NodeSet, type Participation, toGraphEdge, toNodeBase, uniqueEdges, type Window } from './trace.model';
import { type EntityKind } from '../model/kinds';

/** A neighbourhood's nodes in breadth-first order, what "+N more" needs, and whether the limit cut it. */
export interface Neighborhood {
  ids: string[];
  set: NodeSet;
  truncated: boolean;
}

/** The work bounds of a traversal statement: relationships read per node ($scan) and in all ($budget). */
export interface TraversalWork {
  scan: number;
  budget: number;
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

const recordNode = (r: Neo4jRecord): RawNode => ({
  node: toPlainObject(r.get('node')),
  degree: Number(toPlain(r.get('degree'))),
  out: toPlain(r.get('out')) as unknown as RawNode['out'],
});

const windowParams = (w: Window): Params => ({ since: w.since, until: w.until });

/** One row per (neighbour, type, direction), as expandQuery groups a node's relationships. */
function groupRelationships(from: string, rels: { to: string; type: string; out: boolean; passable: boolean }[]): ExpansionRow[] {
  const rows = new Map<string, ExpansionRow>();
  for (const x of rels) rows.set(`${x.to}\u0000${x.type}\u0000${x.out}`, { from, to: x.to, type: x.type, out: x.out === true, passable: x.passable === true });
  return [...rows.values()];
}

/** Graph traversals for paths, connect, neighborhood and the timeline; plain data out. */
export class TraceRepository {
  constructor(private readonly db: Database) {}

  /** The kinds of those ids that exist. */
  async kinds(ids: readonly string[]): Promise<Map<string, EntityKind>> {
    const records = await this.db.read(cypher('entity/kinds-by-ids'), { ids });
    return new Map(records.map((r) => [r.get('id') as string, r.get('kind') as EntityKind]));
  }

  /** One level of a bounded path search: at most `limit` relationships of the frontier (see expandQuery). */
  async expand(spec: TraversalSpec, frontier: readonly string[], limit: number, window: Window): Promise<{ rows: ExpansionRow[]; read: number }> {
    const records = await this.db.read(expandQuery(spec), { frontier, limit: int(limit), ...windowParams(window) });
    const rows = records.map((r) => ({
      from: r.get('from') as string,
      to: r.get('to') as string,
      type: r.get('type') as string,
      out: r.get('out') === true,
      passable: r.get('passable') === true,
    }));
    return { rows, read: records.reduce((n, r) => n + Number(toPlain(r.get('relationships'))), 0) };
  }

  /**
   * The first three levels of a path search around `ends` (see expandNearQuery): the nodes read, each
   * with all its relationships; an end that does not exist has none.
   */
  async expandNear(spec: TraversalSpec, ends: readonly string[], window: Window, bounds: { scan: number; spread: number }): Promise<Near> {
    const records = await this.db.read(expandNearQuery(spec), { ends, scan: int(bounds.scan), spread: int(bounds.spread), ...windowParams(window) });
    const near = new Map<string, NearNode>(ends.map((id) => [id, { rows: [], read: 0 }]));
    for (const r of records) {
      const id = r.get('id') as string;
      const rows = toPlain(r.get('rows')) as { to: string; type: string; out: boolean; passable: boolean }[] | null;
      if (!rows) near.delete(id);
      else near.set(id, { rows: groupRelationships(id, rows), read: rows.length });
    }
    return near;
  }

  /** The neighbourhood of `id` (see neighborhoodQuery), or null when there is no such entity; `work` bounds it on hubs. */
  async neighborhood(spec: TraversalSpec, id: string, depth: number, limit: number, window: Window, work: TraversalWork): Promise<Neighborhood | null> {
    const records = await this.db.read(neighborhoodQuery(spec, depth), { id, limit: int(limit), scan: int(work.scan), budget: int(work.budget), ...windowParams(window) });
    if (!records.length) return null;
    return { ...toNodeSet(records.map(recordNode)), truncated: records[0].get('truncated') === true };
  }

  /** The nodes among `ids` that exist, their traversable degree, and every relationship among them. */
  async nodes(spec: TraversalSpec, ids: readonly string[], window: Window, work: Pick<TraversalWork, 'scan'>): Promise<NodeSet> {
    if (!ids.length) return toNodeSet([]).set;
    const records = await this.db.read(nodesQuery(spec), { ids, scan: int(work.scan), ...windowParams(window) });
    return toNodeSet(records.map(recordNode)).set;
  }

  async factParticipants(factIds: readonly string[]): Promise<Participation[]> {
    if (!factIds.length) return [];
    const records = await this.db.read(cypher('trace/fact-participants'), { factIds });
    return records.map((r) => toPlainObject(r.toObject()) as unknown as Participation);
  }

  /** A page of the timeline, each event with what `plan` says its selection reads (one statement). */
  async timelinePage(q: TimelineQuery, plan: PrefetchPlan): Promise<{ event: PartialEntityRecord; sortDate: string | null }[]> {
    const shape = { entity: q.entityId !== null, from: q.from !== null, to: q.to !== null, cursor: q.after !== null };
    const { query, params } = timelineWithPrefetch(shape, plan);
    const records = await this.db.read(query, {
      ...params,
      entityId: q.entityId,
      from: q.from,
      to: q.to,
      afterDate: q.after?.date ?? null,
      afterId: q.after?.id ?? null,
      limit: int(q.limit),
    });
    return records.map((r) => ({
      event: decodeTree(r.get('n'), plan, r.get('pf') as unknown[][]),
      sortDate: (r.get('sortDate') as string | null) ?? null,
    }));
  }

  async timelineCount(q: Pick<TimelineQuery, 'entityId' | 'from' | 'to'>): Promise<number> {
    const shape = { entity: q.entityId !== null, from: q.from !== null, to: q.to !== null };
    const records = await this.db.read(timelineCountQuery(shape), { entityId: q.entityId, from: q.from, to: q.to });
    return Number(toPlain(records[0]?.get('total') ?? 0));
  }
}
