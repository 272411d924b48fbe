import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../context';
import { aggregateEnums, GroupCount, MeasureStats } from '../types/aggregate.type';
import type { AggregateScope } from '../../read/connection/connection.service';
import type { EntityKind } from '../../model/kinds';

type GraphQLClass = abstract new (...args: never[]) => object;

/**
 * `<Kind>Connection.aggregate`: count, counts per group field and figures of numeric properties,
 * over every entity the connection's filter matches (all pages), each computed only when
 * selected. On EventConnection it is null for `timeline`, which has no connection filter.
 */
export function aggregateResolvers(typeName: string, kind: EntityKind, connection: GraphQLClass): GraphQLClass[] {
  const enums = aggregateEnums(typeName, kind);

  @ObjectType(`${typeName}Aggregate`, { description: `Figures over every ${typeName} the connection's filter matches` })
  class Aggregate {
    @Field(() => Int, { description: 'how many match the filter (from the count store when unfiltered)' })
    count!: number;
  }

  @Resolver(() => connection)
  class ConnectionAggregateResolver {
    @FieldResolver(() => Aggregate, { nullable: true, description: 'figures over every match of the filter; null on `timeline` pages' })
    aggregate(@Root() page: { aggregateScope?: AggregateScope }): AggregateScope | null {
      return page.aggregateScope?.kind === kind ? page.aggregateScope : null;
    }
  }

  @Resolver(() => Aggregate)
  class CountResolver {
    @FieldResolver(() => Int)
    count(@Root() scope: AggregateScope, @Ctx() ctx: AppContext) {
      return ctx.services.connection.count(scope);
    }
  }

  const out: GraphQLClass[] = [ConnectionAggregateResolver, CountResolver];
  if (enums.groupField) {
    const groupField = enums.groupField;
    @Resolver(() => Aggregate)
    class GroupByResolver {
      @FieldResolver(() => [GroupCount], { description: 'counts per value of a field, largest first (dates in calendar order); entities without a value under null, last' })
      groupBy(@Root() scope: AggregateScope, @Arg('field', () => groupField) field: string, @Ctx() ctx: AppContext) {
        return ctx.services.connection.groupCounts(scope, field);
      }
    }
    out.push(GroupByResolver);
  }
  if (enums.measure) {
    const measure = enums.measure;
    @Resolver(() => Aggregate)
    class StatsResolver {
      @FieldResolver(() => [MeasureStats], { description: 'count, sum, min, max and avg of a numeric property, one entry per group of its unit properties' })
      stats(@Root() scope: AggregateScope, @Arg('field', () => measure) field: string, @Ctx() ctx: AppContext) {
        return ctx.services.connection.measureStats(scope, field);
      }
    }
    out.push(StatsResolver);
  }
  for (const cls of out) Object.defineProperty(cls, 'name', { value: `${typeName}${cls.name}` });
  return out;
}
