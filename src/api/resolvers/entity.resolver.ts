import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { PrefetchPlan, SelectionPlan } from './selection-plan.decorator';
import type { AppContext } from '../context';
import type { EntityView } from '../../read/entity/entity.view';
import { Entity, EntityKindEnum, Node, SearchHit, SourceRef } from '../types/entity.type';
import type { EntityKind } from '../../model/kinds';
import { PAGE_SIZES } from '../../read/relay/page-size';

/** node(id:) and entity(id:) read through one statement (and one without branches is a plain lookup). */
const BY_ID = { statement: 'entity-trees', lookup: true };

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by its id' })
  node(@Arg('id', () => ID) id: string, @SelectionPlan(BY_ID) plan: PrefetchPlan, @Ctx() ctx: AppContext): Promise<EntityView | null> {
    // every Node is an entity: the same one-statement read as entity(id:)
    return ctx.loaders.entityTree(id, plan);
  }

  @Query(() => Entity, { nullable: true, description: 'An entity by its id, e.g. company:alibaba' })
  entity(@Arg('id', () => ID) id: string, @SelectionPlan(BY_ID) plan: PrefetchPlan, @Ctx() ctx: AppContext): Promise<EntityView | null> {
    // the relationship lists selected under it come back in the same round trip (aliased roots too)
    return ctx.loaders.entityTree(id, plan);
  }

  @Query(() => [SearchHit], { description: 'Full-text search over every name and alias, in any language (Korean, Chinese, English), best first' })
  search(
    @Arg('text') text: string,
    @Arg('kinds', () => [EntityKindEnum], { nullable: true }) kinds: EntityKind[] | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: PAGE_SIZES.search.default }) first: number | null,
    @SelectionPlan() plan: PrefetchPlan,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.entity.search(text, kinds, first, plan);
  }

  @FieldResolver(() => [SourceRef], { description: 'where facts about it were reported (provenance)' })
  sources(@Root() entity: EntityView, @Ctx() ctx: AppContext) {
    return ctx.loaders.sourcesByEntityId.load(entity.id);
  }
}
