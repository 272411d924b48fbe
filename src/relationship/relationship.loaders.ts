import DataLoader from 'dataloader';
import type { EntityRecord } from '../entity/entity.model';
import { RelatedRecord, RelKey, relKeyString } from './relationship.model';
import type { RelationshipService } from './relationship.service';

/**
 * Per-request loader behind every nested relationship field: all keys asked for in one tick
 * (e.g. the partnerships of every company on a page) become one database round trip. Neighbours
 * it returns are primed into `entityById`, so a later `entity(id:)` for them costs nothing.
 */
export function createRelationshipLoaders(service: RelationshipService, entityById?: DataLoader<string, EntityRecord | null>) {
  return {
    related: new DataLoader<RelKey, RelatedRecord[], string>(
      async (keys) => {
        const found = await service.relatedByKeys(keys);
        const lists = keys.map((k) => found.get(relKeyString(k)) ?? []);
        for (const r of lists.flat()) entityById?.prime(r.entity.id, r.entity);
        return lists;
      },
      { cacheKeyFn: relKeyString },
    ),
  };
}

export type RelationshipLoaders = ReturnType<typeof createRelationshipLoaders>;
