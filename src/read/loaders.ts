import { createEntityLoaders } from './entity/entity.loaders';
import type { EntityRepository } from './entity/entity.repository';
import { createPrefetchLoaders } from './planner/prefetch.loaders';
import type { EntityTreeRepository } from './planner/prefetch.repository';
import type { SelectionPlanner } from './planner/selection-planner';
import { createRelationshipLoaders } from './relationship/relationship.loaders';
import type { RelationshipRepository } from './relationship/relationship.repository';
import { createSourceLoaders } from './source/source.loaders';
import type { SourceRepository } from './source/source.repository';

/** What the per-request loaders read from: the read path's repositories. */
export interface LoaderSources {
  entity: EntityRepository;
  relationship: RelationshipRepository;
  entityTree: EntityTreeRepository;
  source: SourceRepository;
}

/** Per-request DataLoaders, built fresh for each request so caches never leak between callers. */
export function createLoaders(from: LoaderSources, planner: SelectionPlanner) {
  const entity = createEntityLoaders(from.entity);
  return {
    ...entity,
    ...createRelationshipLoaders(from.relationship, entity.entityById),
    ...createPrefetchLoaders(from.entityTree, entity.entityById, planner),
    ...createSourceLoaders(from.source),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
