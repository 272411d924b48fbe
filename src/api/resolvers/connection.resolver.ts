import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { PrefetchPlan, SelectionPlan } from './selection-plan.decorator';
import type { AppContext } from '../context';
import { kindClasses, type KindClasses } from '../types/kinds';
import { dateFieldOf, ENTITY_KINDS, KIND_LABEL, KINDS, type EntityKind } from '../../model/kinds';
import type { FilterInput } from '../../read/connection/connection.service';
import { PAGE_SIZES } from '../../read/relay/page-size';
import { connectionType, orderInput } from '../types/connection.type';
import { aggregateResolvers } from './aggregate.resolver';

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
      @Arg('first', () => Int, { nullable: true, defaultValue: PAGE_SIZES.connection.default, description: `page size (${PAGE_SIZES.connection.min}-${PAGE_SIZES.connection.max})` }) first: number | null,
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
  // `aggregate` on the connection type: figures over the same filter
  return [RootConnectionResolver, ...aggregateResolvers(typeName, root.kind, connection)];
}

export const rootConnectionResolvers = ROOTS.flatMap(rootConnectionResolver);
