import DataLoader from 'dataloader';
import type { EntityRecord } from '../entity/entity.model';
import type { EntityView, PartialEntityRecord } from '../entity/entity.view';
import type { PrefetchPlan } from './prefetch.plan';
import type { EntityTreeRepository } from './prefetch.repository';

interface TreeKey {
  id: string;
  plan: PrefetchPlan;
}

const treeKey = (k: TreeKey): string => `${k.plan.signature}\u0000${k.id}`;

/**
 * Per-request loader behind `entity(id:)`: an entity together with every relationship list its
 * selection will load, in one round trip for all ids of the same plan. The records are partial
 * (entity.view.ts), cached here under their plan only, never in `entityById`.
 */
export function createPrefetchLoaders(repo: EntityTreeRepository, entityById: DataLoader<string, EntityRecord | null>) {
  const trees = new DataLoader<TreeKey, PartialEntityRecord | null, string>(
    async (keys) => {
      const byPlan = new Map<string, { plan: PrefetchPlan; ids: Set<string> }>();
      for (const k of keys) {
        const group = byPlan.get(k.plan.signature) ?? { plan: k.plan, ids: new Set<string>() };
        group.ids.add(k.id);
        byPlan.set(k.plan.signature, group);
      }
      const found = new Map<string, PartialEntityRecord>();
      await Promise.all(
        [...byPlan.values()].map(async ({ plan, ids }) => {
          for (const [id, entity] of await repo.trees([...ids], plan)) found.set(treeKey({ id, plan }), entity);
        }),
      );
      return keys.map((k) => found.get(treeKey(k)) ?? null);
    },
    { cacheKeyFn: treeKey },
  );

  return {
    /** the entity `id` with the lists `plan` names fetched with it; a plan without branches is a plain lookup */
    entityTree: (id: string, plan: PrefetchPlan): Promise<EntityView | null> => (plan.branches.length ? trees.load({ id, plan }) : entityById.load(id)),
  };
}
