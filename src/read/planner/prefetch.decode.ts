import { toPlainObject } from '../../db/values';
import { toEntityFields } from '../entity/entity.model';
import type { PartialEntityRecord, PrefetchedLists } from '../entity/entity.view';
import { branchSignature, Direction, edgeProperties, RelatedRecord } from '../relationship/relationship.model';
import type { PrefetchPlan } from './prefetch.plan';

/** One element of a prefetched list as prefetch.cypher.ts returns it (driver values). */
interface RawRelated {
  type: string;
  rel: unknown;
  m: unknown;
  pf: unknown[][];
}

/** The lists of an entity whose selection reads none below it (shared: it is never written). */
const NO_LISTS: PrefetchedLists = new Map();

/**
 * An entity from a prefetch row with the lists its plan fetched under it, recursively: partial
 * records (only the properties this selection reads), each list under the signature of the
 * branch it answers, where the field resolvers look for it (relationship.resolve.ts).
 */
export function decodeTree(props: unknown, plan: PrefetchPlan, lists: unknown[][]): PartialEntityRecord {
  const entity = toEntityFields(toPlainObject(props));
  if (!plan.branches.length) return Object.assign(entity, { prefetched: NO_LISTS });
  const prefetched = new Map<string, RelatedRecord<PartialEntityRecord>[]>();
  plan.branches.forEach(({ branch, child }, i) => {
    const records: RelatedRecord<PartialEntityRecord>[] = [];
    for (const raw of (lists[i] ?? []) as RawRelated[]) {
      const properties = edgeProperties(toPlainObject(raw.rel));
      records.push({
        entity: decodeTree(raw.m, child, raw.pf),
        type: raw.type,
        direction: branch.direction as Direction,
        role: typeof properties.role === 'string' ? properties.role : null,
        properties,
      });
    }
    prefetched.set(branchSignature(branch), records);
  });
  return Object.assign(entity, { prefetched });
}
