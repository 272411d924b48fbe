import DataLoader from 'dataloader';
import type { EntityRecord } from '../entity/entity.model';
import type { EntityView } from '../entity/entity.view';
import { RelatedRecord, RelKey, relKeyString } from './relationship.model';
import { fieldRead, RelationArgs, RelationFieldSpec } from './relationship.read';
import type { RelationshipRepository } from './relationship.repository';
import { LoadList, resolveField } from './relationship.resolve';

/**
 * Per-request loaders behind relationship fields.
 * - `related`: all keys asked for in one tick (e.g. the partnerships of every company on a page)
 *   become one database round trip. Neighbours are full records, primed into `entityById`, so a
 *   later `entity(id:)` for them costs nothing.
 * - `relationField`: one relationship field of an entity with its arguments, from the lists
 *   fetched with the entity when its selection planned them (read/planner), else from `related`.
 */
export function createRelationshipLoaders(repo: RelationshipRepository, entityById: DataLoader<string, EntityRecord | null>) {
  const related = new DataLoader<RelKey, RelatedRecord[], string>(
    async (keys) => {
      const found = await repo.relatedByKeys(keys);
      const lists = keys.map((k) => found.get(relKeyString(k)) ?? []);
      for (const r of lists.flat()) entityById.prime(r.entity.id, r.entity);
      return lists;
    },
    { cacheKeyFn: relKeyString },
  );
  const load: LoadList = (from, branch) => related.load({ ...branch, id: from.id });

  return {
    related,
    /** the rows of relationship field `spec` of `root` with `args`: at once when they came with `root` */
    relationField: (root: EntityView, spec: RelationFieldSpec, args: RelationArgs): unknown => resolveField(root, fieldRead(spec, args), load),
  };
}

export type RelationshipLoaders = ReturnType<typeof createRelationshipLoaders>;
