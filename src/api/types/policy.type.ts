import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { Entity } from './entity.type';

@ObjectType({ implements: Entity, description: "A government policy or a company's usage policy" })
export class Policy extends Entity {
  @Field(() => String, { nullable: true })
  policyType?: string | null;

  @Field(() => String, { nullable: true, description: 'DRAFT, ANNOUNCED or IN_FORCE' })
  status?: string | null;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'DAY, WEEK, MONTH or YEAR: how precise date is' })
  datePrecision?: string | null;

  @Field(() => Int, { nullable: true, description: 'how many years a plan covers' })
  periodYears?: number | null;

  @Field(() => Float, { nullable: true, description: 'for ownership-based restrictions: the share (percent) above which it applies' })
  ownershipThresholdPct?: number | null;
}
