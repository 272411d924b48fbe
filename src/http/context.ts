import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { RequestScope } from '../common/request-context';
import { createServices, Services } from './services';
import { createLoaders, Loaders } from './loaders';

/** What every resolver receives: per-request loaders (batching and caching) and the services. */
export interface AppContext {
  requestId: string;
  scope: RequestScope;
  logger: Logger;
  services: Services;
  loaders: Loaders;
  /** the authenticated caller, if any (set by the auth layer) */
  user?: { id: string; roles: string[] };
}

export interface AppDeps {
  db: Database;
  logger: Logger;
  config?: Pick<Config, 'IMPORT_MAX_ITEMS'>;
}

/** Services are stateless and built once; loaders are per request so caches never leak between users. */
export function contextFactory(deps: AppDeps) {
  const services = createServices(deps.db, { importMaxItems: deps.config?.IMPORT_MAX_ITEMS, logger: deps.logger });
  return (scope: RequestScope, user?: AppContext['user']): AppContext => {
    let logger: Logger | undefined;
    return {
      requestId: scope.requestId,
      scope,
      // made on first use: most requests log nothing of their own
      get logger() {
        return (logger ??= deps.logger.child({ requestId: scope.requestId }));
      },
      services,
      loaders: createLoaders(services),
      user,
    };
  };
}
