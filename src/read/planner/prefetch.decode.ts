import { toPlainObject } from '../../db/values';
import { EntityRecord, toEntityRecord } from '../entity/entity.model';
import { Direction, edgeProperties, RelatedRecord, RelKey, relKeyString } from '../relationship/relationship.model';
import type { PrefetchPlan } from './prefetch.plan';

/** One element of a prefetched list as prefetch.cypher.ts returns it (driver values). */
interface RawRelated {
  type: string;
  rel: unknown;
  m: unknown;
  pf: unknown[][];
}

/**
 * The neighbour lists fetched with an entity, by relationship key (relKeyString), kept on the
 * record itself: only the resolvers under this selection see them, and the records in them carry
 * only the properties this selection reads.
 */
const PREFETCHED = Symbol('prefetched relationship lists');

type WithPrefetched = EntityRecord & { [PREFETCHED]?: Map<string, RelatedRecord[]> };

/** The list prefetched for `key` under `from`, if the plan covered it. */
export function prefetchedList(from: EntityRecord | undefined, key: RelKey): RelatedRecord[] | undefined {
  return (from as WithPrefetched | undefined)?.[PREFETCHED]?.get(relKeyString(key));
}

/** An entity record from a prefetch row, with its branch lists attached, recursively. */
export function decodeTree(props: unknown, plan: PrefetchPlan, lists: unknown[][]): EntityRecord {
  const entity = toEntityRecord(toPlainObject(props)) as WithPrefetched;
  if (!plan.branches.length) return entity;
  const byKey = new Map<string, RelatedRecord[]>();
  plan.branches.forEach(({ branch, child }, i) => {
    const records: RelatedRecord[] = [];
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
    byKey.set(relKeyString({ ...branch, id: entity.id }), records);
  });
  Object.defineProperty(entity, PREFETCHED, { value: byKey, enumerable: false });
  return entity;
}
