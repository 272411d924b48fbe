import { createEntityLoaders } from '../read/entity/entity.loaders';
import { createRelationshipLoaders } from '../read/relationship/relationship.loaders';
import { createSourceLoaders } from '../read/source/source.loaders';
import type { Services } from './services';

/** Per-request DataLoaders, built fresh for each request. Feature folders add theirs here. */
export function createLoaders(services: Services) {
  const entity = createEntityLoaders(services.entity);
  return {
    ...entity,
    ...createRelationshipLoaders(services.relationship, entity.entityById),
    ...createSourceLoaders(services.source),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
