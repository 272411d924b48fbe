import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { Entity } from './entity.type';

@ObjectType({ implements: Entity, description: 'A product, model or service' })
export class Product extends Entity {
  @Field(() => String, { nullable: true, description: 'LLM, REASONING_MODEL, AI_AGENT, ...' })
  productType?: string | null;

  @Field(() => DateScalar, { nullable: true })
  releaseDate?: string | null;

  @Field(() => String, { nullable: true, description: 'DAY, WEEK, MONTH or YEAR: how precise releaseDate is' })
  datePrecision?: string | null;

  @Field(() => Boolean, { nullable: true })
  closedSource?: boolean | null;
}
