import { Field, Float, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { Entity } from './entity.type';

@ObjectType({ implements: Entity, description: 'A partnership or contract between two or more parties, each in a role' })
export class Partnership extends Entity {
  @Field(() => String, { nullable: true })
  partnershipType?: string | null;

  @Field(() => String, { nullable: true })
  status?: string | null;

  @Field(() => DateScalar, { nullable: true })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'DAY, WEEK, MONTH or YEAR: how precise the dates are' })
  datePrecision?: string | null;

  @Field(() => Float, { nullable: true, description: 'for supply contracts: how many units' })
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: 'the unit of quantity, e.g. UNITS' })
  quantityUnit?: string | null;
}
