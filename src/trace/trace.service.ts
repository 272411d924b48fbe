import { BadUserInputError, NotFoundError } from '../common/errors';
import type { EntityRecord } from '../entity/entity.model';
import { exportFile, exportSubgraph, type GraphFile, type GraphFileFormat, type GraphFormat } from '../graph/export';
import type { RelationshipTypeName } from '../graph/labels';
import type { EntityKindName, GraphEdgeData, GraphNodeData, SubgraphData } from '../graph/subgraph';
import { applyDerived, COLLAPSIBLE_FACT_KINDS, deriveEdges } from './derived';
import { decodeCursor, encodeCursor, intArg, neighborhoodSpec, pathSpec, relTypesArg, TRACE_LIMITS, windowArg } from './trace.args';
import type { TraversalSpec } from './trace.cypher';
import { type NodeInfo, type PathData, type RawPath, uniqueEdges, type Window, withHidden } from './trace.model';
import type { TraceRepository } from './trace.repository';

type Maybe<T> = T | null | undefined;

export interface PathsArgs {
  from: string;
  to: string;
  maxHops?: Maybe<number>;
  relationshipTypes?: Maybe<string[]>;
  via?: Maybe<EntityKindName[]>;
  first?: Maybe<number>;
  since?: Maybe<string>;
  until?: Maybe<string>;
}

export interface ConnectArgs {
  ids: string[];
  maxHops?: Maybe<number>;
  via?: Maybe<EntityKindName[]>;
  relationshipTypes?: Maybe<string[]>;
  since?: Maybe<string>;
  until?: Maybe<string>;
  includeDerived?: Maybe<boolean>;
}

export interface NeighborhoodArgs {
  id: string;
  depth?: Maybe<number>;
  kinds?: Maybe<EntityKindName[]>;
  relationshipTypes?: Maybe<string[]>;
  limit?: Maybe<number>;
  since?: Maybe<string>;
  until?: Maybe<string>;
  includeDerived?: Maybe<boolean>;
}

export interface TimelineArgs {
  entityId?: Maybe<string>;
  from?: Maybe<string>;
  to?: Maybe<string>;
  first?: Maybe<number>;
  after?: Maybe<string>;
}

export interface EventConnectionData {
  edges: { cursor: string; node: EntityRecord }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Neighbours over the traversable relationships that are not in `result`. */
function hidden(info: NodeInfo | undefined, result: ReadonlySet<string>): number {
  return info ? info.degree - info.within.filter((id) => result.has(id)).length : 0;
}

/** paths, connect, neighborhood, timeline and exports: the rules, caps and result assembly. */
export class TraceService {
  constructor(private readonly repo: TraceRepository) {}

  async paths(args: PathsArgs): Promise<PathData[]> {
    const hops = intArg(args.maxHops, TRACE_LIMITS.maxHops, 'maxHops');
    const first = intArg(args.first, TRACE_LIMITS.pathsFirst, 'first');
    const window = windowArg(args.since, args.until);
    const spec = pathSpec(args.via, relTypesArg(args.relationshipTypes), window);
    if (args.from === args.to) throw new BadUserInputError('from and to must be different entities', 'to');
    await this.requireIds([[args.from, 'from'], [args.to, 'to']]);

    // Widen one length group at a time: most answers need only the shortest group, and each
    // group is complete (every path of that length), which keeps the order deterministic.
    let raw: RawPath[] = [];
    for (let groups = 1; groups <= first; groups++) {
      raw = await this.repo.paths(spec, hops, groups, args.from, args.to, first, window);
      if (raw.length >= first || new Set(raw.map((p) => p.length)).size < groups) break;
    }
    const info = await this.repo.nodes(spec, [...new Set(raw.flatMap((p) => p.nodes.map((n) => n.id)))], window);
    return raw.map((p) => {
      const inPath = new Set(p.nodes.map((n) => n.id));
      return { length: p.length, nodes: p.nodes.map((n) => withHidden(n, hidden(info.get(n.id), inPath))), edges: p.edges };
    });
  }

  /**
   * A Steiner-tree approximation: start from the first entity and repeatedly join the terminal
   * nearest to the tree by its shortest path. Terminals that no path within maxHops reaches are
   * still returned, unconnected, and mark the result truncated.
   */
  async connect(args: ConnectArgs): Promise<SubgraphData> {
    const ids = [...new Set(args.ids)];
    const { min, max } = TRACE_LIMITS.connectIds;
    if (ids.length < min || ids.length > max) throw new BadUserInputError(`connect takes ${min} to ${max} different entity ids, got ${ids.length}`, 'ids');
    const hops = intArg(args.maxHops, TRACE_LIMITS.maxHops, 'maxHops');
    const window = windowArg(args.since, args.until);
    const spec = pathSpec(args.via, relTypesArg(args.relationshipTypes), window);
    await this.requireIds(ids.map((id) => [id, `ids.${args.ids.indexOf(id)}`]));

    const tree = new Set<string>([ids[0]]);
    const edges: GraphEdgeData[] = [];
    let remaining = ids.slice(1);
    while (remaining.length) {
      const step = await this.repo.connectStep(spec, hops, [...tree], remaining, window);
      if (!step) break;
      for (const n of step.path.nodes) tree.add(n.id);
      edges.push(...step.path.edges);
      remaining = remaining.filter((id) => !tree.has(id));
    }
    const all = [...tree, ...remaining];
    return this.assemble(spec, window, all, uniqueEdges(edges), remaining.length > 0, args.includeDerived ?? false, false);
  }

  /** Breadth first from the entity, each level's neighbours sorted by id, until depth or limit. */
  async neighborhood(args: NeighborhoodArgs): Promise<SubgraphData> {
    const depth = intArg(args.depth, TRACE_LIMITS.depth, 'depth');
    const limit = intArg(args.limit, TRACE_LIMITS.nodeLimit, 'limit');
    const window = windowArg(args.since, args.until);
    const spec = neighborhoodSpec(args.kinds, relTypesArg(args.relationshipTypes), window);
    await this.requireIds([[args.id, 'id']]);

    const included = [args.id];
    const seen = new Set(included);
    let frontier = [args.id];
    let truncated = false;
    for (let level = 1; level <= depth && frontier.length && !truncated; level++) {
      // one more than fits, so a cut shows as truncation; the Cypher LIMITs each node's expansion
      const found = await this.repo.expand(spec, frontier, included, limit - included.length + 1, window);
      const next: string[] = [];
      for (const f of frontier) {
        for (const m of found.get(f) ?? []) {
          if (seen.has(m)) continue;
          if (included.length >= limit) {
            truncated = true;
            break;
          }
          seen.add(m);
          included.push(m);
          next.push(m);
        }
      }
      frontier = next;
    }
    return this.assemble(spec, window, included, null, truncated, args.includeDerived ?? false, true, limit);
  }

  async timeline(args: TimelineArgs): Promise<EventConnectionData> {
    const first = intArg(args.first, TRACE_LIMITS.timelineFirst, 'first');
    const window = windowArg(args.from, args.to, ['from', 'to']);
    const after = decodeCursor(args.after);
    const entityId = args.entityId ?? null;
    if (entityId) await this.requireIds([[entityId, 'entityId']]);
    const q = { entityId, from: window.since, to: window.until };
    const [rows, totalCount] = await Promise.all([this.repo.timelinePage({ ...q, after, limit: first + 1 }), this.repo.timelineCount(q)]);
    const edges = rows.slice(0, first).map((r) => ({ cursor: encodeCursor(r.sortDate, r.event.id), node: r.event }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      totalCount,
    };
  }

  export(subgraph: SubgraphData, format: GraphFormat): unknown {
    return exportSubgraph(subgraph, format);
  }

  /** GET /export: a neighbourhood as a GraphML or GEXF file. */
  async exportFile(params: { format?: string; focus?: string; depth?: string; limit?: string }): Promise<GraphFile & { filename: string }> {
    const format = params.format?.toLowerCase();
    if (format !== 'graphml' && format !== 'gexf') throw new BadUserInputError('format must be graphml or gexf', 'format');
    if (!params.focus) throw new BadUserInputError('focus (an entity id) is required', 'focus');
    const number = (value: string | undefined, field: string) => {
      if (value === undefined || value === '') return undefined;
      if (!/^\d+$/.test(value)) throw new BadUserInputError(`${field} must be a whole number`, field);
      return Number(value);
    };
    const depth = number(params.depth, 'depth') ?? TRACE_LIMITS.depth.default;
    const sub = await this.neighborhood({ id: params.focus, depth, limit: number(params.limit, 'limit') }).catch((err: unknown) => {
      // the neighbourhood's argument is `id`; here the parameter is called focus
      throw err instanceof NotFoundError ? new NotFoundError(err.message, { field: 'focus' }) : err;
    });
    const file = exportFile(sub, format as GraphFileFormat);
    // a safe file name: ids are `<kind>:<slug>`, and a colon is not allowed in Windows file names
    return { ...file, filename: `${params.focus.replace(/[^A-Za-z0-9._-]+/g, '_')}-depth${depth}.${file.extension}` };
  }

  private async requireIds(pairs: [string, string][]): Promise<void> {
    const found = await this.repo.kinds(pairs.map(([id]) => id));
    for (const [id, field] of pairs) if (!found.has(id)) throw new NotFoundError(`No entity with id "${id}"`, { field });
  }

  /**
   * Node data and "+N more" counts for a result, its edges (the given ones, or every allowed edge
   * among the nodes), and the derived view when asked. With `addParticipants`, facts' missing
   * participants join the view (up to `limit`) so their derived edges have both ends.
   */
  private async assemble(
    spec: TraversalSpec,
    window: Window,
    ids: string[],
    edges: GraphEdgeData[] | null,
    truncated: boolean,
    includeDerived: boolean,
    addParticipants: boolean,
    limit = Infinity,
  ): Promise<SubgraphData> {
    let participations = includeDerived ? await this.repo.factParticipants(ids) : [];
    participations = participations.filter(
      (p) => COLLAPSIBLE_FACT_KINDS.includes(p.factKind) && spec.kinds.includes(p.entityKind) && spec.relTypes.includes(p.type as RelationshipTypeName),
    );
    if (addParticipants) {
      const present = new Set(ids);
      const missing = [...new Set(participations.map((p) => p.entityId))].filter((id) => !present.has(id)).sort();
      const room = Math.max(0, limit - ids.length);
      if (missing.length > room) truncated = true;
      ids = [...ids, ...missing.slice(0, room)];
    }
    const result = new Set(ids);
    const [info, allEdges] = await Promise.all([this.repo.nodes(spec, ids, window), edges ? Promise.resolve(edges) : this.repo.edgesAmong(ids, spec.relTypes)]);
    const nodes: GraphNodeData[] = ids.flatMap((id) => {
      const i = info.get(id);
      return i ? [withHidden(i.node, hidden(i, result))] : [];
    });
    const sub: SubgraphData = { nodes, edges: uniqueEdges(allEdges), truncated };
    return includeDerived ? applyDerived(sub, deriveEdges(participations, result)) : sub;
  }
}
