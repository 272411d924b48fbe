import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { Entity } from './entity.type';

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

  @Field(() => String, { nullable: true, description: 'what was measured, e.g. "agent performance"' })
  measure?: string | null;

  @Field(() => String, { nullable: true, description: 'EXACT, APPROXIMATE, AT_LEAST, MORE_THAN, AT_MOST or LESS_THAN' })
  valueQualifier?: string | null;

  @Field(() => String, { nullable: true, description: 'ACTUAL, FORECAST, ESTIMATE or TEST_RESULT' })
  observationType?: string | null;

  @Field(() => Int, { nullable: true, description: 'rank in its market, e.g. 1 for the leader' })
  rank?: number | null;

  @Field(() => Float, { nullable: true, description: 'how many times the earlier figure this is' })
  changeMultiple?: number | null;

  @Field(() => String, { nullable: true, description: 'DAY, WEEK, MONTH or YEAR: how precise the period dates are' })
  datePrecision?: string | null;
}
