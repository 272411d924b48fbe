import { Field, ObjectType } from 'type-graphql';
import { Entity } from './entity.type';

@ObjectType({ implements: Entity, description: 'A country, province, city or district' })
export class Place extends Entity {
  @Field(() => String, { nullable: true })
  placeType?: string | null;

  @Field(() => String, { nullable: true })
  countryCode?: string | null;
}

@ObjectType({ implements: Entity, description: 'An industry sector, e.g. AI cloud, robotaxi' })
export class Sector extends Entity {}
