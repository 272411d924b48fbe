import type { Logger } from 'pino';
import type { Principal } from '../auth/roles';
import type { RequestScope } from '../common/request-context';
import type { DraftService } from '../draft/draft.service';
import type { ConnectionService } from '../read/connection/connection.service';
import type { EntityService } from '../read/entity/entity.service';
import type { SelectionPlanner } from '../read/planner/selection-planner';
import type { Loaders } from '../read/loaders';
import type { SourceService } from '../read/source/source.service';
import type { SystemService } from '../read/system.service';
import type { TraceService } from '../trace/trace.service';
import type { MutationService } from '../write/mutation/mutation.service';
import type { ChangeFeedService } from '../live/change-feed.service';
import type { LiveConnection, LiveService } from '../live/live.service';
import type { RankingService } from '../analytics/ranking.service';

/**
 * What resolvers may call: the services of the read and write paths, wired once per process by
 * the composition root (src/http/composition.ts). Resolvers depend on this type only, never on the
 * module that builds it.
 */
export interface Services {
  entity: EntityService;
  connection: ConnectionService;
  source: SourceService;
  trace: TraceService;
  system: SystemService;
  mutation: MutationService;
  draft: DraftService;
  /** the change feed (`changes`) */
  changes: ChangeFeedService;
  /** live updates (`graphChanged`) */
  live: LiveService;
  /** whole-graph rankings, computed in the background (started and stopped by createApp) */
  ranking: RankingService;
  /** the read planner: a root's selection as one statement, within the planning budget */
  planner: SelectionPlanner;
}

/** What every resolver receives: the request's scope and caller, its loaders, and the services. */
export interface AppContext {
  requestId: string;
  scope: RequestScope;
  logger: Logger;
  services: Services;
  /** per-request DataLoaders (batching and caching never leak between requests) */
  loaders: Loaders;
  /** the authenticated caller, if any (set by the auth layer) */
  user?: Principal;
  /** the WebSocket connection a subscription runs on (graphql-ws only) */
  connection?: LiveConnection;
}
