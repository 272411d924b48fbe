import { toPlainObject } from '../db/values';
import { EntityRecord, toEntityRecord } from '../entity/entity.model';
import { Direction, edgeProperties, RelatedRecord, RelKey } from './relationship.model';
import type { PrefetchPlan } from './prefetch.plan';

/** One element of a prefetched list as prefetch.cypher.ts returns it (driver values). */
interface RawRelated {
  type: string;
  rel: unknown;
  m: unknown;
  pf: unknown[][];
}

/** What one root's tree holds: the neighbour lists by relationship key, as the batched loader would answer them. */
export interface PrefetchedTree {
  entity: EntityRecord;
  related: [RelKey, RelatedRecord[]][];
}

/** Maps the root's branch lists onto relationship keys, recursively; each list keeps its order. */
export function decodeTree(entity: EntityRecord, plan: PrefetchPlan, lists: unknown[][]): PrefetchedTree {
  const related: [RelKey, RelatedRecord[]][] = [];
  const walk = (id: string, p: PrefetchPlan, ls: unknown[][]) => {
    p.branches.forEach(({ branch, child }, i) => {
      const records: RelatedRecord[] = [];
      for (const raw of (ls[i] ?? []) as RawRelated[]) {
        const properties = edgeProperties(toPlainObject(raw.rel));
        const neighbour = toEntityRecord(toPlainObject(raw.m));
        records.push({
          entity: neighbour,
          type: raw.type,
          direction: branch.direction as Direction,
          role: typeof properties.role === 'string' ? properties.role : null,
          properties,
        });
        if (child.branches.length) walk(neighbour.id, child, raw.pf);
      }
      related.push([{ ...branch, id }, records]);
    });
  };
  walk(entity.id, plan, lists);
  return { entity, related };
}
