import { Field, ObjectType } from 'type-graphql';
import { Entity } from './entity.type';

@ObjectType({ implements: Entity, description: 'A company' })
export class Company extends Entity {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code' })
  country?: string | null;

  @Field(() => [String], { nullable: true, description: 'stock tickers, e.g. BABA, 9988.HK' })
  ticker?: string[] | null;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@ObjectType({ implements: Entity, description: 'A government body (city government, ministry, agency)' })
export class Government extends Entity {
  @Field(() => String, { nullable: true, description: 'NATIONAL, PROVINCIAL, MUNICIPAL or DISTRICT' })
  level?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;
}

@ObjectType({ implements: Entity, description: 'Another organization: a research firm, an exchange, ...' })
export class Organization extends Entity {
  @Field(() => String, { nullable: true })
  orgType?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@ObjectType({ implements: Entity, description: 'A person' })
export class Person extends Entity {
  @Field(() => String, { nullable: true, description: 'job title' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;
}
