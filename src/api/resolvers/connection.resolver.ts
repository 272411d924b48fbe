import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { PrefetchPlan, SelectionPlan } from './selection-plan.decorator';
import type { AppContext } from '../context';
import { EventConnection } from '../types/trace.type';
import { Event } from '../types/event.type';
import { kindClasses, type KindClasses } from '../types/kinds';
import { dateFieldOf, ENTITY_KINDS, KIND_LABEL, KINDS, type EntityKind } from '../../model/kinds';
import { CONNECTION_DEFAULT_FIRST, CONNECTION_MAX_FIRST, FilterInput } from '../../read/connection/connection.service';
import { connectionType, orderInput } from '../types/connection.type';
import type { EntityRecord } from '../../read/entity/entity.model';

interface RootConnection extends KindClasses {
  kind: EntityKind;
  /** the root field, e.g. `companies` */
  field: string;
}

const ROOTS: RootConnection[] = ENTITY_KINDS.map((kind) => ({ kind, field: KINDS[kind].connection, ...kindClasses(kind) }));

/**
 * One root query per kind, all served by ConnectionService.page: the classes are generated
 * because the thirteen queries differ only in their names and input/output types.
 */
function rootConnectionResolver(root: RootConnection) {
  const typeName = KIND_LABEL[root.kind];
  const connection = root.connection ?? connectionType(typeName, root.node);
  const order = orderInput(typeName, Boolean(dateFieldOf(root.kind)));

  @Resolver()
  class RootConnectionResolver {
    @Query(() => connection, { name: root.field, description: `${typeName} entities, filtered and sorted, Relay-paged with keyset cursors` })
    page(
      @Arg('first', () => Int, { nullable: true, defaultValue: CONNECTION_DEFAULT_FIRST, description: `page size (0-${CONNECTION_MAX_FIRST})` }) first: number,
      @Arg('after', () => String, { nullable: true, description: 'continue strictly after this cursor (an endCursor or edge cursor)' }) after: string | null,
      @Arg('filter', () => root.filter, { nullable: true }) filter: FilterInput | null,
      @Arg('orderBy', () => order, { nullable: true, description: 'default: NAME ascending; the id always breaks ties' }) orderBy: InstanceType<typeof order> | null,
      @SelectionPlan() plan: PrefetchPlan,
      @Ctx() ctx: AppContext,
    ) {
      // the relationship lists selected under the nodes come back in the page's statement
      return ctx.services.connection.page(root.kind, { first, after, filter, orderBy }, plan);
    }
  }
  Object.defineProperty(RootConnectionResolver, 'name', { value: `${typeName}ConnectionResolver` });
  return RootConnectionResolver;
}

export const rootConnectionResolvers = ROOTS.map(rootConnectionResolver);

/** `nodes` on the events connection shared with `timeline`, as every other connection has it. */
@Resolver(() => EventConnection)
export class EventConnectionNodesResolver {
  @FieldResolver(() => [Event], { description: 'the nodes of `edges`, for clients that need no cursors' })
  nodes(@Root() page: { edges: { node: EntityRecord }[] }): EntityRecord[] {
    return page.edges.map((e) => e.node);
  }
}
