import { Field, Float, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { JSONScalar } from '../scalars';
import type { JsonValue } from '../../graph/subgraph';
import { ENTITY_KINDS, KIND_LABEL, type EntityKind } from '../../model/kinds';

/** The GraphQL enum `EntityKind`: one value per row of the model table, in its order. */
export const EntityKindEnum = Object.fromEntries(ENTITY_KINDS.map((k) => [k, k])) as { readonly [K in EntityKind]: K };
registerEnumType(EntityKindEnum, { name: 'EntityKind', description: 'What kind of thing an entity is' });

/** Interfaces resolve to the object type named like the kind's label. */
export const typeNameOf = (v: { kind: EntityKind }): string => KIND_LABEL[v.kind];

@InterfaceType({ description: 'Anything with a stable id', resolveType: typeNameOf })
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
  resolveType: typeNameOf,
})
export abstract class Entity extends Node {
  @Field(() => EntityKindEnum)
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
