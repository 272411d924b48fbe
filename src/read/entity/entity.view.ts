import type { EntityFields, EntityRecord } from './entity.model';
import type { RelatedRecord } from '../relationship/relationship.model';

/**
 * The relationship lists fetched together with an entity because its selection reads them (the
 * prefetch plan, read/planner), by the signature of the branch (relationship.model.ts
 * branchSignature) that reads each list: the same branches the field resolvers ask for, made by
 * the same function (relationship.read.ts fieldRead).
 */
export type PrefetchedLists = ReadonlyMap<string, readonly RelatedRecord<PartialEntityRecord>[]>;

/**
 * An entity as one selection fetched it: only the properties that selection reads, and the
 * relationship lists it reads below. It is handed only to the resolvers of that selection;
 * EntityRecord refuses `prefetched`, so it cannot reach the request's shared loaders, where a
 * sibling selection asking for more fields would find it.
 */
export interface PartialEntityRecord extends EntityFields {
  prefetched: PrefetchedLists;
  /** for a Source, the pages of `Source.entities` its selection reads, by source.page.ts pageSignature */
  pages?: ReadonlyMap<string, { entities: PartialEntityRecord[]; total: number | null }>;
}

/** What a resolver under an entity receives: a full record, or the partial one its selection fetched. */
export type EntityView = EntityRecord | PartialEntityRecord;
