import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { Entity } from '../entity/entity.type';

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
}
