import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PAGE_SIZES } from '../../read/relay/page-size';
import type { EntityView } from '../../read/entity/entity.view';
import { EntityKindEnum } from '../types/entity.type';
import type { AppContext } from '../context';
import { ReportedEntityConnection, Source } from '../types/source.type';
import { SelectsField } from './selects-field.decorator';
import type { EntityKind } from '../../model/kinds';

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => ReportedEntityConnection, { description: 'the entities and facts this source reported (REPORTED_IN), by id, Relay-paged' })
  entities(
    @Root() source: EntityView,
    @Arg('first', () => Int, { nullable: true, defaultValue: PAGE_SIZES.connection.default }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('kinds', () => [EntityKindEnum], { nullable: true, description: 'only these kinds' }) kinds: EntityKind[] | null,
    @SelectsField('totalCount') withTotal: boolean,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.source.reported(source, { first, after, kinds, withTotal }, (k) => ctx.loaders.reportedBySource.load(k));
  }
}
