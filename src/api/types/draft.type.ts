import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JSONScalar } from '../scalars';
import { EntityKindEnum, LocalizedName } from './entity.type';
import { ImportDocumentPayload, LocalizedNameInput } from './mutation.type';
import { DRAFT_ITEM_STATUSES, DRAFT_STATUSES, type DraftItemStatus, type DraftStatus } from '../../draft/draft.model';
import type { EntityKind } from '../../model/kinds';

export const DraftStatusEnum = Object.fromEntries(DRAFT_STATUSES.map((s) => [s, s])) as { readonly [K in DraftStatus]: K };
registerEnumType(DraftStatusEnum, { name: 'DraftStatus', description: 'OPEN while under review; COMMITTED once its accepted items are imported' });

export const DraftItemStatusEnum = Object.fromEntries(DRAFT_ITEM_STATUSES.map((s) => [s, s])) as { readonly [K in DraftItemStatus]: K };
registerEnumType(DraftItemStatusEnum, {
  name: 'DraftItemStatus',
  description: 'PROPOSED by the extractor; ACCEPTED or REJECTED by the editor; MERGED into an existing entity (not imported itself)',
});

@ObjectType({ description: 'One proposed entity or relationship of a draft, with the sentence it came from' })
export class DraftItem {
  @Field(() => ID, { description: 'the item within its draft: e<n> for entities, r<n> for relationships' })
  id!: string;

  @Field(() => DraftItemStatusEnum)
  status!: DraftItemStatus;

  @Field(() => ID, { nullable: true, description: 'entities: the id it will have in the graph' })
  entityId?: string;

  @Field(() => EntityKindEnum, { nullable: true })
  kind?: EntityKind;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => [LocalizedName], { nullable: true })
  names?: LocalizedName[];

  @Field(() => String, { nullable: true, description: 'relationships: the type, e.g. PARTY_TO' })
  relationshipType?: string;

  @Field(() => ID, { nullable: true })
  from?: string;

  @Field(() => ID, { nullable: true })
  to?: string;

  @Field(() => String, { nullable: true })
  role?: string;

  @Field(() => String, { nullable: true, description: "the section id of the draft's source" })
  section?: string;

  @Field(() => String, { nullable: true, description: 'the sentence it came from, verbatim' })
  sentence?: string;

  @Field(() => Int, { nullable: true, description: "where that sentence starts in the draft's text (UTF-16 code units); null if it is not there verbatim" })
  sentenceStart!: number | null;

  @Field(() => String, { nullable: true })
  basis?: string;

  @Field(() => Float, { nullable: true, description: "the extractor's confidence, 0 to 1" })
  confidence?: number;

  @Field(() => ID, { nullable: true, description: 'the existing entity it was merged into' })
  mergedInto?: string;

  @Field(() => JSONScalar, { description: 'the entity or relationship as it will be imported (schema/SEED.md)' })
  data!: unknown;
}

@ObjectType({ description: 'A name the extractor saw but could not resolve, for the reviewer' })
export class DraftMention {
  @Field()
  text!: string;

  @Field()
  sentence!: string;

  @Field(() => String, { nullable: true })
  section?: string;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'A proposal drafted from a newsletter issue, kept until it is committed or discarded; invisible to every read of the graph' })
export class Draft {
  @Field(() => ID)
  id!: string;

  @Field(() => JSONScalar, {
    description:
      'an import document (schema/SEED.md): the items not rejected or merged, each with provenance whose sentence is copied verbatim from the text; entities the graph already has are referenced by id under `external`',
  })
  document!: unknown;

  @Field({ description: 'the text it was drafted from' })
  text!: string;

  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true, description: 'the issue date given (YYYY-MM-DD)' })
  issued?: string;

  @Field(() => DraftStatusEnum)
  status!: DraftStatus;

  @Field(() => Int, { description: 'bumped by every change to the draft' })
  version!: number;

  @Field(() => String, { nullable: true, description: "the extractor's note when it proposed little or nothing" })
  reason?: string;

  @Field(() => [DraftItem])
  items!: DraftItem[];

  @Field(() => [DraftMention], { description: 'mentions the extractor could not resolve' })
  unresolved!: DraftMention[];

  @Field({ description: 'ISO 8601 date-time' })
  createdAt!: string;

  @Field()
  createdBy!: string;

  @Field({ description: 'ISO 8601 date-time' })
  updatedAt!: string;

  @Field()
  updatedBy!: string;

  @Field(() => String, { nullable: true })
  committedAt?: string;

  @Field(() => String, { nullable: true })
  committedBy?: string;
}

@InputType({ description: 'Changes to one draft item. Entities: kind, name, names, description, properties (figures); relationships: role' })
export class DraftItemEdit {
  @Field(() => EntityKindEnum, { nullable: true, description: "a new kind; the id's prefix follows and the draft's relationships are rewritten" })
  kind?: EntityKind | null;

  @Field(() => String, { nullable: true, description: 'display name; replaces the old name in names unless names is given' })
  name?: string | null;

  @Field(() => [LocalizedNameInput], { nullable: true, description: 'replaces the list of names' })
  names?: LocalizedNameInput[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => JSONScalar, { nullable: true, description: "properties to set (schema/MODEL.md's names: amount, currency, value, unit, changePct, date, ...); a null value removes that property" })
  properties?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'relationships: the role (SUPPLIER, CUSTOMER, LEAD, SPENDER, SUBJECT, ...)' })
  role?: string | null;
}

@ObjectType()
export class CommitDraftPayload {
  @Field(() => Draft)
  draft!: Draft;

  @Field({ description: 'true when the draft had been committed before: nothing was written this time' })
  alreadyCommitted!: boolean;

  @Field(() => ImportDocumentPayload, { nullable: true, description: 'what the commit imported (for an already committed draft, what its commit imported)' })
  summary?: ImportDocumentPayload | null;
}

@ObjectType()
export class DiscardDraftPayload {
  @Field(() => ID)
  id!: string;

  @Field()
  discarded!: boolean;
}
