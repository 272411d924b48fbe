import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { Entity } from '../entity/entity.type';

@ObjectType({ implements: Entity, description: "A government policy or a company's usage policy" })
export class Policy extends Entity {
  @Field(() => String, { nullable: true })
  policyType?: string | null;

  @Field(() => String, { nullable: true, description: 'DRAFT, ANNOUNCED or IN_FORCE' })
  status?: string | null;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;
}
