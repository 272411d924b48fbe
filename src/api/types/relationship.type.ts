import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { JSONScalar } from '../scalars';
import { Entity } from './entity.type';
import { Event } from './event.type';
import type { JsonValue } from '../../graph/subgraph';
import { Investment } from './investment.type';
import { Partnership } from './partnership.type';

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

/**
 * `{ <thing>, role }`: a neighbour reached over a participation edge, with the role on the edge.
 * Every such type holds the neighbour as `entity`; the schema names the field for what it is.
 */
function participation(typeName: string, field: string, type: () => GraphQLClass, description: string, roleDescription?: string) {
  @ObjectType(typeName, { description })
  class Participation {
    @Field(type, { name: field })
    entity!: object;

    @Field(() => String, { nullable: true, description: roleDescription })
    role!: string | null;
  }
  return Participation;
}

type GraphQLClass = abstract new (...args: never[]) => object;

export const Participant = participation('Participant', 'entity', () => Entity, 'A party to a fact, in its role (e.g. a partner, an investor, a participant)', "the party's role as reported");
export const PartnershipParticipation = participation('PartnershipParticipation', 'partnership', () => Partnership, 'A partnership this entity is party to, with its role in it');
export const InvestmentParticipation = participation('InvestmentParticipation', 'investment', () => Investment, 'An investment this entity made, with its role (LEAD, PARTICIPANT, SPENDER)');
export const EventParticipation = participation('EventParticipation', 'event', () => Event, 'An event this entity is involved in, with its role');
