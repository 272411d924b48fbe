import { BadUserInputError, NotFoundError } from '../common/errors';
import type { EntityView } from '../read/entity/entity.view';
import type { PrefetchPlan } from '../read/planner/prefetch.plan';
import { compareIds } from '../graph/export/common';
import { exportFile, exportSubgraph, type GraphFile, type GraphFileFormat, type GraphFormat } from '../graph/export';
import type { GraphEdgeData, GraphNodeData, SubgraphData } from '../graph/subgraph';
import { registerForMetrics, withMetrics } from '../graph/metrics';
import { applyDerived, deriveEdges } from './derived';
import { COLLAPSIBLE_FACT_KINDS, type EntityKind } from '../model/kinds';
import { neighborhoodSpec, pathSpec, relTypesArg, TRACE_LIMITS, windowArg } from './trace.args';
import { intArg } from '../common/int-arg';
import { decodeCursor } from '../read/relay/cursor';
import { buildPage, rowsFor, type Page } from '../read/relay/page';
import { checkFirst, PAGE_SIZES } from '../read/relay/page-size';
import { hiddenCounts, orderPaths } from './path-order';
import { BoundedSearch, DEFAULT_SEARCH_BOUNDS, type Expand, type SearchBounds } from './bounded-search';
import { withNear, type Near } from './expansion-cache';
import { type TraversalSpec } from './trace.cypher';
import { type NodeSet, type PathData, type RawPath, uniqueEdges, type Window, withHidden } from './trace.model';
import type { FoundPath } from './path-search';
import type { TraceRepository, TraversalWork } from './trace.repository';
import { type RelationshipTypeName } from '../model/relationships';

type Maybe<T> = T | null | undefined;

/** A found path with its edges' properties still to be read (from the node data). */
const toRawPath = (p: FoundPath): RawPath => ({ length: p.ids.length - 1, ids: p.ids, edges: p.edges.map((e) => ({ ...e, properties: {} })) });

export interface PathsArgs {
  from: string;
  to: string;
  maxHops?: Maybe<number>;
  relationshipTypes?: Maybe<string[]>;
  via?: Maybe<EntityKind[]>;
  first?: Maybe<number>;
  since?: Maybe<string>;
  until?: Maybe<string>;
}

export interface ConnectArgs {
  ids: string[];
  maxHops?: Maybe<number>;
  via?: Maybe<EntityKind[]>;
  relationshipTypes?: Maybe<string[]>;
  since?: Maybe<string>;
  until?: Maybe<string>;
  includeDerived?: Maybe<boolean>;
}

export interface NeighborhoodArgs {
  id: string;
  depth?: Maybe<number>;
  kinds?: Maybe<EntityKind[]>;
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

/** Given edges take their properties from the node data (one of the parallel ones, as stored). */
function withStoredProperties(edges: GraphEdgeData[], set: NodeSet): GraphEdgeData[] {
  const stored = new Map(set.edges.map((e) => [e.id, e]));
  return edges.map((e) => stored.get(e.id) ?? e);
}

/** paths, connect, neighborhood, timeline and exports: the rules, caps and result assembly. */
export class TraceService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly bounds: SearchBounds = DEFAULT_SEARCH_BOUNDS,
  ) {}

  async paths(args: PathsArgs): Promise<PathData[]> {
    const hops = intArg(args.maxHops, TRACE_LIMITS.maxHops, 'maxHops');
    const first = checkFirst(args.first, TRACE_LIMITS.pathsFirst);
    const window = windowArg(args.since, args.until);
    const spec = pathSpec(args.via, relTypesArg(args.relationshipTypes), window);
    if (args.from === args.to) throw new BadUserInputError('from and to must be different entities', 'to');

    // the first three levels around both ends in one statement; the search reads further levels itself
    const near = await this.repo.expandNear(spec, [args.from, args.to], window, { scan: this.bounds.nearScan, spread: this.bounds.nearSpread });
    const search = this.search(spec, window, `paths from "${args.from}" to "${args.to}" within ${hops} hops`, near);
    const found = orderPaths((await search.paths(args.from, args.to, hops, first)).map(toRawPath)).slice(0, first);
    // no path may mean an unknown endpoint
    if (!found.length) await this.requireIds([[args.from, 'from'], [args.to, 'to']]);
    const set = await this.repo.nodes(spec, [...new Set(found.flatMap((p) => p.ids))], window, this.work);
    const edgeById = new Map(set.edges.map((e) => [e.id, e]));
    const chosen = found.map((p) => ({ ...p, edges: p.edges.map((e) => edgeById.get(e.id) ?? e) }));

    return chosen.map((p) => {
      const hidden = hiddenCounts(set, new Set(p.ids));
      const nodes = p.ids.flatMap((id) => {
        const info = set.info.get(id);
        return info ? [withHidden(info.node, hidden.get(id) ?? 0)] : [];
      });
      // each path is its own result for GraphNode.metrics
      return registerForMetrics({ length: p.length, nodes, edges: p.edges });
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

    const tree = new Set<string>([ids[0]]);
    const edges: GraphEdgeData[] = [];
    let remaining = ids.slice(1);
    // one budget for the whole request, however many terminals it joins
    const search = this.search(spec, window, `connect of ${ids.length} entities within ${hops} hops`);
    while (remaining.length) {
      const step = await search.nearest([...tree], remaining, hops);
      if (!step) break;
      for (const id of step.path.ids) tree.add(id);
      edges.push(...toRawPath(step.path).edges);
      remaining = remaining.filter((id) => !tree.has(id));
    }
    // only a terminal left unjoined can be one that does not exist
    if (remaining.length) await this.requireIds([ids[0], ...remaining].map((id) => [id, `ids.${args.ids.indexOf(id)}`]));
    return this.assemble(spec, window, [...tree, ...remaining], uniqueEdges(edges), remaining.length > 0, args.includeDerived ?? false, false);
  }

  /**
   * Breadth first from the entity until depth or limit, in one statement (see neighborhoodQuery):
   * each node's neighbours in id order, of a hub only the first `limit` Neo4j finds.
   */
  async neighborhood(args: NeighborhoodArgs): Promise<SubgraphData> {
    const depth = intArg(args.depth, TRACE_LIMITS.depth, 'depth');
    const limit = intArg(args.limit, TRACE_LIMITS.nodeLimit, 'limit');
    const window = windowArg(args.since, args.until);
    const spec = neighborhoodSpec(args.kinds, relTypesArg(args.relationshipTypes), window);

    const found = await this.repo.neighborhood(spec, args.id, depth, limit, window, this.work);
    if (!found) throw new NotFoundError(`No entity with id "${args.id}"`, { field: 'id' });
    return this.assemble(spec, window, found.ids, null, found.truncated, args.includeDerived ?? false, true, limit, found.set);
  }

  /**
   * Relay-paged like every connection; `totalCount` is counted only when selected. `plan`: what the
   * selection reads under the page's events, fetched in the page's statement.
   */
  async timeline(args: TimelineArgs, plan: PrefetchPlan): Promise<Page<EntityView>> {
    const first = checkFirst(args.first, PAGE_SIZES.timeline);
    const window = windowArg(args.from, args.to, ['from', 'to']);
    const after = decodeCursor(args.after, 'TIMELINE');
    const entityId = args.entityId ?? null;
    const q = { entityId, from: window.since, to: window.until };
    const rows = await this.repo.timelinePage({ ...q, after: after ? { date: after.keys[0], id: after.id } : null, limit: rowsFor(first) }, plan);
    // an empty page may mean an unknown entity (one with events always has a row before the end)
    if (entityId !== null && !rows.length) await this.requireIds([[entityId, 'entityId']]);
    return buildPage({
      rows,
      first,
      after,
      cursorOf: (r) => ({ ordering: 'TIMELINE', keys: [r.sortDate], id: r.event.id }),
      nodeOf: (r) => r.event,
      count: () => this.repo.timelineCount(q),
    });
  }

  export(subgraph: SubgraphData, format: GraphFormat): unknown {
    return exportSubgraph(withMetrics(subgraph), format);
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
    const file = exportFile(withMetrics(sub), format as GraphFileFormat);
    // a safe file name: ids are `<kind>:<slug>`, and a colon is not allowed in Windows file names
    return { ...file, filename: `${params.focus.replace(/[^A-Za-z0-9._-]+/g, '_')}-depth${depth}.${file.extension}` };
  }

  /** What one traversal statement may read: TRACE_EXPANSION_BUDGET in all, nodeScan of any node. */
  private get work(): TraversalWork {
    return { scan: this.bounds.nodeScan, budget: this.bounds.expansionBudget };
  }

  private search(spec: TraversalSpec, window: Window, describe: string, near?: Near): BoundedSearch {
    const expand: Expand = (...a) => this.repo.expand(...a);
    return new BoundedSearch(near ? withNear(near, expand) : expand, spec, window, this.bounds, describe);
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
    fetched?: NodeSet,
  ): Promise<SubgraphData> {
    let participations = includeDerived ? await this.repo.factParticipants(ids) : [];
    participations = participations.filter(
      (p) => COLLAPSIBLE_FACT_KINDS.includes(p.factKind) && spec.kinds.includes(p.entityKind) && spec.relTypes.includes(p.type as RelationshipTypeName),
    );
    if (addParticipants) {
      const present = new Set(ids);
      const missing = [...new Set(participations.map((p) => p.entityId))].filter((id) => !present.has(id)).sort(compareIds);
      const room = Math.max(0, limit - ids.length);
      if (missing.length > room) truncated = true;
      if (missing.length && room) fetched = undefined;
      ids = [...ids, ...missing.slice(0, room)];
    }
    const result = new Set(ids);
    // node data fetched with the traversal serves unless participants joined
    const set = fetched ?? (await this.repo.nodes(spec, ids, window, this.work));
    const hidden = hiddenCounts(set, result);
    const nodes: GraphNodeData[] = ids.flatMap((id) => {
      const info = set.info.get(id);
      return info ? [withHidden(info.node, hidden.get(id) ?? 0)] : [];
    });
    const sub: SubgraphData = { nodes, edges: edges ? withStoredProperties(edges, set) : set.edges, truncated };
    return registerForMetrics(includeDerived ? applyDerived(sub, deriveEdges(participations, result)) : sub);
  }
}
