import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { JSONScalar } from '../scalars';
import { Entity, EntityKindEnum } from './entity.type';
import type { JsonValue } from '../../graph/subgraph';
import type { EntityKind } from '../../model/kinds';

@InputType({ description: 'A name or alias in one language' })
export class LocalizedNameInput {
  @Field({ description: 'BCP 47 language tag: ko, zh, en, ...' })
  lang!: string;

  @Field()
  value!: string;
}

@InputType({ description: 'Where a fact was read: an existing source, one of its sections and the sentence, verbatim' })
export class ProvenanceInput {
  @Field(() => ID, { description: 'the Source entity id, e.g. source:china-ai-weekly-b2d2384472f2fb10' })
  source!: string;

  @Field({ description: "one of the source's section ids" })
  section!: string;

  @Field({ description: 'the sentence or phrase of the source, copied verbatim' })
  sentence!: string;

  @Field({ description: 'REPORTED (the source states it) or COMMON_KNOWLEDGE (added for context)' })
  basis!: string;

  @Field(() => String, { nullable: true, description: 'what was added beyond the sentence' })
  note?: string | null;
}

@InputType({ description: 'An entity as in an import document (schema/SEED.md): the same fields and the same rules' })
export class EntityInput {
  @Field(() => ID, { description: '<kind>:<slug>, e.g. company:pony-ai; the prefix gives the kind' })
  id!: string;

  @Field(() => EntityKindEnum, { nullable: true, description: "defaults to the id's prefix; must match it. SOURCE is not accepted (use importDocument)" })
  kind?: EntityKind | null;

  @Field({ description: 'display name (English where known); must also be in names' })
  name!: string;

  @Field(() => [LocalizedNameInput], { description: 'every name and alias with its language; replaces the stored list' })
  names!: LocalizedNameInput[];

  @Field(() => String, { nullable: true, description: 'replaces the stored description; omitted or null removes it' })
  description?: string | null;

  @Field(() => JSONScalar, { nullable: true, description: "the kind's own properties (schema/MODEL.md, \"Kinds\"); replaces the stored ones" })
  properties?: Record<string, unknown> | null;

  @Field(() => [ProvenanceInput], { nullable: true, description: 'where it was reported; required (one or more) for every kind; added to the stored provenance' })
  provenance?: ProvenanceInput[] | null;
}

@InputType({ description: 'A relationship between two existing entities' })
export class LinkInput {
  @Field(() => ID)
  from!: string;

  @Field({ description: 'a relationship type of schema/MODEL.md, e.g. PARTY_TO (REPORTED_IN comes from provenance)' })
  type!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => String, { nullable: true, description: 'the part played: required on PARTY_TO, INVESTOR_IN (LEAD, PARTICIPANT, SPENDER) and INVOLVED_IN' })
  role?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ProvenanceInput, { nullable: true, description: 'where the relationship was reported' })
  provenance?: ProvenanceInput | null;
}

@InputType({ description: 'The relationship to remove' })
export class UnlinkInput {
  @Field(() => ID)
  from!: string;

  @Field()
  type!: string;

  @Field(() => ID)
  to!: string;
}

@ObjectType({ description: 'The entity as stored after upsertEntity' })
export class UpsertEntityPayload {
  @Field(() => Entity)
  entity!: Entity;

  @Field({ description: 'true when no entity had this id before' })
  created!: boolean;

  @Field({ description: 'false when the stored entity already had exactly this content (nothing was written)' })
  changed!: boolean;
}

@ObjectType({ description: 'The relationship as stored after link' })
export class LinkPayload {
  @Field(() => ID, { description: 'the edge id used in graph output: <from>|<TYPE>|<to>' })
  id!: string;

  @Field()
  type!: string;

  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => JSONScalar, { description: 'role, description, provenance, and who wrote it when (createdBy, createdAt, updatedBy, updatedAt)' })
  properties!: Record<string, JsonValue>;

  @Field()
  created!: boolean;

  @Field()
  changed!: boolean;
}

@ObjectType()
export class UnlinkPayload {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'false when there was no such relationship' })
  removed!: boolean;
}

@ObjectType()
export class DeleteEntityPayload {
  @Field(() => [ID], { description: 'the entity, then every fact deleted with it (cascade)' })
  deletedIds!: string[];

  @Field(() => Int)
  deletedRelationships!: number;

  @Field(() => Int, { description: "relationships that cited a deleted source and lost that provenance" })
  clearedCitations!: number;
}

@ObjectType()
export class WriteCounts {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}

@ObjectType({ description: 'What importDocument wrote' })
export class ImportDocumentPayload {
  @Field(() => WriteCounts)
  entities!: WriteCounts;

  @Field(() => WriteCounts)
  relationships!: WriteCounts;

  @Field(() => Int, { description: 'provenance items (REPORTED_IN edges) merged' })
  provenance!: number;

  @Field(() => JSONScalar, { description: 'incoming ids that named an existing entity (same kind and name): incoming id → existing id' })
  merged!: Record<string, string>;
}
