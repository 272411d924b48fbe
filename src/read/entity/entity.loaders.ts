import DataLoader from 'dataloader';
import type { EntityRecord, SourceRefRecord } from './entity.model';
import type { EntityRepository } from './entity.repository';

/** Per-request loaders: every entity and provenance lookup in one request is batched into one query. */
export function createEntityLoaders(repo: EntityRepository) {
  return {
    entityById: new DataLoader<string, EntityRecord | null>(async (ids) => {
      const found = await repo.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    sourcesByEntityId: new DataLoader<string, SourceRefRecord[]>(async (ids) => {
      const found = await repo.sourcesByIds(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}

export type EntityLoaders = ReturnType<typeof createEntityLoaders>;
