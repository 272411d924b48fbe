import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, JSONScalar } from '../scalars';
import { EntityKindEnum } from '../types/entity.type';
import type { GraphNodeData, SubgraphData } from '../../graph/subgraph';
import { metricsOf } from '../../graph/metrics';
import type { AppContext } from '../context';
import { PrefetchPlan, SelectionPlan } from './selection-plan.decorator';
import { EventConnection, GraphFormat, GraphNode, NodeMetrics, Path, Subgraph } from '../types/trace.type';
import { PAGE_SIZES } from '../../read/relay/page-size';
import type { EntityKind } from '../../model/kinds';

/**
 * Path tracing over the graph. Thin: arguments in, one service call, result out. Validation,
 * caps and the path rules live in TraceService.
 */
@Resolver()
export class TraceResolver {
  @Query(() => [Path], {
    description:
      'How are two entities connected? Shortest paths first, then longer ones up to maxHops (1-6), de-duplicated by node sequence, ' +
      'ordered by length then node ids. Crosses companies, governments, organizations, people, products and facts; ' +
      'places, sectors, metrics and sources only when `via` names them.',
  })
  paths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 4 }) maxHops: number | null,
    @Arg('relationshipTypes', () => [String], { nullable: true, description: 'only these relationship types (e.g. PARTY_TO)' }) relationshipTypes: string[] | null,
    @Arg('via', () => [EntityKindEnum], { nullable: true, description: 'also cross these kinds (PLACE, SECTOR, METRIC, SOURCE)' }) via: EntityKind[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 3, description: 'how many paths (1-20)' }) first: number | null,
    @Arg('since', () => DateScalar, { nullable: true, description: 'only facts whose dates reach this day or later' }) since: string | null,
    @Arg('until', () => DateScalar, { nullable: true, description: 'only facts whose dates start this day or earlier' }) until: string | null,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.trace.paths({ from, to, maxHops, relationshipTypes, via, first, since, until });
  }

  @Query(() => Subgraph, {
    description:
      'The smallest subgraph found that links all the given entities (2-10), e.g. Apple, Alibaba and Baidu: shortest paths grown ' +
      'from the first entity into a tree (a Steiner-tree approximation). Same path rules as `paths`.',
  })
  connect(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 4 }) maxHops: number | null,
    @Arg('via', () => [EntityKindEnum], { nullable: true }) via: EntityKind[] | null,
    @Arg('relationshipTypes', () => [String], { nullable: true }) relationshipTypes: string[] | null,
    @Arg('since', () => DateScalar, { nullable: true }) since: string | null,
    @Arg('until', () => DateScalar, { nullable: true }) until: string | null,
    @Arg('includeDerived', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'collapse partnerships, investments and policies into direct edges (PARTNERS_WITH, INVESTED_IN, ISSUED_POLICY)',
    })
    includeDerived: boolean | null,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.trace.connect({ ids, maxHops, via, relationshipTypes, since, until, includeDerived });
  }

  @Query(() => Subgraph, {
    description:
      'What surrounds an entity: everything within `depth` hops (1-3) over every relationship but provenance, breadth first, ' +
      'at most `limit` nodes (1-2000); `truncated` and each node\'s `hiddenNeighbors` say what the limits left out. ' +
      'Within a level, nodes join in the order of the node they are reached from, then by id; of each node only the first 2000 ' +
      'relationships the database finds are read, and of those the first `limit` new neighbours considered (not the smallest ids), ' +
      'and the whole walk reads at most 50,000 relationships (the server\'s TRACE_EXPANSION_BUDGET): a hub costs no more than these ' +
      'bounds, and a result they cut is `truncated`.',
  })
  neighborhood(
    @Arg('id', () => ID) id: string,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 1 }) depth: number | null,
    @Arg('kinds', () => [EntityKindEnum], { nullable: true, description: 'only neighbours of these kinds (SOURCE adds provenance)' }) kinds: EntityKind[] | null,
    @Arg('relationshipTypes', () => [String], { nullable: true }) relationshipTypes: string[] | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 300 }) limit: number | null,
    @Arg('since', () => DateScalar, { nullable: true }) since: string | null,
    @Arg('until', () => DateScalar, { nullable: true }) until: string | null,
    @Arg('includeDerived', () => Boolean, { nullable: true, defaultValue: false }) includeDerived: boolean | null,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.trace.neighborhood({ id, depth, kinds, relationshipTypes, limit, since, until, includeDerived });
  }

  @Query(() => EventConnection, {
    description:
      'Events that involve an entity (or all events), newest first. An event involves an entity when the entity is INVOLVED_IN it, ' +
      'the event is ABOUT, RELATED_TO or OCCURRED_IN it, or the event is RELATED_TO a fact (partnership, investment, policy, event) ' +
      'the entity takes part in. `from`/`to` keep events dated within the window. Undated events come last.',
  })
  timeline(
    @Arg('entityId', () => ID, { nullable: true }) entityId: string | null,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: PAGE_SIZES.timeline.default }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @SelectionPlan() plan: PrefetchPlan,
    @Ctx() ctx: AppContext,
  ) {
    // the events' selected properties and the relationship lists under them come back in the page's statement
    return ctx.services.trace.timeline({ entityId, from, to, first, after }, plan);
  }
}

@Resolver(() => GraphNode)
export class GraphNodeResolver {
  @FieldResolver(() => NodeMetrics, {
    description: 'centrality and community within the subgraph (or path) this node belongs to; computed for the whole result the first time a node asks',
  })
  metrics(@Root() node: GraphNodeData): NodeMetrics {
    return metricsOf(node);
  }
}

@Resolver(() => Subgraph)
export class SubgraphResolver {
  @FieldResolver(() => JSONScalar, {
    description:
      'exactly what the named library loads, no glue code; every node carries its metrics (degree, pageRank, betweenness, community) where that library reads node data',
  })
  export(@Root() subgraph: SubgraphData, @Arg('format', () => GraphFormat) format: GraphFormat, @Ctx() ctx: AppContext) {
    return ctx.services.trace.export(subgraph, format);
  }
}
