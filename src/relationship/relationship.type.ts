import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { JSONScalar } from '../common/scalars';
import { Entity } from '../entity/entity.type';
import { Event } from '../event/event.type';
import type { JsonValue } from '../graph/subgraph';
import { Investment } from '../investment/investment.type';
import { Partnership } from '../partnership/partnership.type';

export enum RelationshipDirection {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}
registerEnumType(RelationshipDirection, {
  name: 'RelationshipDirection',
  description: 'Which way to follow edges: OUT from this entity, IN towards it, or BOTH',
});

@ObjectType({ description: 'A neighbour reached over one edge, with the edge itself' })
export class RelatedEntity {
  @Field(() => Entity)
  entity!: Entity;

  @Field({ description: 'the relationship type, e.g. PARTY_TO' })
  type!: string;

  @Field(() => RelationshipDirection, { description: 'OUT when the edge points from this entity to the neighbour, IN otherwise' })
  direction!: RelationshipDirection;

  @Field(() => String, { nullable: true, description: 'the role on participation edges (PARTY_TO, INVESTOR_IN, INVOLVED_IN)' })
  role!: string | null;

  @Field(() => JSONScalar, { description: "the edge's properties: role, provenance (sourceId, section, sentence, basis), ..." })
  properties!: Record<string, JsonValue>;
}

@ObjectType({ description: 'A party to a fact, in its role (e.g. a partner, an investor, a participant)' })
export class Participant {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => String, { nullable: true, description: "the party's role as reported" })
  role!: string | null;
}

@ObjectType({ description: 'A partnership this entity is party to, with its role in it' })
export class PartnershipParticipation {
  @Field(() => Partnership)
  partnership!: Partnership;

  @Field(() => String, { nullable: true })
  role!: string | null;
}

@ObjectType({ description: 'An investment this entity made, with its role (LEAD, PARTICIPANT, SPENDER)' })
export class InvestmentParticipation {
  @Field(() => Investment)
  investment!: Investment;

  @Field(() => String, { nullable: true })
  role!: string | null;
}

@ObjectType({ description: 'An event this entity is involved in, with its role' })
export class EventParticipation {
  @Field(() => Event)
  event!: Event;

  @Field(() => String, { nullable: true })
  role!: string | null;
}
