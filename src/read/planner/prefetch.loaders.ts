import DataLoader from 'dataloader';
import type { EntityRecord } from '../entity/entity.model';
import type { EntityView } from '../entity/entity.view';
import type { PrefetchPlan } from './prefetch.plan';
import { readsLists } from './prefetch.shape';
import type { EntityTreeRepository } from './prefetch.repository';
import type { SelectionPlanner } from './selection-planner';

interface TreeKey {
  id: string;
  plan: PrefetchPlan;
}

const treeKey = (k: TreeKey): string => `${k.plan.signature}\u0000${k.id}`;

/** The statement of entity(id:) and node(id:) (see selection-plan.decorator.ts). */
const STATEMENT = 'entity-trees';

/**
 * Per-request loader behind `entity(id:)` and `node(id:)`: an entity together with every
 * relationship list its selection will load, in one round trip for all roots of the request.
 * Roots with different selections (aliases) share one statement whose plan reads what each of
 * them reads (mergePlans), unless that would be too large or a new shape the planning budget
 * cannot pay for: then each plan is its own statement. The records are partial (entity.view.ts),
 * cached here under their plan only, never in `entityById`.
 */
export function createPrefetchLoaders(repo: EntityTreeRepository, entityById: DataLoader<string, EntityRecord | null>, planner: SelectionPlanner) {
  const trees = new DataLoader<TreeKey, EntityView | null, string>(
    async (keys) => {
      const byPlan = new Map<string, { plan: PrefetchPlan; ids: Set<string> }>();
      for (const k of keys) {
        const group = byPlan.get(k.plan.signature) ?? { plan: k.plan, ids: new Set<string>() };
        group.ids.add(k.id);
        byPlan.set(k.plan.signature, group);
      }
      const groups = [...byPlan.values()];
      // only plain lookups: full records by id, the request's shared loader's fixed statement
      if (!groups.some((g) => readsLists(g.plan))) {
        const found = await lookup(entityById, keys.map((k) => k.id));
        return keys.map((k) => found.get(k.id) ?? null);
      }
      const merged = groups.length > 1 ? planner.merged(STATEMENT, groups.map((g) => g.plan)) : null;
      if (merged) {
        const found = await repo.trees([...new Set(keys.map((k) => k.id))], merged);
        return keys.map((k) => found.get(k.id) ?? null);
      }
      const found = new Map<string, EntityView | null>();
      await Promise.all(
        groups.map(async ({ plan, ids }) => {
          const entities = readsLists(plan) ? await repo.trees([...ids], plan) : await lookup(entityById, [...ids]);
          for (const [id, entity] of entities) found.set(treeKey({ id, plan }), entity);
        }),
      );
      return keys.map((k) => found.get(treeKey(k)) ?? null);
    },
    { cacheKeyFn: treeKey },
  );

  return {
    /** the entity `id` with the lists `plan` names fetched with it (with every other root's of the request, in one statement) */
    entityTree: (id: string, plan: PrefetchPlan): Promise<EntityView | null> => trees.load({ id, plan }),
  };
}

/** Full records through the request's shared loader (its failure is the request's). */
async function lookup(entityById: DataLoader<string, EntityRecord | null>, ids: string[]): Promise<Map<string, EntityRecord | null>> {
  const found = await entityById.loadMany(ids);
  return new Map(
    ids.map((id, i) => {
      const entity = found[i];
      if (entity instanceof Error) throw entity;
      return [id, entity];
    }),
  );
}
