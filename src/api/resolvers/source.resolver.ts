import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CONNECTION_DEFAULT_FIRST } from '../../read/connection/connection.service';
import { connectionType } from '../types/connection.type';
import type { EntityRecord } from '../../read/entity/entity.model';
import { Entity, EntityKindEnum } from '../types/entity.type';
import type { AppContext } from '../context';
import { Source } from '../types/source.type';
import type { EntityKind } from '../../model/kinds';

export const ReportedEntityConnection = connectionType('ReportedEntity', Entity);

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => ReportedEntityConnection, { description: 'the entities and facts this source reported (REPORTED_IN), by id, Relay-paged' })
  entities(
    @Root() source: EntityRecord,
    @Arg('first', () => Int, { nullable: true, defaultValue: CONNECTION_DEFAULT_FIRST }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('kinds', () => [EntityKindEnum], { nullable: true, description: 'only these kinds' }) kinds: EntityKind[] | null,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.source.reported(source.id, { first, after, kinds }, (k) => ctx.loaders.reportedBySource.load(k));
  }
}
