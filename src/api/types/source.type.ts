import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { connectionType } from './connection.type';
import { Entity } from './entity.type';

@ObjectType({ implements: Entity, description: 'Where facts were reported: a newsletter issue, an article' })
export class Source extends Entity {
  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => DateScalar, { nullable: true })
  issued?: string | null;

  @Field(() => String, { nullable: true })
  lang?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'DAY, WEEK, MONTH or YEAR: how precise issued is' })
  datePrecision?: string | null;

  @Field(() => [String], { nullable: true, description: 'metric kinds a section tracks without giving figures (e.g. the valuation table: MARKET_CAP, PER, ...)' })
  trackedMetricKinds?: string[] | null;

  @Field(() => [String], { nullable: true })
  sectionIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  sectionTitles?: string[] | null;
}

/** The page type of `Source.entities`: any kind of entity, by id. */
export const ReportedEntityConnection = connectionType('ReportedEntity', Entity);
