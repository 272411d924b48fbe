import { Field, Float, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { JSONScalar } from '../scalars';
import { KIND_LABEL } from '../../model/labels';
import type { JsonValue } from '../../graph/subgraph';

export enum EntityKind {
  COMPANY = 'COMPANY',
  GOVERNMENT = 'GOVERNMENT',
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
  PRODUCT = 'PRODUCT',
  PARTNERSHIP = 'PARTNERSHIP',
  INVESTMENT = 'INVESTMENT',
  POLICY = 'POLICY',
  EVENT = 'EVENT',
  METRIC = 'METRIC',
  PLACE = 'PLACE',
  SECTOR = 'SECTOR',
  SOURCE = 'SOURCE',
}
registerEnumType(EntityKind, { name: 'EntityKind', description: 'What kind of thing an entity is' });

/** GraphQL object type name of each kind: the same word as its Neo4j label. */
export const KIND_TYPE_NAME = KIND_LABEL as Readonly<Record<EntityKind, string>>;

@InterfaceType({ description: 'Anything with a stable id', resolveType: (v: { kind: EntityKind }) => KIND_TYPE_NAME[v.kind] })
export abstract class Node {
  @Field(() => ID, { description: 'stable id of the form <kind>:<slug>, e.g. company:alibaba' })
  id!: string;
}

@ObjectType({ description: 'A name or alias in one language' })
export class LocalizedName {
  @Field({ description: 'BCP 47 language tag: ko, zh, en, ...' })
  lang!: string;

  @Field()
  value!: string;
}

@InterfaceType({
  implements: Node,
  description: 'A thing in the knowledge graph: an organization, product, fact, place, sector or source',
  resolveType: (v: { kind: EntityKind }) => KIND_TYPE_NAME[v.kind],
})
export abstract class Entity extends Node {
  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field({ description: 'display name (English where known)' })
  name!: string;

  @Field(() => [LocalizedName], { description: 'every known name and alias, with its language' })
  names!: LocalizedName[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => JSONScalar, { description: "the entity's own fields, JSON-safe (dates ISO 8601)" })
  properties!: Record<string, JsonValue>;
}

@ObjectType({ description: 'Where a fact was reported: the source, its section and the sentence it came from' })
export class SourceRef {
  @Field(() => ID, { description: 'the Source entity id' })
  sourceId!: string;

  @Field(() => String, { nullable: true, description: 'section of the source, e.g. weekly-main-news' })
  section!: string | null;

  @Field(() => String, { nullable: true, description: 'the sentence the fact came from, verbatim (Korean for the seed newsletter)' })
  sentence!: string | null;

  @Field(() => String, { nullable: true, description: 'REPORTED (the source states it) or COMMON_KNOWLEDGE (added for context)' })
  basis!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType({ description: 'A search result' })
export class SearchHit {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => Float)
  score!: number;
}
