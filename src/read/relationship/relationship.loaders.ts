import DataLoader from 'dataloader';
import type { EntityRecord } from '../entity/entity.model';
import { prefetchedList } from '../planner/prefetch.decode';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import { RelatedRecord, RelKey, relKeyString } from './relationship.model';
import type { RelatedSource, RelationshipService } from './relationship.service';

interface TreeKey {
  id: string;
  plan: PrefetchPlan;
}

/**
 * Per-request loaders behind relationship fields.
 * - `related`: all keys asked for in one tick (e.g. the partnerships of every company on a page)
 *   become one database round trip.
 * - `entityTree`: an entity together with every relationship list its selection will load, in one
 *   round trip for all ids of the same plan; the lists travel on the records (prefetch.decode.ts),
 *   and `loadRelated` hands them to the field resolvers below without another query.
 * Neighbours are primed into `entityById`, so a later `entity(id:)` for them costs nothing.
 */
export function createRelationshipLoaders(service: RelationshipService, entityById: DataLoader<string, EntityRecord | null>) {
  const related = new DataLoader<RelKey, RelatedRecord[], string>(
    async (keys) => {
      const found = await service.relatedByKeys(keys);
      const lists = keys.map((k) => found.get(relKeyString(k)) ?? []);
      for (const r of lists.flat()) entityById.prime(r.entity.id, r.entity);
      return lists;
    },
    { cacheKeyFn: relKeyString },
  );

  const trees = new DataLoader<TreeKey, EntityRecord | null, string>(
    async (keys) => {
      const byPlan = new Map<string, { plan: PrefetchPlan; ids: Set<string> }>();
      for (const k of keys) {
        const group = byPlan.get(k.plan.signature) ?? { plan: k.plan, ids: new Set<string>() };
        group.ids.add(k.id);
        byPlan.set(k.plan.signature, group);
      }
      const found = new Map<string, EntityRecord>();
      await Promise.all(
        [...byPlan.values()].map(async ({ plan, ids }) => {
          for (const [id, entity] of await service.trees([...ids], plan)) found.set(`${plan.signature}\u0000${id}`, entity);
        }),
      );
      return keys.map((k) => found.get(`${k.plan.signature}\u0000${k.id}`) ?? null);
    },
    { cacheKeyFn: (k) => `${k.plan.signature}\u0000${k.id}` },
  );

  return {
    related,
    /** a relationship key: from the lists prefetched with `from` when its selection planned them, else batched */
    relatedSource: {
      peek: (key: RelKey, from: EntityRecord): RelatedRecord[] | undefined => prefetchedList(from, key),
      load: (key: RelKey, from: EntityRecord): Promise<RelatedRecord[]> => {
        const list = prefetchedList(from, key);
        return list ? Promise.resolve(list) : related.load(key);
      },
    } satisfies RelatedSource,
    /** the entity `id` with the lists `plan` names primed; a plan without branches is a plain lookup */
    entityTree: (id: string, plan: PrefetchPlan): Promise<EntityRecord | null> => (plan.branches.length ? trees.load({ id, plan }) : entityById.load(id)),
  };
}

export type RelationshipLoaders = ReturnType<typeof createRelationshipLoaders>;
