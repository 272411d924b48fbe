import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { Entity } from './entity.type';

@ObjectType({ implements: Entity, description: 'A funding round or a spending plan' })
export class Investment extends Entity {
  @Field(() => String, { nullable: true, description: 'FUNDING_ROUND, CAPEX_PLAN, ...' })
  investmentType?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Series A+' })
  round?: string | null;

  @Field(() => Float, { nullable: true })
  amount?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217: USD, CNY, ...' })
  currency?: string | null;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => Int, { nullable: true })
  periodYears?: number | null;

  @Field(() => String, { nullable: true, description: 'PLANNED, ANNOUNCED or COMPLETED' })
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'DAY, WEEK, MONTH or YEAR: how precise date is' })
  datePrecision?: string | null;
}
