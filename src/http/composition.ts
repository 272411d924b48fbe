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
import { SelectionPlanner } from '../read/planner/selection-planner';
import { DEFAULT_SHAPE_BUDGET, ShapeBudget, type ShapeBudgetOptions } from '../read/planner/shape-budget';
import { RelationshipRepository } from '../read/relationship/relationship.repository';
import { SourceRepository } from '../read/source/source.repository';
import { SourceService } from '../read/source/source.service';
import { SystemService } from '../read/system.service';
import { TraceRepository } from '../trace/trace.repository';
import { TraceService } from '../trace/trace.service';
import { DraftRepository } from '../draft/draft.repository';
import { DraftService } from '../draft/draft.service';
import { draftDocument } from '../ingest/draft';
import { loadGazetteer } from '../ingest/gazetteer.repository';
import { DEFAULT_SEARCH_BOUNDS } from '../trace/bounded-search';
import { Importer } from '../write/importer';
import { MutationRepository } from '../write/mutation/mutation.repository';
import { MutationService } from '../write/mutation/mutation.service';
import { ChangeFeedRepository } from '../live/change-feed.repository';
import { ChangeFeedService } from '../live/change-feed.service';
import { ChangeLogPruner } from '../live/change-log.pruner';
import { ChangeTailer } from '../live/change-tailer';
import { LiveService } from '../live/live.service';
import { RankingService, type RankingOptions } from '../analytics/ranking.service';

export interface CompositionOptions {
  db: Database;
  logger: Logger;
  /** items one importDocument may carry (IMPORT_MAX_ITEMS) */
  importMaxItems: number;
  /** the change log's retention and the live updates' tail and limits */
  live: { retentionMs: number; maxChanges: number; pruneIntervalMs: number; pollMs: number; maxBuffered: number; stallMs: number };
  /** the background ranking job: whether it runs (RANKING_PAGERANK) and its schedule (RANKING_REFRESH_MS, RANKING_MAX_AGE_MS) */
  ranking: RankingOptions;
  /** the transaction timeout of importDocument (IMPORT_TX_TIMEOUT_MS) */
  importTxTimeoutMs?: number;
  /** relationships one path search may read (TRACE_EXPANSION_BUDGET) */
  traceExpansionBudget?: number;
  /** the planning budget of never-seen statement shapes (PLAN_*; docs/security.md) */
  planning?: ShapeBudgetOptions;
}

/** The wired service: its stateless services, and the per-request context built from them. */
export interface Composition {
  services: Services;
  /** a request's context: its scope, caller, logger and fresh loaders */
  requestContext(scope: RequestScope, user?: Principal): AppContext;
  /** statement shapes sent and declined by the planning budget (for the metrics) */
  shapes: ShapeBudget;
  /** the background work of live updates: the change log's tail and its pruning */
  background: { tailer: ChangeTailer; start(): Promise<void>; stop(): Promise<void> };
}

/**
 * The composition root: the one place that builds repositories, services and loaders and wires
 * them together. /graphql and /export both take what they need from here. Repositories and
 * services are stateless and built once; loaders are built per request.
 */
export function compose({ db, logger, importMaxItems, importTxTimeoutMs, live, ranking, traceExpansionBudget, planning }: CompositionOptions): Composition {
  // one budget per process for every statement whose text follows a client's selection
  const shapes = new ShapeBudget(planning ?? DEFAULT_SHAPE_BUDGET);
  const planner = new SelectionPlanner(shapes);
  const repositories = {
    entity: new EntityRepository(db),
    connection: new ConnectionRepository(db),
    relationship: new RelationshipRepository(db, shapes),
    entityTree: new EntityTreeRepository(db),
    source: new SourceRepository(db),
    trace: new TraceRepository(db),
    changes: new ChangeFeedRepository(db),
  };
  const importer = new Importer(db, importTxTimeoutMs);
  const changes = new ChangeFeedService(repositories.changes);
  const tailer = new ChangeTailer(repositories.changes, { pollMs: live.pollMs, logger });
  const pruner = new ChangeLogPruner(repositories.changes, { retentionMs: live.retentionMs, maxChanges: live.maxChanges, intervalMs: live.pruneIntervalMs, logger });
  const services: Services = {
    entity: new EntityService(repositories.entity),
    connection: new ConnectionService(repositories.connection),
    source: new SourceService(),
    trace: new TraceService(repositories.trace, { ...DEFAULT_SEARCH_BOUNDS, expansionBudget: traceExpansionBudget ?? DEFAULT_SEARCH_BOUNDS.expansionBudget }),
    system: new SystemService(db),
    mutation: new MutationService(db, new MutationRepository(), importer, { importMaxItems, logger }),
    // the extractor is pure; what the graph knows (its gazetteer) is read for each draft
    draft: new DraftService(new DraftRepository(db), importer, async (req) => draftDocument(req, await loadGazetteer(db)), { importMaxItems, logger }),
    changes,
    live: new LiveService(changes, tailer, { maxBuffered: live.maxBuffered, stallMs: live.stallMs }),
    // stateful: holds the last rankings; createApp starts and stops its job
    ranking: new RankingService(db, logger, ranking),
    planner,
  };
  return {
    services,
    shapes,
    background: {
      tailer,
      async start() {
        await tailer.start();
        pruner.start();
      },
      async stop() {
        await Promise.all([tailer.stop(), pruner.stop()]);
      },
    },
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
        loaders: createLoaders(repositories, planner),
        user,
      };
    },
  };
}
