import { createEntityLoaders } from '../entity/entity.loaders';
import type { Services } from './services';

/** Per-request DataLoaders, built fresh for each request. Feature folders add theirs here. */
export function createLoaders(services: Services) {
  return {
    ...createEntityLoaders(services.entity),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
