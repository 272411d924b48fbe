import type { Logger } from 'pino';
import type { AppContext, Services } from '../api/context';
import type { Principal } from '../auth/roles';
import type { RequestScope } from '../common/request-context';
import type { Database } from '../db/database';
import { ConnectionRepository } from '../read/connection/connection.repository';
import { ConnectionService } from '../read/connection/connection.service';
import { EntityRepository } from '../read/entity/entity.repository';
import { EntityService } from '../read/entity/entity.service';
import { createLoaders } from '../read/loaders';
import { EntityTreeRepository } from '../read/planner/prefetch.repository';
import { RelationshipRepository } from '../read/relationship/relationship.repository';
import { SourceRepository } from '../read/source/source.repository';
import { SourceService } from '../read/source/source.service';
import { SystemService } from '../read/system.service';
import { TraceRepository } from '../trace/trace.repository';
import { TraceService } from '../trace/trace.service';
import { DEFAULT_SEARCH_BOUNDS } from '../trace/bounded-search';
import { Importer } from '../write/importer';
import { MutationRepository } from '../write/mutation/mutation.repository';
import { MutationService } from '../write/mutation/mutation.service';

export interface CompositionOptions {
  db: Database;
  logger: Logger;
  /** items one importDocument may carry (IMPORT_MAX_ITEMS) */
  importMaxItems: number;
  /** the transaction timeout of importDocument (IMPORT_TX_TIMEOUT_MS) */
  importTxTimeoutMs?: number;
  /** relationships one path search may read (TRACE_EXPANSION_BUDGET) */
  traceExpansionBudget?: number;
}

/** The wired service: its stateless services, and the per-request context built from them. */
export interface Composition {
  services: Services;
  /** a request's context: its scope, caller, logger and fresh loaders */
  requestContext(scope: RequestScope, user?: Principal): AppContext;
}

/**
 * The composition root: the one place that builds repositories, services and loaders and wires
 * them together. /graphql and /export both take what they need from here. Repositories and
 * services are stateless and built once; loaders are built per request.
 */
export function compose({ db, logger, importMaxItems, importTxTimeoutMs, traceExpansionBudget }: CompositionOptions): Composition {
  const repositories = {
    entity: new EntityRepository(db),
    connection: new ConnectionRepository(db),
    relationship: new RelationshipRepository(db),
    entityTree: new EntityTreeRepository(db),
    source: new SourceRepository(db),
    trace: new TraceRepository(db),
  };
  const services: Services = {
    entity: new EntityService(repositories.entity),
    connection: new ConnectionService(repositories.connection),
    source: new SourceService(),
    trace: new TraceService(repositories.trace, { ...DEFAULT_SEARCH_BOUNDS, expansionBudget: traceExpansionBudget ?? DEFAULT_SEARCH_BOUNDS.expansionBudget }),
    system: new SystemService(db),
    mutation: new MutationService(db, new MutationRepository(), new Importer(db, importTxTimeoutMs), { importMaxItems, logger }),
  };
  return {
    services,
    requestContext(scope, user) {
      let requestLogger: Logger | undefined;
      return {
        requestId: scope.requestId,
        scope,
        // made on first use: most requests log nothing of their own
        get logger() {
          return (requestLogger ??= logger.child({ requestId: scope.requestId }));
        },
        services,
        loaders: createLoaders(repositories),
        user,
      };
    },
  };
}
