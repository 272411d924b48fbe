import type { Services } from './services';

/** Per-request DataLoaders, built fresh for each request. Feature folders add theirs here. */
export function createLoaders(_services: Services) {
  return {};
}

export type Loaders = ReturnType<typeof createLoaders>;
