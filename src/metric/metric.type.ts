import { Field, Float, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { Entity } from '../entity/entity.type';

@ObjectType({ implements: Entity, description: 'A metric observation: a value of some measure, for a subject, over a period' })
export class Metric extends Entity {
  @Field(() => String, { nullable: true, description: 'MARKET_SHARE, MARKET_SIZE, GROWTH_RATE, ..., MARKET_CAP, PER, ...' })
  metricKind?: string | null;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => String, { nullable: true })
  period?: string | null;

  @Field(() => DateScalar, { nullable: true })
  periodStart?: string | null;

  @Field(() => DateScalar, { nullable: true })
  periodEnd?: string | null;
}
