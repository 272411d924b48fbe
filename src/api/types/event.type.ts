import { Field, Float, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { Entity } from './entity.type';

@ObjectType({ implements: Entity, description: 'Something that happened or is announced: a launch, an IPO, a stock move, a trial' })
export class Event extends Entity {
  @Field(() => String, { nullable: true })
  eventType?: string | null;

  @Field(() => String, { nullable: true })
  status?: string | null;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'DAY, WEEK, MONTH or YEAR: how precise date is' })
  datePrecision?: string | null;

  @Field(() => Float, { nullable: true, description: 'for stock moves: the change in percent' })
  changePct?: number | null;

  @Field(() => DateScalar, { nullable: true })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'for robotaxi operations: no safety driver on board' })
  driverless?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'for operations: hours of service per day' })
  hoursPerDay?: number | null;
}
